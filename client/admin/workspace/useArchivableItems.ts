// The list state that the benefits and the behaviours share: which item is being edited, whether a new one is
// being added, the status message and the error; opening an item's form when the benefits map asks for it; and
// delete (archived instead when a survey already uses it, with the reason), restore and "done" after a change.
import { useEffect, useState } from 'react';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useSession } from '../session';
import type { ArchiveReason, DeleteResult } from './api';
import { useOpenRequest } from './workspaceNav';

interface ArchivableItem {
  id: number;
  title: string;
  archivedAt: string | null;
  archiveReason: ArchiveReason | null;
}

export function useArchivableItems<T extends ArchivableItem>({
  kind,
  items,
  onChanged,
  remove,
  restore,
  texts,
}: {
  kind: 'benefit' | 'behaviour';
  items: readonly T[];
  onChanged: () => Promise<void>;
  remove: (id: number) => Promise<DeleteResult>;
  restore: (id: number) => Promise<unknown>;
  texts: { confirmDelete: WorkspaceKey; deleted: WorkspaceKey; restored: WorkspaceKey };
}) {
  const t = useWorkspaceT();
  const { isAdmin } = useSession();
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const request = useOpenRequest(kind);

  // The benefits map asked to open this item: open its form (an archived item has none).
  useEffect(() => {
    if (request && isAdmin && items.some((i) => i.id === request.id && !i.archivedAt)) setEditing(request.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.seq]);

  /** A new attempt starts: the last status ("… er gemt.") and error no longer apply. */
  const clearStatus = () => {
    setMessage(null);
    setError(null);
  };

  const done = async (msg: string) => {
    setError(null);
    await onChanged();
    setMessage(msg);
  };

  const removeItem = async (item: T) => {
    const question = item.archiveReason ? t(`willArchive_${item.archiveReason}` as WorkspaceKey, { title: item.title }) : t(texts.confirmDelete, { title: item.title });
    if (!window.confirm(question)) return;
    clearStatus();
    try {
      const res = await remove(item.id);
      await done(res.archived ? `${item.title}: ${t(`archivedBecause_${res.reason}` as WorkspaceKey)}` : t(texts.deleted, { title: item.title }));
    } catch (e) {
      setError(e);
    }
  };

  const restoreItem = async (item: T) => {
    clearStatus();
    try {
      await restore(item.id);
      await done(t(texts.restored, { title: item.title }));
    } catch (e) {
      setError(e);
    }
  };

  return { editing, setEditing, adding, setAdding, message, error, request, clearStatus, done, remove: removeItem, restore: restoreItem };
}
