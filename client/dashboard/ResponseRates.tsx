// Response rates per wave (RR1, RR2, complete and partial answers, staff) and, once a wave has closed, per unit.
// The server decides which rows are hidden; a hidden row shows its words instead of numbers.
import type { ReactNode } from 'react';
import { TableWrap } from '../components/TableWrap';
import { formatDate, formatPercent } from '../format';
import { useDashT, type DashKey } from '../i18n/dashboard';
import type { RateNumbers, Report } from './api';
import { UnitName, useWaveName } from './shared';

export function ResponseRates({ report }: { report: Report }) {
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
export function RateTable({
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
      <table className="stack">
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
                  <td className="num" key={c.key} data-label={t(c.key)}>
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
