// A table of actions: what, where, which barrier, who, when and how far, with overdue ones flagged in words (not
// by colour alone). The action plan page adds edit and delete buttons for the units the user leads.
import { TableWrap } from '../../components/TableWrap';
import { formatDate } from '../../format';
import { useActionsT, type ActionsKey } from '../../i18n/actions';
import { Link } from '../../router';
import type { Action } from './api';

export function ActionTable({
  actions,
  caption,
  withProject = false,
  withBehaviour = true,
  canEdit,
  onEdit,
  onRemove,
}: {
  actions: readonly Action[];
  caption: string;
  withProject?: boolean;
  /** False under one behaviour (the report's drill-down), where the column would repeat its title. */
  withBehaviour?: boolean;
  canEdit?: (a: Action) => boolean;
  onEdit?: (a: Action) => void;
  onRemove?: (a: Action) => void;
}) {
  const t = useActionsT();
  const editable = !!canEdit && actions.some(canEdit);
  const behaviourName = (a: Action) => (t.locale === 'en' && a.behaviourTitleEn) || a.behaviourTitle;
  return (
    <TableWrap label={caption}>
      <table className="stack actions-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            {withProject && <th scope="col">{t('colProject')}</th>}
            <th scope="col">{t('colUnit')}</th>
            {withBehaviour && <th scope="col">{t('colBehaviour')}</th>}
            <th scope="col">{t('colType')}</th>
            <th scope="col">{t('colOwner')}</th>
            <th scope="col">{t('colDue')}</th>
            <th scope="col">{t('colStatus')}</th>
            {editable && <th scope="col">{t('colActions')}</th>}
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
              <th scope="row">
                {a.title}
                {a.note && (
                  <>
                    <br />
                    <span className="muted action-note">{a.note}</span>
                  </>
                )}
              </th>
              {withProject && (
                <td data-label={t('colProject')}>
                  <Link to={`/projects/${a.projectId}/actions`}>{a.projectName}</Link>
                  {a.projectClosed && (
                    <>
                      <br />
                      <span className="muted">{t('closedProject')}</span>
                    </>
                  )}
                </td>
              )}
              <td data-label={t('colUnit')}>{a.unitName}</td>
              {withBehaviour && <td data-label={t('colBehaviour')}>{behaviourName(a)}</td>}
              <td data-label={t('colType')}>{t(`type_${a.type}` as ActionsKey)}</td>
              <td data-label={t('colOwner')}>{a.owner}</td>
              <td data-label={t('colDue')}>
                {formatDate(a.dueDate, t.locale)}
                {a.overdue && (
                  <>
                    {' '}
                    <strong className="tag overdue-tag">{t('overdue')}</strong>
                  </>
                )}
              </td>
              <td data-label={t('colStatus')}>
                {t(`status_${a.status}` as ActionsKey)}
                {a.status === 'done' && a.doneOn && <span className="muted"> ({formatDate(a.doneOn, t.locale)})</span>}
              </td>
              {editable && (
                <td data-label={t('colActions')}>
                  {canEdit(a) && (
                    <>
                      <button type="button" className="secondary small" aria-label={t('editNamed', { title: a.title })} onClick={() => onEdit?.(a)}>
                        {t('edit')}
                      </button>{' '}
                      <button type="button" className="danger small" aria-label={t('removeNamed', { title: a.title })} onClick={() => onRemove?.(a)}>
                        {t('remove')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
