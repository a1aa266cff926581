// Timeline of one behaviour over every shown wave: the project total (thick) and each unit's line where the
// server shows per-unit numbers, placed at the wave's start date, with a dashed vertical line at each unit's
// go-live, and the comparison group (units not yet live at each wave, pooled by the server) as a long-dashed grey
// line with hollow squares, and a solid marker at each action the leaders recorded for the behaviour (the day it
// was done, else the day it was recorded), so the next wave shows whether it helped. The canvas has a text
// alternative; the unit × wave table next to it has every number, and the actions are listed under the chart.
import { useEffect, useRef } from 'react';
import { Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type Plugin, type PointStyle } from 'chart.js';
import { formatPercent, formatPercentTick } from '../format';
import { useActionsT } from '../i18n/actions';
import { useDashT } from '../i18n/dashboard';
import type { ComparisonPoint, ItemReport, ReportWave } from './api';
import { ChartPng, pngName, whiteBackground, type PngSource } from './ChartPng';
import type { GoLive } from './model';
import { shortDate, useWaveName } from './shared';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

const DAY = 86_400_000;
// Days since 1970 (floor: noon UTC rounded would be the next day, and dayString would then name the wrong day).
const dayNumber = (day: string) => Math.floor(new Date(`${day.slice(0, 10)}T12:00:00Z`).getTime() / DAY);
const dayString = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** "aug. 2026" for the axis (the exact days are in the tooltip and the text alternative). */
const monthYear = (day: string, locale: 'da' | 'en') =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', month: 'short', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));

/** Okabe–Ito and Tol colours with at least 3:1 against white, told apart by point shape and dash as well. */
const UNIT_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#882255', '#332288', '#117733', '#AA4499'];
const UNIT_POINTS: PointStyle[] = ['triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross', 'circle'];
const UNIT_DASH = [[], [6, 3], [2, 3], [8, 3, 2, 3]];
/** The comparison group: achromatic (the same for every colour vision), long dashes, hollow squares. */
const COMPARISON = { colour: '#595959', dash: [14, 6], point: 'rect' as PointStyle };

interface Marker {
  day: number;
  label: string;
}

/** An action on the timeline: its day (YYYY-MM-DD) and what it says, e.g. "Handling: Oplæring (Solhaven)". */
export interface ActionMarker {
  day: string;
  label: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends import('chart.js').ChartType> {
    goLiveMarkers?: { markers: Marker[] };
    actionMarkers?: { markers: Marker[] };
  }
}

/** Actions: a solid purple line (#6a3d9a, 7:1 on white) with a filled triangle at the foot and the action's number
 *  beside it (the numbered list under the chart says what each is), told apart from the dashed go-live lines by
 *  more than colour, and readable however many actions share a month. */
const ACTION_COLOUR = '#6a3d9a';
const NO_ACTIONS: ActionMarker[] = [];
const actionMarkers: Plugin<'line'> = {
  id: 'actionMarkers',
  afterDatasetsDraw(chart) {
    const opts = chart.options.plugins?.actionMarkers;
    if (!opts?.markers?.length) return;
    const x = chart.scales.x;
    const { top, bottom, left, right } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.textBaseline = 'bottom';
    (opts.markers as Marker[]).forEach((m, i) => {
      const px = x.getPixelForValue(m.day);
      if (px < left - 1 || px > right + 1) return;
      ctx.strokeStyle = ACTION_COLOUR;
      ctx.fillStyle = ACTION_COLOUR;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(px, bottom - 9);
      ctx.lineTo(px - 6, bottom);
      ctx.lineTo(px + 6, bottom);
      ctx.closePath();
      ctx.fill();
      ctx.font = 'bold 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
      ctx.textAlign = 'left';
      ctx.fillStyle = '#1b1f24';
      ctx.fillText(String(i + 1), px + 5, bottom - 10 - (i % 3) * 14);
    });
    ctx.restore();
  },
};

/** Dashed vertical lines at the go-live days, each with its units' names at the top. */
const goLiveMarkers: Plugin<'line'> = {
  id: 'goLiveMarkers',
  afterDatasetsDraw(chart) {
    const opts = chart.options.plugins?.goLiveMarkers;
    if (!opts?.markers?.length) return;
    const x = chart.scales.x;
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'top';
    (opts.markers as Marker[]).forEach((m, i) => {
      const px = x.getPixelForValue(m.day);
      if (px < chart.chartArea.left - 1 || px > chart.chartArea.right + 1) return;
      ctx.strokeStyle = '#4a5260';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      // Labels step down so neighbours do not overlap; the right half of the chart writes to the left of the line.
      const right = px > (chart.chartArea.left + chart.chartArea.right) / 2;
      ctx.textAlign = right ? 'right' : 'left';
      const text = m.label;
      const max = Math.max(60, (right ? px - chart.chartArea.left : chart.chartArea.right - px) - 6);
      let shown = text;
      while (shown.length > 4 && ctx.measureText(shown).width > max) shown = `${shown.slice(0, -2)}…`;
      ctx.fillText(shown, right ? px - 3 : px + 3, top + 2 + (i % 4) * 13);
    });
    ctx.restore();
  },
};

export function TimelineChart({
  behaviourTitle,
  item,
  waves,
  goLive,
  comparison,
  actions = NO_ACTIONS,
}: {
  behaviourTitle: string;
  item: ItemReport;
  waves: ReportWave[];
  /** Go-live per report row key (unit or group), where known. */
  goLive: Map<string, GoLive | undefined>;
  /** The comparison group's line (the server's), when the rollout gives one. */
  comparison?: ComparisonPoint[] | null;
  /** The behaviour's actions the viewer may see, as markers (also listed under the chart). */
  actions?: ActionMarker[];
}) {
  const t = useDashT();
  const ta = useActionsT();
  const waveName = useWaveName();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<PngSource | null>(null);
  const locale = t.locale;

  const placed = waves.map((w) => ({ wave: w, day: w.opensOn ?? w.closesOn })).filter((p): p is { wave: ReportWave; day: string } => !!p.day);
  const value = (c: { hidden: boolean; p: number | null } | undefined) => (c && !c.hidden && c.p != null ? Math.round(c.p * 1000) / 10 : null);
  const totalPoints = placed.map(({ wave, day }) => {
    const c = item.overall.find((o) => o.waveId === wave.id);
    return { x: dayNumber(day), y: c && c.measured ? value(c) : null };
  });
  const unitLines = item.units.map((u) => ({
    key: u.key,
    name: u.group ? `${u.unitName} (${t('reportingGroup')})` : u.unitName,
    points: placed.map(({ wave, day }) => ({ x: dayNumber(day), y: wave.unitResultsShown ? value(u.cells.find((c) => c.waveId === wave.id)) : null })),
  }));
  const comparisonPoints = comparison
    ? placed.map(({ wave, day }) => ({ x: dayNumber(day), y: wave.unitResultsShown ? value(comparison.find((c) => c.waveId === wave.id)) : null }))
    : null;
  // One marker per go-live day, naming every unit that went live then.
  const byDay = new Map<number, string[]>();
  for (const u of item.units) {
    const g = goLive.get(u.key);
    if (!g?.date) continue;
    const d = dayNumber(g.date);
    byDay.set(d, [...(byDay.get(d) ?? []), u.unitName]);
  }
  const markers: Marker[] = [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, names]) => ({ day, label: t('goLiveMarker', { unit: names.join(', ') }) }));
  // The parent maps its list on every render: redraw only when what the markers say changes.
  const actionsKey = JSON.stringify(actions);
  const actionPoints: Marker[] = [...actions].sort((a, b) => a.day.localeCompare(b.day)).map((a) => ({ day: dayNumber(a.day), label: a.label }));

  const summary = [
    ...placed.map(({ wave, day }, i) => {
      const y = totalPoints[i]?.y;
      return `${waveName(wave)} (${shortDate(day, locale)}): ${y == null ? t('hiddenShort') : formatPercent(y / 100, locale)}`;
    }),
    ...(comparisonPoints
      ? [`${t('comparisonLine')}: ${placed.map(({ wave }, i) => `${waveName(wave)} ${comparisonPoints[i].y == null ? t('hiddenShort') : formatPercent(comparisonPoints[i].y / 100, locale)}`).join(', ')}`]
      : []),
    ...markers.map((m) => `${m.label} ${shortDate(dayString(m.day), locale)}`),
    ...actionPoints.map((m) => `${m.label} ${shortDate(dayString(m.day), locale)}`),
  ].join('; ');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || placed.length === 0) return;
    const xs = [...totalPoints.map((p) => p.x), ...markers.map((m) => m.day), ...actionPoints.map((m) => m.day)];
    const span = Math.max(30, Math.max(...xs) - Math.min(...xs));
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          { label: t('tableTotal'), data: totalPoints, borderColor: '#1b1f24', backgroundColor: '#1b1f24', borderWidth: 4, pointRadius: 5, pointStyle: 'circle', spanGaps: true },
          ...unitLines.map((u, i) => ({
            label: u.name,
            data: u.points,
            borderColor: UNIT_COLOURS[i % UNIT_COLOURS.length],
            backgroundColor: UNIT_COLOURS[i % UNIT_COLOURS.length],
            borderWidth: 2,
            borderDash: UNIT_DASH[Math.floor(i / UNIT_COLOURS.length + i) % UNIT_DASH.length],
            pointRadius: 5,
            pointStyle: UNIT_POINTS[i % UNIT_POINTS.length],
            spanGaps: false,
          })),
          ...(comparisonPoints
            ? [
                {
                  label: t('comparisonLine'),
                  data: comparisonPoints,
                  borderColor: COMPARISON.colour,
                  backgroundColor: '#ffffff',
                  borderWidth: 3,
                  borderDash: COMPARISON.dash,
                  pointRadius: 5,
                  pointBorderWidth: 2,
                  pointStyle: COMPARISON.point,
                  spanGaps: false,
                },
              ]
            : []),
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        scales: {
          x: {
            type: 'linear',
            min: Math.min(...xs) - Math.round(span * 0.06),
            max: Math.max(...xs) + Math.round(span * 0.06),
            title: { display: true, text: t('timelineAxis'), color: '#1b1f24' },
            ticks: { color: '#1b1f24', maxTicksLimit: 5, callback: (v) => monthYear(dayString(Number(v)), locale) },
            grid: { color: '#e3e7ec' },
          },
          y: {
            min: 0,
            max: 100,
            ticks: { stepSize: 20, callback: (v) => formatPercentTick(v, locale), color: '#1b1f24' },
            title: { display: true, text: t('percentAxis'), color: '#1b1f24' },
            grid: { color: '#e3e7ec' },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, color: '#1b1f24', boxWidth: 10 } },
          tooltip: {
            callbacks: {
              title: (items) => {
                const i = items[0]?.dataIndex ?? 0;
                return placed[i] ? waveName(placed[i].wave) : '';
              },
              label: (ctx) => `${ctx.dataset.label}: ${formatPercent((ctx.parsed.y ?? 0) / 100, locale)}`,
            },
          },
          goLiveMarkers: { markers },
          actionMarkers: { markers: actionPoints },
        },
      },
      plugins: [goLiveMarkers, actionMarkers, whiteBackground],
    });
    chartRef.current = chart;
    return () => {
      chartRef.current = null;
      chart.destroy();
    };
    // Redraw when the data or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item, waves, goLive, comparison, locale, actionsKey]);

  if (placed.length === 0) return null;
  return (
    <>
      <div className="chart-box timeline-box">
        <canvas ref={canvasRef} role="img" aria-label={t('timelineLabel', { behaviour: behaviourTitle, summary })}>
          {summary}
        </canvas>
      </div>
      {actionPoints.length > 0 && (
        // The action markers as text, for everyone who does not see the canvas.
        <ol className="timeline-actions legend-note" aria-label={ta('markersCaption')}>
          {actionPoints.map((m, i) => (
            <li key={i}>
              <span className="action-swatch" aria-hidden="true" /> <strong>{i + 1}</strong> {shortDate(dayString(m.day), locale)}: {m.label}
            </li>
          ))}
        </ol>
      )}
      <ChartPng chart={() => chartRef.current} title={`${behaviourTitle}: ${t('timelineTitle')}`} fileName={pngName(`${behaviourTitle} ${t('pngTimeline')}`)} />
    </>
  );
}
