// Bar chart of % favourable per wave for one behaviour, with Wilson whiskers and n under each bar.
// The canvas has a text alternative (role="img" + aria-label); the table below it has every number.
import { useEffect, useRef } from 'react';
import { ChartPng, pngName, whiteBackground, type PngSource } from './ChartPng';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { formatInterval, formatPercent, formatPercentTick } from '../format';
import { useDashT, type DashKey } from '../i18n/dashboard';
import { errorBarsPlugin } from './errorBars';
import { wrapToWidth } from './wrapText';
import type { ItemReport, ReportWave } from './api';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const TICK_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const PHASE_COLOUR = { baseline: '#5b6b7f', followup: '#0b4f6c' } as const; // both ≥ 3:1 on white

export function AdoptionChart({ behaviourTitle, item, waves, png = true }: { behaviourTitle: string; item: ItemReport; waves: ReportWave[]; png?: boolean }) {
  const t = useDashT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<PngSource | null>(null);
  const locale = t.locale;

  const cells = waves.map((w) => ({ wave: w, cell: item.overall.find((c) => c.waveId === w.id) }));
  const phaseWord = (w: ReportWave) => t(`phase_${w.phase}` as DashKey);
  const valueText = (c: (typeof cells)[number]['cell']) => {
    if (!c || !c.measured) return t('notMeasured');
    if (c.hidden || c.p == null) return t('hidden');
    return t('cellValue', { p: formatPercent(c.p, locale), lo: Math.round((c.lo ?? 0) * 100), hi: Math.round((c.hi ?? 0) * 100), n: c.n });
  };
  const waveTitle = (w: ReportWave) => (w.name.toLocaleLowerCase().includes(phaseWord(w).toLocaleLowerCase()) ? w.name : `${w.name} (${phaseWord(w)})`);
  const summary = cells.map(({ wave, cell }) => t('chartCell', { wave: waveTitle(wave), value: valueText(cell) })).join('; ');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Label parts per bar: the wave's name, its phase where the name does not say it, and "n = 92 · 5 enheder".
    // They are fitted to the width each bar gets when the chart lays out (see the x ticks below).
    const labelParts = cells.map(({ wave, cell }) => {
      const count = !cell || !cell.measured ? t('notMeasured') : cell.hidden ? t('hiddenShort') : t('nLine', { n: cell.n });
      const units = wave.unitCount != null ? t('unitsLine', { units: wave.unitCount }) : null;
      const namesPhase = wave.name.toLocaleLowerCase().includes(phaseWord(wave).toLocaleLowerCase());
      return { name: wave.name.split(/\s+/), phase: namesPhase ? null : phaseWord(wave), count: units ? [count, units] : [count] };
    });
    const labels = cells.map(({ wave }) => wave.name);
    const tickSize = (chartWidth: number) => (chartWidth / Math.max(1, cells.length) < 130 ? 11 : 12);
    const values = cells.map(({ cell }) => (cell && cell.measured && !cell.hidden && cell.p != null ? cell.p * 100 : null));
    const intervals = cells.map(({ cell }) =>
      cell && cell.measured && !cell.hidden && cell.lo != null && cell.hi != null ? { lo: cell.lo * 100, hi: cell.hi * 100 } : null,
    );
    const hidden = cells.map(({ cell }) => !!cell && cell.measured && cell.hidden);
    const hiddenWords = t('hidden');
    const dash = hiddenWords.indexOf(' – ');
    const hiddenLines = dash > 0 ? [hiddenWords.slice(0, dash + 2), hiddenWords.slice(dash + 3)] : [hiddenWords];
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('percentAxis'),
            data: values,
            backgroundColor: cells.map(({ wave }) => PHASE_COLOUR[wave.phase]),
            borderWidth: 0,
            maxBarThickness: 90,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        scales: {
          y: {
            min: 0,
            max: 100,
            ticks: { stepSize: 20, callback: (v) => formatPercentTick(v, locale), color: '#1b1f24' },
            title: { display: true, text: t('percentAxis'), color: '#1b1f24' },
            grid: { color: '#e3e7ec' },
          },
          x: {
            ticks: {
              color: '#1b1f24',
              autoSkip: false,
              maxRotation: 0,
              font: (c) => ({ family: TICK_FAMILY, size: tickSize(c.chart.width) }),
              // Wrap each label into lines that fit its bar's width, so neighbours never run into each other
              // on a phone; too long a word is shortened with "…" (the full name is in the tooltip and table).
              callback(_value, index) {
                const parts = labelParts[index];
                if (!parts) return '';
                const size = tickSize(this.chart.width);
                const max = Math.max(40, this.width / Math.max(1, cells.length) - 4);
                const ctx = this.ctx;
                ctx.save();
                ctx.font = `${size}px ${TICK_FAMILY}`;
                const measure = (text: string) => ctx.measureText(text).width;
                const lines = [
                  ...wrapToWidth(parts.name, ' ', max, measure, 3),
                  ...(parts.phase ? wrapToWidth(parts.phase.split(/\s+/), ' ', max, measure, 1) : []),
                  ...wrapToWidth(parts.count, ' · ', max, measure, 2),
                ];
                ctx.restore();
                return lines;
              },
            },
            grid: { display: false },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => {
                const i = items[0]?.dataIndex ?? 0;
                return waveTitle(cells[i].wave);
              },
              label: (ctx) => {
                const c = cells[ctx.dataIndex]?.cell;
                if (!c || !c.measured || c.hidden) return valueText(c);
                return `${formatPercent(c.p, locale)} (${formatInterval(c.lo, c.hi, locale)}; n = ${c.n})`;
              },
            },
          },
          errorBars: { intervals, hidden, hiddenLines },
        },
      },
      plugins: [errorBarsPlugin, whiteBackground],
    });
    chartRef.current = chart;
    return () => {
      chartRef.current = null;
      chart.destroy();
    };
    // Redraw when the data or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item, waves, locale]);

  return (
    <>
      <div className="chart-box">
        <canvas ref={canvasRef} role="img" aria-label={t('chartLabel', { behaviour: behaviourTitle, summary })}>
          {summary}
        </canvas>
      </div>
      {png && <ChartPng chart={() => chartRef.current} title={`${behaviourTitle}: ${t('adoptionTitle')}`} fileName={pngName(`${behaviourTitle} ${t('pngShare')}`)} />}
    </>
  );
}
