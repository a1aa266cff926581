// Barrier profile of one behaviour: capability, opportunity, motivation and the old behaviour side by side,
// for the whole project and per unit, each phrased so that up is good (the old-behaviour item's favourable
// answers are "never/rarely", so it reads "sjældent/aldrig den gamle måde"), with a hint of what a low number
// calls for. The numbers and what is hidden are the server's.
import { TableWrap } from '../components/TableWrap';
import { formatPercent } from '../format';
import { useDashT, type DashKey } from '../i18n/dashboard';
import type { ItemReport, ReportWave } from './api';
import { UnitName, useWaveName } from './shared';

export const BARRIERS = ['capability', 'opportunity', 'motivation', 'old_behaviour'] as const;
export type Barrier = (typeof BARRIERS)[number];

type CellLike = { hidden: boolean; p: number | null; n: number; label: { code: string; da: string; en: string } } | undefined;

function BarrierCell({ cell, shown }: { cell: CellLike; shown: boolean }) {
  const t = useDashT();
  if (!shown) return <span className="muted">{t('unitAfterClose')}</span>;
  if (!cell) return <span className="muted">{t('notMeasured')}</span>;
  if (cell.hidden || cell.p == null) return <span className="hidden-words">{cell.hidden ? (cell.label[t.locale] ?? t('hidden')) : '–'}</span>;
  return (
    <span className="barrier-value">
      <span className="barrier-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(cell.p * 100)}%` }} />
      </span>
      <strong>{formatPercent(cell.p, t.locale)}</strong> <span className="muted">{t('nLine', { n: cell.n })}</span>
      {cell.label.code === 'indicative' && (
        <>
          <br />
          <span className="legend-note">{cell.label[t.locale] ?? cell.label.da}</span>
        </>
      )}
    </span>
  );
}

export function BarrierProfile({ behaviourTitle, diagnostics, wave }: { behaviourTitle: string; diagnostics: ItemReport[]; wave: ReportWave | null }) {
  const t = useDashT();
  const waveName = useWaveName();
  const items = BARRIERS.map((b) => ({ barrier: b, item: diagnostics.find((d) => d.construct === b) })).filter((x) => x.item);
  if (!wave || items.length === 0) return <p className="muted">{t('barrierNone')}</p>;
  const measuredHere = items.some(({ item }) => item!.overall.some((o) => o.waveId === wave.id && o.measured));
  if (!measuredHere) return <p className="muted">{t('barrierNone')}</p>;
  const name = (b: Barrier) => t(`barrier_${b}` as DashKey);
  const hint = (b: Barrier) => t(`hint_${b}` as DashKey);
  const rowKeys = [...new Map(items.flatMap(({ item }) => item!.units).map((u) => [u.key, u])).values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'da'));
  const caption = t('barrierCaption', { behaviour: behaviourTitle, wave: waveName(wave) });
  return (
    <>
      <p className="legend-note">{t('barrierIntro', { wave: waveName(wave) })}</p>
      <ul className="barrier-hints">
        {items.map(({ barrier }) => (
          <li key={barrier}>
            <strong>{name(barrier)}</strong> – {hint(barrier)}
          </li>
        ))}
      </ul>
      <TableWrap label={caption}>
        <table className="stack barrier-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('unit')}</th>
              {items.map(({ barrier }) => (
                <th scope="col" key={barrier} className="wrap">
                  {name(barrier)}
                  <br />
                  <span className="muted hint">{hint(barrier)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('tableTotal')}</th>
              {items.map(({ barrier, item }) => {
                const c = item!.overall.find((o) => o.waveId === wave.id);
                return (
                  <td key={barrier} data-label={name(barrier)}>
                    <BarrierCell cell={c && c.measured ? c : undefined} shown />
                  </td>
                );
              })}
            </tr>
            {rowKeys.map((u) => (
              <tr key={u.key}>
                <th scope="row">
                  <UnitName unit={u} />
                </th>
                {items.map(({ barrier, item }) => {
                  const row = item!.units.find((r) => r.key === u.key);
                  return (
                    <td key={barrier} data-label={name(barrier)}>
                      <BarrierCell cell={row?.cells.find((c) => c.waveId === wave.id)} shown={wave.unitResultsShown} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
