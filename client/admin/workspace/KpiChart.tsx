// A small line chart of a benefit's KPI measurements over time, with the baseline and the target as dashed
// horizontal lines. Its own chunk (chart.js is loaded only when a benefit has measurements). The canvas has a
// text alternative; the table next to it holds every number.
import { useEffect, useRef } from 'react';
import { Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { formatDate, formatNumber } from '../../format';
import { useWorkspaceT } from '../../i18n/workspace';
import type { BenefitRow } from './api';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T12:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// All three ≥ 3:1 against white; told apart by line style and point shape as well as colour.
const COLOURS = { measurements: '#0b4f6c', baseline: '#5b6b7f', target: '#1e6b34' };

export default function KpiChart({ benefit: b }: { benefit: BenefitRow }) {
  const t = useWorkspaceT();
  const locale = t.locale;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const unit = b.measureUnit;
  const num = (v: number) => (unit ? `${formatNumber(v, locale)} ${unit}` : formatNumber(v, locale));

  const summary = [
    b.baselineValue != null ? t('chartSummaryBaseline', { value: num(b.baselineValue) }) : '',
    b.targetValue != null ? t('chartSummaryTarget', { value: num(b.targetValue) }) : '',
    t('chartSummaryPoints', { points: b.measurements.map((m) => `${formatDate(m.measuredOn, locale)}: ${num(m.value)}`).join('; ') }),
  ]
    .filter(Boolean)
    .join(' ');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const days = [...b.measurements.map((m) => m.measuredOn), b.baselineDate, b.targetDate].filter((d): d is string => !!d).map(dayMs);
    let min = Math.min(...days);
    let max = Math.max(...days);
    if (max - min < 30 * DAY) {
      min -= 15 * DAY;
      max += 15 * DAY;
    }
    const level = (v: number | null) => (v == null ? [] : [{ x: min, y: v }, { x: max, y: v }]);
    // Ticks only on real dates: baseline and target first (the ends), then the measurements, newest first,
    // each kept only where its label does not run into one already kept.
    const tickDays = [...new Set([b.baselineDate, b.targetDate, ...b.measurements.map((m) => m.measuredOn).reverse()].filter((d): d is string => !!d))].map(dayMs);
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            label: t('chartMeasurements'),
            data: b.measurements.map((m) => ({ x: dayMs(m.measuredOn), y: m.value })),
            borderColor: COLOURS.measurements,
            backgroundColor: COLOURS.measurements,
            borderWidth: 3,
            pointRadius: 5,
            pointStyle: 'circle',
          },
          {
            label: t('chartBaseline'),
            data: level(b.baselineValue),
            borderColor: COLOURS.baseline,
            backgroundColor: COLOURS.baseline,
            borderWidth: 2,
            borderDash: [6, 4],
            pointRadius: 0,
            pointStyle: 'line',
          },
          {
            label: t('chartTarget'),
            data: level(b.targetValue),
            borderColor: COLOURS.target,
            backgroundColor: COLOURS.target,
            borderWidth: 2,
            borderDash: [2, 3],
            pointRadius: 0,
            pointStyle: 'line',
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 250 },
        scales: {
          x: {
            type: 'linear',
            min,
            max,
            afterBuildTicks: (scale) => {
              const ctx = scale.ctx;
              ctx.save();
              ctx.font = toFont(Chart.defaults.font).string; // the ticks use the default font
              const half = (ms: number) => ctx.measureText(formatDate(isoOf(ms), locale)).width / 2 + 8;
              const px = (ms: number) => ((ms - min) / Math.max(1, max - min)) * scale.width;
              const kept: number[] = [];
              for (const ms of tickDays) if (kept.every((k) => Math.abs(px(k) - px(ms)) >= half(k) + half(ms))) kept.push(ms);
              ctx.restore();
              scale.ticks = kept.sort((a, z) => a - z).map((value) => ({ value }));
            },
            ticks: { color: '#1b1f24', autoSkip: false, maxRotation: 0, callback: (v) => formatDate(isoOf(Number(v)), locale) },
            grid: { color: '#e3e7ec' },
          },
          y: {
            // Room above and below, so baseline and target lines never sit on the chart's edge.
            grace: '10%',
            ticks: { color: '#1b1f24', callback: (v) => formatNumber(Number(v), locale) },
            title: { display: !!unit, text: unit, color: '#1b1f24' },
            grid: { color: '#e3e7ec' },
          },
        },
        plugins: {
          legend: { labels: { color: '#1b1f24', usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? formatDate(isoOf(items[0].parsed.x ?? 0), locale) : ''),
              label: (ctx) => `${ctx.dataset.label}: ${num(ctx.parsed.y ?? 0)}`,
            },
          },
        },
      },
    });
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [b, locale]);

  return (
    <div className="kpi-chart-box">
      <canvas ref={canvasRef} role="img" aria-label={t('chartLabel', { title: b.title, summary })}>
        {summary}
      </canvas>
    </div>
  );
}
