// The manager report for /projects/:id/report: per behaviour the adoption chart, the change in plain words,
// a unit × wave table, what adoption depends on, and response rates. Every number and every decision about
// what is hidden comes from the server; this page only shows it.
import { useEffect, type ReactNode } from 'react';
import { reportApi } from './api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TableWrap } from '../components/TableWrap';
import { formatDate, formatPercent } from '../format';
import { useT } from '../i18n/common';
import { useDashT, type DashKey } from '../i18n/dashboard';
import { Link } from '../router';
import { useLoad } from '../admin/useLoad';
import { AdoptionChart } from './AdoptionChart';
import { CommentsSection } from './CommentsSection';
import { labelSentence } from './labels';
import type { BehaviourReport, Estimate, ItemReport, OverallCell, RateNumbers, Report, ReportWave } from './api';

export default function ReportPage({ projectId }: { projectId: number }) {
  const t = useDashT();
  const tc = useT();
  const report = useLoad(() => reportApi.get(projectId), [projectId]);
  const r = report.data;

  useEffect(() => {
    if (r) document.title = `${t('reportTitle', { project: r.project.name })} – Gevinstspor`;
  }, [r, t]);

  if (!r) {
    return report.loading ? (
      <p role="status" className="page-loading">
        {tc('loading')}
      </p>
    ) : (
      <>
        <h1>{tc('pageNotFound')}</h1>
        <ErrorMessage error={report.error} />
      </>
    );
  }

  const shown = r.waves.filter((w) => w.resultsShown);
  const pending = r.waves.filter((w) => !w.resultsShown && w.status !== 'draft');
  const live = r.waves.filter((w) => w.resultsShown && !w.unitResultsShown);

  return (
    <>
      <nav className="breadcrumbs no-print" aria-label={t('breadcrumb')}>
        <ol>
          <li>
            <Link to={`/projects/${r.project.id}`}>{t('backToProject')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('reportTitle', { project: r.project.name })}</h1>
      <p>{t('reportIntro', { k: r.threshold })}</p>
      <p className="legend-note">{t('dontKnowNote')}</p>
      {pending.length > 0 && <p className="notice">{t('wavesPending', { waves: pending.map((w) => w.name).join(', ') })}</p>}
      {live.length > 0 && <p className="notice">{t('wavesLive', { waves: live.map((w) => w.name).join(', '), k: r.threshold })}</p>}
      {shown.length === 0 && <p className="notice">{t('noWavesShown')}</p>}
      {shown.length > 0 && r.behaviours.length === 0 && <p>{t('noBehaviours')}</p>}
      {shown.length > 0 && r.behaviours.map((b) => <BehaviourSection key={b.id} behaviour={b} waves={shown} />)}
      {shown.length > 0 && r.customItems.length > 0 && (
        <section className="behaviour-report" aria-labelledby="custom-title">
          <h2 id="custom-title">{t('customTitle')}</h2>
          <ItemTable summary={t('customSummary')} caption={t('customCaption')} items={r.customItems} waves={shown} open />
        </section>
      )}
      {shown.length > 0 && <CommentsSection projectId={r.project.id} />}
      <ResponseRates report={r} />
    </>
  );
}

/** A unit's name, or a reporting group's with the words that say its members are reported together. */
function UnitName({ unit }: { unit: { unitName: string; group: string | null } }) {
  const t = useDashT();
  return (
    <>
      {unit.unitName}
      {unit.group && <span className="muted"> ({t('reportingGroup')})</span>}
    </>
  );
}

function useWaveName() {
  const t = useDashT();
  return (w: ReportWave) => {
    const phase = t(`phase_${w.phase}` as DashKey);
    return w.name.toLocaleLowerCase().includes(phase.toLocaleLowerCase()) ? w.name : `${w.name} (${phase})`;
  };
}

/**
 * "63 % (52–71 %; n = 45)", prefixed by the server's words when it calls the estimate indicative
 * ("Få svar – kun vejledende: …"); the hidden words for a hidden cell, never a number.
 */
function useCellText() {
  const t = useDashT();
  return (c: Pick<Estimate, 'hidden' | 'p' | 'lo' | 'hi' | 'n' | 'label'> | undefined | null, measured = true) => {
    if (!c || !measured) return { text: t('notMeasured'), hidden: false, empty: true };
    if (c.hidden || c.p == null) return { text: c.hidden ? (c.label?.[t.locale] ?? t('hidden')) : '–', hidden: c.hidden, empty: !c.hidden };
    const numbers = t('cellValue', { p: formatPercent(c.p, t.locale), lo: Math.round((c.lo ?? 0) * 100), hi: Math.round((c.hi ?? 0) * 100), n: c.n });
    const words = c.label?.code === 'indicative' ? `${c.label[t.locale] ?? c.label.da}: ` : '';
    return { text: words + numbers, hidden: false, empty: false };
  };
}

function BehaviourSection({ behaviour, waves }: { behaviour: BehaviourReport; waves: ReportWave[] }) {
  const t = useDashT();
  const cellText = useCellText();
  const headingId = `behaviour-${behaviour.id}`;
  const item = behaviour.adoption;
  const overall = (waveId: number) => item?.overall.find((c) => c.waveId === waveId);
  const anyChangedWording = item?.overall.some((c) => c.measured && c.wordingChanged);
  const anyNotComparable = item?.overall.some((c) => c.measured && c.comparable === false);

  return (
    <section className="behaviour-report" aria-labelledby={headingId}>
      <h2 id={headingId}>{behaviour.title}</h2>
      {item ? (
        <>
          <p className="muted">{item.text[t.locale] ?? item.text.da}</p>
          <div className="report-grid">
            <div>
              <h3>{t('adoptionTitle')}</h3>
              <AdoptionChart behaviourTitle={behaviour.title} item={item} waves={waves} />
            </div>
            <div>
              <h3>{t('changeTitle')}</h3>
              {behaviour.change ? (
                <p className="change-label">{labelSentence(behaviour.change.label, t.locale)}</p>
              ) : (
                <p className="change-label none">{behaviour.changeNote === 'different_units' ? t('changeDifferentUnits') : t('noChange')}</p>
              )}
              {anyChangedWording && <p className="legend-note">{t('wordingChanged')}</p>}
              {anyNotComparable && <p className="legend-note">{t('notComparable')}</p>}
            </div>
          </div>
          <TableWrap label={t('tableCaption', { behaviour: behaviour.title })}>
            <table>
              <caption>{t('tableCaption', { behaviour: behaviour.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('unit')}</th>
                  <WaveHeaders waves={waves} />
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('tableTotal')}</th>
                  {waves.map((w) => {
                    const c = overall(w.id);
                    const v = cellText(c && c.measured ? c : null, !!c && c.measured);
                    return (
                      <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined}>
                        <strong>{v.text}</strong>
                        <WaveFlags cell={c} />
                      </td>
                    );
                  })}
                </tr>
                {item.units.map((u) => (
                  <tr key={u.key}>
                    <th scope="row">
                      <UnitName unit={u} />
                    </th>
                    {waves.map((w) => {
                      const c = u.cells.find((x) => x.waveId === w.id);
                      const v = w.unitResultsShown ? cellText(c, !!c) : { text: t('unitAfterClose'), hidden: false };
                      return (
                        <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined}>
                          {v.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {behaviour.diagnostics.length > 0 && (
            <ItemTable summary={t('diagnosticsTitle')} caption={t('diagnosticsCaption', { behaviour: behaviour.title })} items={behaviour.diagnostics} waves={waves} />
          )}
        </>
      ) : (
        <p className="muted">{t('notMeasured')}</p>
      )}
    </section>
  );
}

/** One column header per wave: its name, and under it how many units the wave covers ("5 enheder"). */
function WaveHeaders({ waves }: { waves: ReportWave[] }) {
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
function WaveFlags({ cell }: { cell: OverallCell | undefined }) {
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

/** Items × waves with % favourable, folded away under a summary (diagnostics, the secretariat's own questions). */
function ItemTable({ summary, caption, items, waves, open }: { summary: string; caption: string; items: ItemReport[]; waves: ReportWave[]; open?: boolean }) {
  const t = useDashT();
  const cellText = useCellText();
  const constructName = (c: string) => {
    const key = `construct_${c}` as DashKey;
    const text = t(key);
    return text === key ? c : text;
  };
  return (
    <details open={open}>
      <summary>{summary}</summary>
      <TableWrap label={caption}>
        <table>
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
                  <span className="tag">{constructName(it.construct)}</span> {it.text[t.locale] ?? it.text.da}
                </th>
                {waves.map((w) => {
                  const c = it.overall.find((x) => x.waveId === w.id);
                  const v = cellText(c && c.measured ? c : null, !!c && c.measured);
                  return (
                    <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined}>
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

function ResponseRates({ report }: { report: Report }) {
  const t = useDashT();
  const waveName = useWaveName();
  const rates = report.responseRates.filter((r) => report.waves.some((w) => w.id === r.waveId && w.status !== 'draft'));
  if (rates.length === 0) return null;
  const wave = (id: number) => report.waves.find((w) => w.id === id)!;
  return (
    <section className="behaviour-report" aria-labelledby="rates-title">
      <h2 id="rates-title">{t('rateTitle')}</h2>
      <RateTable
        caption={t('rateCaption')}
        rowHeader={t('rateWave')}
        withPartial
        rows={rates.map((r) => {
          const w = wave(r.waveId);
          return {
            key: r.waveId,
            numbers: r.hidden ? null : r,
            hiddenText: t('hiddenShort'),
            header: (
              <>
                {waveName(w)}
                <br />
                <span className="muted">{t('waveDates', { from: formatDate(w.opensOn, t.locale) || '…', to: formatDate(w.closesOn, t.locale) || '…' })}</span>
              </>
            ),
          };
        })}
      />
      {rates.map((r) => (
        <details key={r.waveId}>
          <summary>{t('rateUnits', { wave: waveName(wave(r.waveId)) })}</summary>
          {r.unitsShown ? (
            <RateTable
              caption={t('rateUnits', { wave: waveName(wave(r.waveId)) })}
              captionHidden
              rowHeader={t('unit')}
              rows={r.units.map((u) => ({ key: u.key, header: <UnitName unit={u} />, numbers: u.hidden ? null : u, hiddenText: t('rateUnitHidden') }))}
            />
          ) : (
            <p className="muted">{t('rateUnitsAfterClose')}</p>
          )}
        </details>
      ))}
    </section>
  );
}

/**
 * Response rates, one row per wave or per unit: RR1, RR2, complete (and partial) answers, staff. A row the server
 * hid shows its words across the number columns instead.
 */
function RateTable({
  caption,
  captionHidden,
  rowHeader,
  withPartial,
  rows,
}: {
  caption: string;
  captionHidden?: boolean;
  rowHeader: string;
  withPartial?: boolean;
  rows: { key: number | string; header: ReactNode; numbers: RateNumbers | null; hiddenText: string }[];
}) {
  const t = useDashT();
  const pct = (v: number | null) => (v == null ? '–' : formatPercent(v, t.locale));
  const columns: { key: DashKey; value: (r: RateNumbers) => ReactNode }[] = [
    { key: 'rateRR1', value: (r) => pct(r.rr1) },
    { key: 'rateRR2', value: (r) => pct(r.rr2) },
    { key: 'rateComplete', value: (r) => r.complete },
    ...(withPartial ? [{ key: 'ratePartial' as const, value: (r: RateNumbers) => r.partial }] : []),
    { key: 'rateEligible', value: (r) => r.eligible },
  ];
  return (
    <TableWrap label={caption}>
      <table>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c.key}>
                {t(c.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.header}
                {row.numbers?.overHundred && (
                  <span className="legend-note">
                    <br />
                    {t('rateOver')}
                  </span>
                )}
              </th>
              {row.numbers ? (
                columns.map((c) => (
                  <td className="num" key={c.key}>
                    {c.value(row.numbers!)}
                  </td>
                ))
              ) : (
                <td colSpan={columns.length} className="hidden-cell">
                  {row.hiddenText}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
