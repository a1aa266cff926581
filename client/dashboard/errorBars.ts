// A small chart.js plugin: Wilson 95% whiskers from lo to hi on each bar, and hidden cells drawn as an
// empty dashed bar with the words "Skjult – for få svar". The numbers come from the server as they are.
import type { Chart, Plugin } from 'chart.js';
import { wrapToWidth } from './wrapText';

export interface ErrorBarOptions {
  /** Per bar of dataset 0: interval in the same unit as the bar (percent), or null for none. */
  intervals: ({ lo: number; hi: number } | null)[];
  /** Per bar: true when the server hid the cell. */
  hidden: boolean[];
  /** Text written inside a hidden bar, one entry per line. */
  hiddenLines: string[];
  color?: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends import('chart.js').ChartType> {
    errorBars?: ErrorBarOptions;
  }
}

export const errorBarsPlugin: Plugin<'bar'> = {
  id: 'errorBars',
  afterDatasetsDraw(chart: Chart<'bar'>) {
    const opts = chart.options.plugins?.errorBars as ErrorBarOptions | undefined;
    if (!opts) return;
    const meta = chart.getDatasetMeta(0);
    const y = chart.scales.y;
    const ctx = chart.ctx;
    const color = opts.color ?? '#1b1f24';
    ctx.save();
    meta.data.forEach((el, i) => {
      const bar = el as unknown as { x: number; width: number };
      const half = Math.max(6, Math.min(14, bar.width / 4));
      if (opts.hidden[i]) {
        // Empty dashed bar over the whole height, with the words inside.
        const top = y.getPixelForValue(100);
        const bottom = y.getPixelForValue(0);
        const left = bar.x - bar.width / 2;
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#4a5260';
        ctx.strokeRect(left, top, bar.width, bottom - top);
        ctx.setLineDash([]);
        ctx.fillStyle = '#1b1f24';
        ctx.font = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        const mid = (top + bottom) / 2;
        // On a narrow bar (a phone) each line is wrapped between words; a dash stays with the word before it.
        const measure = (s: string) => ctx.measureText(s).width;
        const lines = opts.hiddenLines.flatMap((line) => wrapToWidth(line.split(/ (?=[^–—])/), ' ', Math.max(30, bar.width - 6), measure, 3, false));
        lines.forEach((line, k) => ctx.fillText(line, bar.x, mid + (k - (lines.length - 1) / 2) * 17, bar.width - 4));
        return;
      }
      const iv = opts.intervals[i];
      if (!iv) return;
      const yLo = y.getPixelForValue(iv.lo);
      const yHi = y.getPixelForValue(iv.hi);
      // A white halo first so the whisker shows on the dark bar and on the white background alike.
      for (const [width, stroke] of [
        [5, '#ffffff'],
        [2, color],
      ] as const) {
        ctx.lineWidth = width;
        ctx.strokeStyle = stroke;
        ctx.beginPath();
        ctx.moveTo(bar.x, yLo);
        ctx.lineTo(bar.x, yHi);
        ctx.moveTo(bar.x - half, yLo);
        ctx.lineTo(bar.x + half, yLo);
        ctx.moveTo(bar.x - half, yHi);
        ctx.lineTo(bar.x + half, yHi);
        ctx.stroke();
      }
    });
    ctx.restore();
  },
};
