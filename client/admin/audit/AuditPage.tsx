// The secretariat's audit log: newest first, filtered by day, action, account and project, one page at a time,
// and the same filters as a CSV download. The server decides who may read it (admins only).
import { useState, type FormEvent } from 'react';
import { api, call, type Ok } from '../../api';
import { TableWrap } from '../../components/TableWrap';
import { useAuditT } from '../../i18n/audit';
import { useLoad } from '../useLoad';

type AuditPageData = Ok<typeof api.audit.$get>;
interface Filters {
  from: string;
  to: string;
  action: string;
  actorId: string;
  projectId: string;
}
const EMPTY: Filters = { from: '', to: '', action: '', actorId: '', projectId: '' };
const PAGE_SIZE = 50;

/** Only the filters that are filled in, as query strings. */
const queryOf = (f: Filters): Record<string, string> => {
  const q: Record<string, string> = {};
  for (const key of Object.keys(f) as (keyof Filters)[]) if (f[key].trim() !== '') q[key] = f[key].trim();
  return q;
};

export function AuditPage() {
  const t = useAuditT();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const loaded = useLoad<AuditPageData>(() => call(api.audit.$get({ query: { ...queryOf(filters), page: String(page), pageSize: String(PAGE_SIZE) } })), [filters, page]);
  const csvHref = `/api/audit/export.csv?${new URLSearchParams(queryOf(filters)).toString()}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  const field = (key: keyof Filters, label: string, type: string, hint?: string) => (
    <p>
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input id={`audit-${key}`} type={type} value={draft[key]} inputMode={type === 'text' && key !== 'action' ? 'numeric' : undefined} aria-describedby={hint ? `audit-${key}-hint` : undefined} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      {hint && <small id={`audit-${key}-hint`}>{hint}</small>}
    </p>
  );
  const data = loaded.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form onSubmit={submit} aria-label={t('filters')}>
        <fieldset>
          <legend>{t('filters')}</legend>
          {field('from', t('from'), 'date')}
          {field('to', t('to'), 'date')}
          {field('action', t('action'), 'text', t('actionHint'))}
          {field('actorId', t('actorId'), 'text')}
          {field('projectId', t('projectId'), 'text')}
          <button type="submit">{t('apply')}</button>{' '}
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
              setPage(1);
            }}
          >
            {t('clear')}
          </button>
        </fieldset>
      </form>
      <p>
        <a href={csvHref} download>
          {t('downloadCsv')}
        </a>
      </p>
      {loaded.error ? (
        <p role="alert">{t('failed', { message: loaded.error instanceof Error ? loaded.error.message : '' })}</p>
      ) : !data ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : data.entries.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <>
          <p aria-live="polite">{t('total', { n: data.total })}</p>
          {/* "stack": one card per entry on a phone, each value under its column's name; long codes wrap. */}
          <TableWrap label={t('title')}>
            <table className="stack audit-table">
              <caption className="visually-hidden">{t('title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('at')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('route')}</th>
                  <th scope="col">{t('project')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('details')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.id}>
                    <td data-label={t('at')}>{new Date(e.at).toLocaleString(t.locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen' })}</td>
                    <td data-label={t('actor')}>{e.actorEmail || t('system')}</td>
                    <td data-label={t('action')}>
                      <code>{e.action}</code>
                    </td>
                    <td data-label={t('route')}>
                      <code>
                        {e.method} {e.route}
                      </code>
                    </td>
                    <td data-label={t('project')}>{e.projectId ?? ''}</td>
                    <td data-label={t('status')}>{e.status}</td>
                    <td data-label={t('details')}>{e.details ? <code>{JSON.stringify(e.details)}</code> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <nav aria-label={t('page', { page, pages })}>
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('previous')}
            </button>{' '}
            <span>{t('page', { page, pages })}</span>{' '}
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('next')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}
