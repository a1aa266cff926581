// Small pieces shared by the report's sections: unit and wave names, the text of one cell, the wave column
// headers, and the items × waves table. They format the server's numbers; they decide nothing.
import type { Loaded } from '../admin/useLoad';
import { ErrorMessage } from '../components/ErrorMessage';
import { TableWrap } from '../components/TableWrap';
import { useT } from '../i18n/common';
import { formatPercent } from '../format';
import { useDashT, type DashKey } from '../i18n/dashboard';
import type { Locale } from '../i18n';
import type { Estimate, ItemReport, OverallCell, ReportWave } from './api';
import { points } from './labels';
import type { GoLive } from './model';

/** While the report loads, "Henter …"; when it cannot be had, "not found" with the server's error. */
export function ReportLoading({ report }: { report: Pick<Loaded<unknown>, 'loading' | 'error'> }) {
  const tc = useT();
  if (report.loading) {
    return (
      <p role="status" className="page-loading">
        {tc('loading')}
      </p>
    );
  }
  return (
    <>
      <h1>{tc('pageNotFound')}</h1>
      <ErrorMessage error={report.error} />
    </>
  );
}

/** A unit's name, or a reporting group's with the words that say its members are reported together. */
export function UnitName({ unit }: { unit: { unitName: string; group: string | null } }) {
  const t = useDashT();
  return (
    <>
      {unit.unitName}
      {unit.group && <span className="muted"> ({t('reportingGroup')})</span>}
    </>
  );
}

export function useWaveName() {
  const t = useDashT();
  return (w: ReportWave) => {
    const phase = t(`phase_${w.phase}` as DashKey);
    return w.name.toLocaleLowerCase().includes(phase.toLocaleLowerCase()) ? w.name : `${w.name} (${phase})`;
  };
}

/** "4. aug. 2026" (da) / "4 Aug 2026" (en), in Copenhagen. */
export function shortDate(day: string, locale: Locale): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T12:00:00Z`) : new Date(day);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** "I drift siden 4. aug. 2026" or "Ikke i drift endnu" (with the planned day under it). */
export function GoLiveText({ status }: { status: GoLive | undefined }) {
  const t = useDashT();
  if (!status) return <span className="muted">–</span>;
  if (status.live && status.date) return <span className="golive live">{t('liveSince', { date: shortDate(status.date, t.locale) })}</span>;
  return (
    <span className="golive not-live">
      {t('notLiveYet')}
      {status.date && (
        <>
          <br />
          <span className="muted">{t('livePlanned', { date: shortDate(status.date, t.locale) })}</span>
        </>
      )}
    </span>
  );
}

/** A whole percentage, e.g. "62 %". */
export const pct = (p: number | null | undefined, locale: Locale) => formatPercent(p, locale);

/** "+12 pp" (points with a sign). */
export const pp = (d: number) => `${points(d)} pp`;

/**
 * "63 % (52–71 %; n = 45)", prefixed by the server's words when it calls the estimate indicative
 * ("Få svar – kun vejledende: …"); the hidden words for a hidden cell, never a number.
 */
export function useCellText() {
  const t = useDashT();
  return (c: Pick<Estimate, 'hidden' | 'p' | 'lo' | 'hi' | 'n' | 'label'> | undefined | null, measured = true) => {
    if (!c || !measured) return { text: t('notMeasured'), hidden: false, empty: true };
    if (c.hidden || c.p == null) return { text: c.hidden ? (c.label?.[t.locale] ?? t('hidden')) : '–', hidden: c.hidden, empty: !c.hidden };
    const numbers = t('cellValue', { p: formatPercent(c.p, t.locale), lo: Math.round((c.lo ?? 0) * 100), hi: Math.round((c.hi ?? 0) * 100), n: c.n });
    const words = c.label?.code === 'indicative' ? `${c.label[t.locale] ?? c.label.da}: ` : '';
    return { text: words + numbers, hidden: false, empty: false };
  };
}

/** The measured overall cell of a wave as an estimate, or null. */
export const measuredCell = (c: OverallCell | undefined) => (c && c.measured ? c : null);

/** One column header per wave: its name, and under it how many units the wave covers ("5 enheder"). */
export function WaveHeaders({ waves }: { waves: ReportWave[] }) {
  const t = useDashT();
  const waveName = useWaveName();
  return (
    <>
      {waves.map((w) => (
        <th scope="col" key={w.id}>
          {waveName(w)}
          {w.unitCount != null && (
            <>
              <br />
              <span className="muted wave-units">{t('unitsLine', { units: w.unitCount })}</span>
            </>
          )}
        </th>
      ))}
    </>
  );
}

/** Per wave: the server says this wave's question is worded differently from the latest, or is not comparable. */
export function WaveFlags({ cell }: { cell: OverallCell | undefined }) {
  const t = useDashT();
  if (!cell || !cell.measured) return null;
  return (
    <>
      {cell.comparable === false && (
        <span className="legend-note wave-flag">
          <br />
          {t('waveNotComparable')}
        </span>
      )}
      {cell.comparable !== false && cell.wordingChanged && (
        <span className="legend-note wave-flag">
          <br />
          {t('waveWordingChanged')}
        </span>
      )}
    </>
  );
}

/** A construct's name in the report's words (the old behaviour as "Sjældent/aldrig den gamle måde"); null for
 *  one without words, so no internal code ("custom") ever shows as a badge. */
export function useConstructName() {
  const t = useDashT();
  return (c: string): string | null => {
    const key = `construct_${c}` as DashKey;
    const text = t(key);
    return text === key ? null : text;
  };
}

/**
 * Items × waves with % favourable, folded away under a summary (diagnostics, the secretariat's own questions).
 * On a phone each row becomes a card (class "stack"), so the table never scrolls sideways.
 */
export function ItemTable({ summary, caption, items, waves, open }: { summary: string; caption: string; items: ItemReport[]; waves: ReportWave[]; open?: boolean }) {
  const t = useDashT();
  const cellText = useCellText();
  const constructName = useConstructName();
  const waveName = useWaveName();
  return (
    <details open={open}>
      <summary>{summary}</summary>
      <TableWrap label={caption}>
        <table className="stack">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('question')}</th>
              <WaveHeaders waves={waves} />
            </tr>
          </thead>
          <tbody>
            {items.map((it) => (
              <tr key={it.key}>
                <th scope="row">
                  {constructName(it.construct) && <span className="tag">{constructName(it.construct)}</span>} {it.text[t.locale] ?? it.text.da}
                </th>
                {waves.map((w) => {
                  const c = it.overall.find((x) => x.waveId === w.id);
                  const v = cellText(measuredCell(c), !!c && c.measured);
                  return (
                    <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined} data-label={waveName(w)}>
                      {v.text}
                      <WaveFlags cell={c} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
