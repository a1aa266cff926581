// The rollout timeline: each unit's go-live date (a diamond) and each wave's open–close span (a bar) on one date
// axis, with today marked. The drawing is an SVG image with a short text alternative; the table under it holds
// every date, so nothing is only in the picture.
import { useEffect, useRef, useState } from 'react';
import type { ProjectDetail } from '../api';
import { TableWrap } from '../../components/TableWrap';
import { formatDate } from '../../format';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useLoad } from '../useLoad';
import { workspaceApi, type Timeline } from './api';
import { WsError } from './shared';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T12:00:00Z`);

// The drawing is laid out for the width it gets (at most W, at least MIN_W), one SVG unit to a CSS pixel, so its
// text keeps its size on a phone instead of shrinking or making the box scroll sideways.
const W = 960;
const MIN_W = 300;
const NARROW = 600;
const RIGHT = 24;
const ROW = 32;
const AXIS = 40;

const truncate = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Month starts between two instants, thinned to at most `max` ticks. */
function monthTicks(from: number, to: number, max: number): number[] {
  const d = new Date(from);
  let cur = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const all: number[] = [];
  while (cur <= to) {
    all.push(cur);
    const c = new Date(cur);
    cur = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  const step = Math.max(1, Math.ceil(all.length / Math.max(1, max)));
  return all.filter((_, i) => i % step === 0);
}

export function RolloutTimeline({ project }: { project: ProjectDetail }) {
  const t = useWorkspaceT();
  // Reload when the project changes (a new go-live date, a unit added or removed).
  const timeline = useLoad(() => workspaceApi.timeline(project.id), [project]);
  const data = timeline.data;

  return (
    <section className="section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timelineTitle')}</h2>
      <p className="muted">{t('timelineIntro')}</p>
      <WsError error={timeline.error} />
      {data && (data.range ? <TimelineBody data={data} /> : <p>{t('timelineEmpty')}</p>)}
      {data && <ComparisonAdvice data={data} />}
    </section>
  );
}

/** Whether the plan lets the report compare with units not yet live, and which go-lives to move if not. */
function ComparisonAdvice({ data }: { data: Timeline }) {
  const t = useWorkspaceT();
  const waveName = (id: number) => data.waves.find((w) => w.id === id)?.name ?? '';
  const { comparableWaveIds, suggestion } = data.comparison;
  if (comparableWaveIds.length) return <p className="notice">{t('comparisonPossible', { waves: comparableWaveIds.map(waveName).join(', ') })}</p>;
  if (!suggestion) return null;
  const units = suggestion.unitIds.map((id) => data.rollouts.find((r) => r.unitId === id)?.unitName ?? '').join(', ');
  return <p className="notice notice-warn">{t('comparisonSuggest', { units, wave: waveName(suggestion.afterWaveId) })}</p>;
}

/** The box's content width, followed as it changes (null before the first layout). */
function useBoxWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function TimelineBody({ data }: { data: Timeline }) {
  const t = useWorkspaceT();
  const [boxRef, boxWidth] = useBoxWidth();
  const width = Math.round(Math.min(W, Math.max(MIN_W, boxWidth ?? W)));
  const narrow = width < NARROW;
  // Narrow: each row's name on its own line above its marks, so names stay readable and the axis gets the width.
  const labelW = narrow ? 12 : 250;
  const labelChars = narrow ? Math.floor((width - 16) / 8) : 30;
  const rowH = narrow ? 50 : ROW;
  const labelY = (top: number) => (narrow ? top + 15 : top + ROW / 2 + 5);
  const markY = (top: number) => (narrow ? top + 35 : top + ROW / 2);
  const locale = t.locale;
  const monthFmt = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const shortFmt = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

  const today = ms(data.today);
  const from = Math.min(ms(data.range!.from), today) - 14 * DAY;
  const to = Math.max(ms(data.range!.to), today) + 14 * DAY;
  const x = (d: number) => labelW + ((d - from) / (to - from)) * (width - labelW - RIGHT);

  const unitRows = data.rollouts;
  const waveRows = data.waves;
  const unitsTop = AXIS + 8;
  const wavesTop = unitsTop + unitRows.length * rowH + (waveRows.length ? 12 : 0);
  const height = wavesTop + waveRows.length * rowH + 8;
  const ticks = monthTicks(from, to, Math.floor((width - labelW - RIGHT) / 80));

  const events = [
    ...unitRows.map((r) => ({
      sort: r.goLiveDate ?? '9999',
      date: r.goLiveDate ? formatDate(r.goLiveDate, locale) : t('noGoLiveDate'),
      text: `${t('eventGoLive', { unit: r.unitName })}${r.retired ? ` ${t('retiredSuffix')}` : ''}`,
    })),
    ...waveRows.map((w) => ({
      sort: w.opensOn ?? '9999',
      date: w.opensOn || w.closesOn ? t('dateSpan', { from: formatDate(w.opensOn, locale) || t('openEnded'), to: formatDate(w.closesOn, locale) || t('openEnded') }) : t('noGoLiveDate'),
      text: t('eventWave', { name: w.name, phase: t(`phase_${w.phase}` as WorkspaceKey), status: t(`wave_${w.status}` as WorkspaceKey) }),
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));

  return (
    <>
      <div className="rollout-timeline-box" ref={boxRef}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('timelineImg', { units: unitRows.filter((r) => r.goLiveDate).length, waves: waveRows.length })} className={`timeline-svg${narrow ? ' narrow' : ''}`}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={AXIS - 6} y2={height} className="tl-grid" />
              {x(tick) + 70 < width && (
                <text x={x(tick) + 3} y={AXIS - 12} className="tl-tick">
                  {monthFmt.format(new Date(tick))}
                </text>
              )}
            </g>
          ))}
          <line x1={labelW} x2={width - RIGHT} y1={AXIS - 6} y2={AXIS - 6} className="tl-axis" />
          {unitRows.map((r, i) => {
            const top = unitsTop + i * rowH;
            const y = markY(top);
            return (
              <g key={`u${r.unitId}`} data-unit-id={r.unitId}>
                <text x={8} y={labelY(top)} className={`tl-label${r.retired ? ' retired' : ''}`}>
                  {truncate(r.unitName, labelChars)}
                  {r.retired ? ` ${t('retiredSuffix')}` : ''}
                </text>
                {r.goLiveDate ? (
                  <>
                    <path d={`M ${x(ms(r.goLiveDate))} ${y - 9} l 9 9 l -9 9 l -9 -9 z`} className="tl-golive" />
                    {/* Near the right edge the date goes left of its diamond, so it is not cut off. */}
                    <text
                      {...(x(ms(r.goLiveDate)) + 70 > width ? { x: x(ms(r.goLiveDate)) - 13, textAnchor: 'end' } : { x: x(ms(r.goLiveDate)) + 13 })}
                      y={y + 5}
                      className="tl-date"
                    >
                      {shortFmt.format(new Date(ms(r.goLiveDate)))}
                    </text>
                  </>
                ) : (
                  <text x={labelW + 4} y={y + 5} className="tl-date muted">
                    {t('noGoLiveDate')}
                  </text>
                )}
              </g>
            );
          })}
          {waveRows.map((w, i) => {
            const top = wavesTop + i * rowH;
            const y = markY(top);
            const start = w.opensOn ? ms(w.opensOn) : null;
            const end = w.closesOn ? ms(w.closesOn) : start !== null ? start + 14 * DAY : null;
            return (
              <g key={`w${w.id}`} data-wave-id={w.id}>
                <text x={8} y={labelY(top)} className="tl-label">
                  {truncate(w.name, labelChars)}
                </text>
                {start !== null && end !== null ? (
                  <rect x={x(start)} y={y - ROW / 2 + 6} width={Math.max(4, x(end + DAY) - x(start))} height={ROW - 12} rx={3} className={`tl-wave ${w.phase}${w.closesOn ? '' : ' open-ended'}`} />
                ) : (
                  <text x={labelW + 4} y={y + 5} className="tl-date muted">
                    {t('noGoLiveDate')}
                  </text>
                )}
              </g>
            );
          })}
          <line x1={x(today)} x2={x(today)} y1={AXIS - 6} y2={height} className="tl-today" />
          <text {...(x(today) + 50 > width ? { x: x(today) - 4, textAnchor: 'end' } : { x: x(today) + 4 })} y={AXIS + 4} className="tl-today-label">
            {t('today')}
          </text>
        </svg>
      </div>
      <ul className="tl-legend" aria-hidden="true">
        <li>
          <svg width="18" height="18" viewBox="0 0 18 18">
            <path d="M 9 0 l 9 9 l -9 9 l -9 -9 z" className="tl-golive" />
          </svg>{' '}
          {t('legendGoLive')}
        </li>
        <li>
          <svg width="28" height="14" viewBox="0 0 28 14">
            <rect width="28" height="14" rx="3" className="tl-wave baseline" />
          </svg>{' '}
          {t('legendBaseline')}
        </li>
        <li>
          <svg width="28" height="14" viewBox="0 0 28 14">
            <rect width="28" height="14" rx="3" className="tl-wave followup" />
          </svg>{' '}
          {t('legendFollowup')}
        </li>
      </ul>
      <details className="tl-table">
        <summary>{t('timelineTable')}</summary>
        <TableWrap label={t('timelineTable')}>
          <table>
            <caption className="visually-hidden">{t('timelineTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colEvent')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={i}>
                  <td>{e.date}</td>
                  <td>{e.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </>
  );
}
