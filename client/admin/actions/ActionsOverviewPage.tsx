// Every action the user may see across projects ("Handlinger" in the navigation): the secretariat sees all of
// them, a manager their own units', with overdue ones flagged and counted, and a way to show only those.
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useActionsT } from '../../i18n/actions';
import { useLoad } from '../useLoad';
import { ActionTable } from './ActionTable';
import { actionsApi } from './api';

export function ActionsOverviewPage() {
  const t = useActionsT();
  const loaded = useLoad(() => actionsApi.all(), []);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  useEffect(() => {
    document.title = `${t('overviewTitle')} – Gevinstspor`;
  }, [t]);
  const data = loaded.data;
  const shown = data ? data.actions.filter((a) => !onlyOverdue || a.overdue) : [];
  // Overdue first, then by due date (the server's order), so what needs attention is on top.
  const ordered = [...shown].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <>
      <h1>{t('overviewTitle')}</h1>
      <p className="muted">{t('overviewIntro')}</p>
      <ErrorMessage error={loaded.error} />
      {!data ? (
        !loaded.error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p className={data.overdue ? 'notice notice-warn' : 'muted'}>
            <strong>{data.overdue ? t('overviewOverdue', { n: data.overdue }) : t('overviewNoneOverdue')}</strong>
          </p>
          <p>
            <label className="inline">
              <input type="checkbox" checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)} />
              {t('onlyOverdue')}
            </label>
          </p>
          {ordered.length ? <ActionTable actions={ordered} caption={t('tableCaption')} withProject /> : <p className="muted">{data.actions.length ? t('overviewNoneOverdue') : t('noneOverview')}</p>}
        </>
      )}
    </>
  );
}
