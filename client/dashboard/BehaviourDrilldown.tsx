// Drill-down of one behaviour: the adoption chart and the change in words, the unit × wave table, the timeline
// with each unit's go-live and the comparison group's line, the barrier profile, and the comments staff wrote
// about this behaviour (whole closed waves only, as the server decides), with a way to the project's comments,
// and the leaders' actions for it: markers on the timeline, and "Tilføj handling" with the suggested type.
import { BehaviourActions } from '../admin/actions/BehaviourActions';
import { useActionPlan } from '../admin/actions/planStore';
import { useActionsT } from '../i18n/actions';
import { usePath } from '../router';
import { TableWrap } from '../components/TableWrap';
import { useDashT } from '../i18n/dashboard';
import type { BehaviourReport, BehaviourUsage, CommentWave, ReportWave } from './api';
import { AdoptionChart } from './AdoptionChart';
import { BarrierProfile } from './BarrierProfile';
import { DesignNote } from './comparison';
import type { GoLive } from './model';
import { ChangeLabel } from './OverviewSection';
import { GoLiveText, ItemTable, UnitName, WaveFlags, WaveHeaders, measuredCell, useCellText, useWaveName } from './shared';
import { TimelineChart } from './TimelineChart';
import { UsageBeside } from './UsageBeside';

export function BehaviourDrilldown({
  behaviour,
  waves,
  barrierWave,
  goLive,
  withComments,
  comments,
  usage,
}: {
  behaviour: BehaviourReport;
  waves: ReportWave[];
  barrierWave: ReportWave | null;
  goLive: Map<string, GoLive | undefined>;
  withComments: boolean;
  /** The shown waves' comments (the server's); those whose question asks about this behaviour are shown here. */
  comments?: CommentWave[];
  /** The behaviour's system usage figures, when any were imported. */
  usage?: BehaviourUsage;
}) {
  const t = useDashT();
  const ta = useActionsT();
  // The report page is /projects/:id/report; its actions are read once for all its drill-downs.
  const projectId = Number(/^\/projects\/(\d+)\//.exec(usePath())?.[1]) || null;
  const actionPlan = useActionPlan(projectId);
  const behaviourActions = actionPlan.plan?.actions.filter((a) => a.behaviourId === behaviour.id) ?? [];
  const actionMarkers = behaviourActions.map((a) => ({ day: a.markerDay, label: `${ta('markerLabel', { title: a.title })} (${a.unitName}, ${ta(a.status === 'done' ? 'markerDone' : 'markerRecorded')})` }));
  const cellText = useCellText();
  const waveName = useWaveName();
  const headingId = `behaviour-${behaviour.id}`;
  const item = behaviour.adoption;
  const overall = (waveId: number) => item?.overall.find((c) => c.waveId === waveId);
  const anyChangedWording = item?.overall.some((c) => c.measured && c.wordingChanged);
  const anyNotComparable = item?.overall.some((c) => c.measured && c.comparable === false);
  const rowsWithGoLive = item ? item.units.filter((u) => goLive.get(u.key)) : [];
  const line = behaviour.comparisonLine;
  const ownComments = (comments ?? [])
    .filter((w) => w.shown)
    .map((w) => ({ wave: w, questions: w.questions.filter((q) => q.behaviourId === behaviour.id) }))
    .filter((w) => w.questions.length > 0);

  return (
    <section className="behaviour-report" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {behaviour.title}
      </h2>
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
              <ChangeLabel behaviour={behaviour} />
              <DesignNote behaviour={behaviour} detailed />
              {anyChangedWording && <p className="legend-note">{t('wordingChanged')}</p>}
              {anyNotComparable && <p className="legend-note">{t('notComparable')}</p>}
            </div>
          </div>
          <TableWrap label={t('tableCaption', { behaviour: behaviour.title })}>
            <table className="stack">
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
                    const v = cellText(measuredCell(c), !!c && c.measured);
                    return (
                      <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined} data-label={waveName(w)}>
                        <strong>{v.text}</strong>
                        <WaveFlags cell={c} />
                      </td>
                    );
                  })}
                </tr>
                {line && (
                  <tr className="comparison-row">
                    <th scope="row">{t('comparisonLine')}</th>
                    {waves.map((w) => {
                      const c = line.find((x) => x.waveId === w.id);
                      const v = w.unitResultsShown ? cellText(c, !!c) : { text: t('unitAfterClose'), hidden: false };
                      return (
                        <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined} data-label={waveName(w)}>
                          {v.text}
                          {c && !c.hidden && <span className="legend-note wave-flag"><br />{t('comparisonUnits', { units: c.cells })}</span>}
                        </td>
                      );
                    })}
                  </tr>
                )}
                {item.units.map((u) => (
                  <tr key={u.key}>
                    <th scope="row">
                      <UnitName unit={u} />
                    </th>
                    {waves.map((w) => {
                      const c = u.cells.find((x) => x.waveId === w.id);
                      const v = w.unitResultsShown ? cellText(c, !!c) : { text: t('unitAfterClose'), hidden: false };
                      return (
                        <td key={w.id} className={v.hidden ? 'hidden-cell' : undefined} data-label={waveName(w)}>
                          {v.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>

          <UsageBeside behaviour={behaviour} usage={usage} waves={waves} />

          <h3>{t('timelineTitle')}</h3>
          <p className="legend-note">{t('timelineIntro')}</p>
          {line && <p className="legend-note">{t('comparisonLineIntro')}</p>}
          {actionMarkers.length > 0 && <p className="legend-note">{ta('markersIntro')}</p>}
          <TimelineChart behaviourTitle={behaviour.title} item={item} waves={waves} goLive={goLive} comparison={line} actions={actionMarkers} />
          {rowsWithGoLive.length > 0 && (
            <TableWrap label={t('goLiveCaption')}>
              <table className="stack golive-table">
                <caption>{t('goLiveCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('unit')}</th>
                    <th scope="col">{t('heatmapGoLive')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowsWithGoLive.map((u) => (
                    <tr key={u.key}>
                      <th scope="row">
                        <UnitName unit={u} />
                      </th>
                      <td data-label={t('heatmapGoLive')}>
                        <GoLiveText status={goLive.get(u.key)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}

          <h3>{t('barrierTitle')}</h3>
          <BarrierProfile behaviourTitle={behaviour.title} diagnostics={behaviour.diagnostics} wave={barrierWave} />
          {behaviour.diagnostics.length > 0 && (
            <ItemTable summary={t('diagnosticsAllWaves')} caption={t('diagnosticsCaption', { behaviour: behaviour.title })} items={behaviour.diagnostics} waves={waves} />
          )}
          {projectId && <BehaviourActions projectId={projectId} behaviourId={behaviour.id} behaviourTitle={behaviour.title} state={actionPlan} actions={behaviourActions} reload={actionPlan.reload} />}
          {ownComments.length > 0 && (
            <>
              <h3>{t('behaviourCommentsTitle')}</h3>
              {ownComments.map(({ wave, questions }) => (
                <details key={wave.waveId}>
                  <summary>{t('behaviourCommentsWave', { wave: wave.name, n: questions.reduce((s, q) => s + q.comments.length, 0) })}</summary>
                  {questions.map((q) => (
                    <ul key={q.key} className="comments" aria-label={q.text[t.locale] ?? q.text.da}>
                      {q.comments.map((c, i) => (
                        <li key={i}>{c}</li>
                      ))}
                    </ul>
                  ))}
                </details>
              ))}
            </>
          )}
          {withComments && (
            <p className="no-print">
              <a href="#comments-title">{ownComments.length > 0 ? t('commentsLinkOthers') : t('commentsLink')}</a>
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t('notMeasured')}</p>
      )}
    </section>
  );
}
