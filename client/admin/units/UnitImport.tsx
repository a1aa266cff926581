// CSV import of units from an HR/org-system export. The file is read in the browser into an editable text field;
// the server's preview lists what would be created and changed and every rejected row with its reason. Import
// stays disabled while any row is rejected or the text has changed since the preview; the commit is all or nothing.
import { useId, useState } from 'react';
import { ApiError } from '../../api';
import { TextField } from '../../components/Field';
import { formatDate } from '../../format';
import type { Locale } from '../../i18n';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useBilingualT } from '../../i18n/bilingual';
import { CsvInput, ImportButton, PreviewTable, RejectedRows, useCsvImport } from '../csvImport';
import { unitsApi, type ImportPreview, type RejectedRow } from '../workspace/api';
import { kindKey } from '../workspace/shared';

const delimiterKey: Record<string, WorkspaceKey> = { ';': 'delimiter_semicolon', ',': 'delimiter_comma', '\t': 'delimiter_tab' };

/** The reason for a rejected row in the user's language; English users get the server's more detailed text. */
function reasonText(row: RejectedRow, t: ReturnType<typeof useWorkspaceT>, locale: Locale): string {
  if (locale === 'en') return row.message;
  // Every line of a duplicated id is rejected: the first one says the id comes again further down.
  const otherLine = Number(/also on line (\d+)/.exec(row.message)?.[1] ?? 0);
  const key = (row.code === 'duplicate_id' && otherLine > row.line ? 'row_duplicate_id_later' : `row_${row.code}`) as WorkspaceKey;
  const parent = /The parent (\S+)/.exec(row.message)?.[1] ?? '';
  const detail = /cycle: (.*)$/.exec(row.message)?.[1] ?? row.externalId ?? '';
  const text = t(key, { id: row.externalId ?? '', parent, detail });
  return text === key ? row.message : text;
}

export function UnitImport({ onImported }: { onImported: () => Promise<void> }) {
  const t = useWorkspaceT();
  const tb = useBilingualT();
  const locale = t.locale;
  const ids = { file: useId(), blocked: useId(), done: useId() };
  const [headcountDate, setHeadcountDate] = useState('');
  const state = useCsvImport<ImportPreview>({
    extraKey: headcountDate,
    preview: (csv) => unitsApi.previewImport(csv, headcountDate || null),
    hasChanges: (p) => p.create.length + p.update.length > 0,
    commit: async (csv) => {
      const result = await unitsApi.commitImport(csv, headcountDate || null);
      await onImported();
      return t('importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged });
    },
    // Someone changed the units meanwhile: show what the file would do now.
    onCommitError: (err, again) => {
      if (err instanceof ApiError && err.code === 'csv_rejected_rows') void again();
    },
  });
  const { preview, stale } = state;
  const changes = preview ? preview.create.length + preview.update.length : 0;

  const columnName = (field: string) => preview?.columns[field as keyof ImportPreview['columns']] ?? (field === 'nameEn' ? tb('unitNameEn') : t(`field_${field}` as WorkspaceKey));

  return (
    <section className="section" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p className="muted">{t('importIntro')}</p>
      <CsvInput
        state={state}
        ids={ids}
        fileLabel={t('importFile')}
        fileHint={t('importFileHint')}
        textLabel={t('importText')}
        textHint={t('importTextHint')}
        rows={8}
        previewLabel={t('importPreview')}
      >
        <div className="form-grid two">
          <TextField label={`${t('importDate')} ${t('optional')}`} hint={t('importDateHint')} type="date" value={headcountDate} onChange={(e) => setHeadcountDate(e.target.value)} />
        </div>
      </CsvInput>
      {preview && (
        <div className="import-preview">
          <h3>{t('importPreviewTitle')}</h3>
          {stale && <p className="notice notice-warn">{t('importStale')}</p>}
          <p className="import-summary">
            {t('importSummary', { create: preview.create.length, update: preview.update.length, unchanged: preview.unchanged, rejected: preview.rejected.length })}
          </p>
          <p className="muted">
            {t('importColumns', {
              columns: Object.values(preview.columns).join(', '),
              delimiter: delimiterKey[preview.delimiter] ? t(delimiterKey[preview.delimiter]) : preview.delimiter,
            })}
            {preview.ignoredColumns.length > 0 && ` ${t('importIgnored', { columns: preview.ignoredColumns.join(', ') })}`}
          </p>
          <RejectedRows rows={preview.rejected} Heading="h4" columnName={columnName} reason={(r) => reasonText(r, t, locale)} />
          <PreviewTable
            title={t('createTable', { n: preview.create.length })}
            Heading="h4"
            className="create-table"
            columns={[{ label: t('colExternalId') }, { label: t('colUnit') }, { label: t('colKind') }, { label: t('colHeadcount'), num: true }, { label: t('colParent') }]}
            rows={preview.create}
            cells={(c) => (
              <>
                <td>{c.externalId}</td>
                <th scope="row">{c.name}</th>
                <td>{t(kindKey(c.kind))}</td>
                <td className="num">{c.headcount}</td>
                <td>{c.parent ? c.parent.name : t('topLevel')}</td>
              </>
            )}
          />
          <PreviewTable
            title={t('updateTable', { n: preview.update.length })}
            Heading="h4"
            className="update-table"
            columns={[{ label: t('colExternalId') }, { label: t('colUnit') }, { label: t('colChanges') }]}
            rows={preview.update}
            cells={(u) => (
              <>
                <td>{u.externalId}</td>
                <th scope="row">
                  {u.name}
                  {u.retired && <span className="muted"> ({t('staysRetired')})</span>}
                </th>
                <td>
                  <ul className="plain-list">
                    {u.changes.name && <li>{t('change_name', { from: u.changes.name.from, to: u.changes.name.to })}</li>}
                    {u.changes.nameEn && <li>{tb('change_nameEn', { from: u.changes.nameEn.from || '–', to: u.changes.nameEn.to })}</li>}
                    {u.changes.parent && <li>{t('change_parent', { from: u.changes.parent.from?.name ?? t('topLevel'), to: u.changes.parent.to?.name ?? t('topLevel') })}</li>}
                    {u.changes.headcount && <li>{t('change_headcount', { from: u.changes.headcount.from, to: u.changes.headcount.to })}</li>}
                    {u.changes.kind && <li>{t('change_kind', { from: t(kindKey(u.changes.kind.from)), to: t(kindKey(u.changes.kind.to)) })}</li>}
                    {u.changes.headcountDate && (
                      <li>
                        {t('change_headcountDate', {
                          from: formatDate(u.changes.headcountDate.from, locale) || '–',
                          to: formatDate(u.changes.headcountDate.to, locale) || '–',
                        })}
                      </li>
                    )}
                  </ul>
                </td>
              </>
            )}
          />
          {preview.rejected.length === 0 && changes === 0 && <p>{t('importNothing')}</p>}
          {preview.notInFile.length > 0 && (
            <details>
              <summary>{t('notInFileTitle', { n: preview.notInFile.length })}</summary>
              <p className="muted">{t('notInFileIntro')}</p>
              <ul>
                {preview.notInFile.map((u) => (
                  <li key={u.unitId}>
                    {u.name} ({u.externalId})
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ImportButton state={state} label={t('importCommit')} blockedId={ids.blocked} doneId={ids.done} />
        </div>
      )}
    </section>
  );
}
