// Download links for the report as XLSX and CSV, in the page's language. The files are built on the server from
// the same report (the same numbers and hidden cells, the viewer's own access); plain links, so the browser
// downloads them with the session cookie and they work with the keyboard like any link.
import { useDashT } from '../i18n/dashboard';

export function ExportLinks({ projectId, compare }: { projectId: number; compare?: { from: number; to: number } | null }) {
  const t = useDashT();
  const query = new URLSearchParams({ lang: t.locale, ...(compare ? { from: String(compare.from), to: String(compare.to) } : {}) }).toString();
  const href = (ext: 'xlsx' | 'csv') => `/api/projects/${projectId}/report.${ext}?${query}`;
  return (
    <nav className="export-links no-print" aria-label={t('exportLabel')}>
      <ul>
        <li>
          <a href={href('xlsx')} download aria-describedby={`export-note-${projectId}`}>
            {t('exportXlsx')}
          </a>
        </li>
        <li>
          <a href={href('csv')} download aria-describedby={`export-note-${projectId}`}>
            {t('exportCsv')}
          </a>
        </li>
      </ul>
      <p id={`export-note-${projectId}`} className="legend-note">
        {t('exportNote')}
      </p>
    </nav>
  );
}
