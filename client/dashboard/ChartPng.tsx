// "Hent som PNG" under each chart: the chart's own canvas as an image (chart.toBase64Image), on a white
// background so it reads in a slide or a document.
import type { Plugin } from 'chart.js';
import { useDashT } from '../i18n/dashboard';

/** What the button needs of a chart.js chart. */
export interface PngSource {
  toBase64Image: (type?: string, quality?: unknown) => string;
}

/** Paints the canvas white before each draw, so the PNG is not transparent. */
export const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** A safe file name from a title: "laeser-selv-beboerens-status.png". */
export function pngName(title: string) {
  const base = title
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'diagram'}.png`;
}

export function ChartPng({ chart, title, fileName }: { chart: () => PngSource | null; title: string; fileName: string }) {
  const t = useDashT();
  const download = () => {
    const c = chart();
    if (!c) return;
    const a = document.createElement('a');
    a.href = c.toBase64Image('image/png', 1);
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  return (
    <p className="chart-actions no-print">
      <button type="button" className="secondary small" onClick={download}>
        {t('downloadPng')}
        <span className="visually-hidden">: {title}</span>
      </button>
    </p>
  );
}
