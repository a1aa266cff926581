// System usage beside self-reported adoption, in a behaviour's drill-down: per unit with imported figures and per
// shown wave, the IT system's value (GET /projects/:id/usage: the mean over periods within the wave, else the
// latest period before) next to the report's adoption cell of the row holding that unit (the unit, or its
// reporting group). Both numbers come from the server as they are; a hidden adoption cell shows the report's
// hidden words. Usage figures are system data, so the server shows them without the anonymity threshold.
import { TableWrap } from '../components/TableWrap';
import { formatNumber } from '../format';
import { useDashT } from '../i18n/dashboard';
import type { BehaviourReport, BehaviourUsage, ReportWave } from './api';
import { useCellText, useWaveName } from './shared';

export function UsageBeside({ behaviour, usage, waves }: { behaviour: BehaviourReport; usage: BehaviourUsage | undefined; waves: ReportWave[] }) {
  const t = useDashT();
  const cellText = useCellText();
  const waveName = useWaveName();
  if (!usage || usage.units.length === 0) return null;
  const caption = t('usageTitle');
  const measure = usage.measure || t('usageNoMeasure');
  const rows = behaviour.adoption?.units ?? [];

  return (
    <div className="usage-beside">
      <h3>{caption}</h3>
      <p className="legend-note">{t('usageIntro', { measure })}</p>
      <TableWrap label={caption}>
        <table className="stack usage-table">
          <caption>{`${caption}: ${behaviour.title}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('unit')}</th>
              {waves.map((w) => [
                <th scope="col" key={`${w.id}-v`} className="num">
                  {t('usageColValue', { wave: waveName(w) })}
                </th>,
                <th scope="col" key={`${w.id}-a`}>
                  {t('usageColAdoption', { wave: waveName(w) })}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {usage.units.map((u) => {
              const row = rows.find((r) => r.unitIds.includes(u.unitId));
              return (
                <tr key={u.unitId} data-unit={u.unitId}>
                  <th scope="row">{u.unitName}</th>
                  {waves.map((w) => {
                    const fig = u.waves.find((x) => x.waveId === w.id);
                    const c = row?.cells.find((x) => x.waveId === w.id);
                    const v = !row ? { text: '–', hidden: false } : w.unitResultsShown ? cellText(c, !!c) : { text: t('unitAfterClose'), hidden: false };
                    return [
                      <td key={`${w.id}-v`} className="num usage-value" data-label={t('usageColValue', { wave: waveName(w) })}>
                        {fig?.value == null ? '–' : formatNumber(fig.value, t.locale)}
                        {fig?.basis === 'before' && <span className="muted"> {t('usageBefore')}</span>}
                      </td>,
                      <td key={`${w.id}-a`} className={v.hidden ? 'hidden-cell usage-adoption' : 'usage-adoption'} data-label={t('usageColAdoption', { wave: waveName(w) })}>
                        {v.text}
                        {row?.group && <span className="muted"> {t('usageGroup', { group: row.unitName })}</span>}
                      </td>,
                    ];
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
