// One filled survey = one submissionId. It is kept on the device with the answers until the server confirms,
// so a retry after a dropped connection, a reload or a reopened tab resends the SAME id and never counts twice.
// (localStorage via DeviceStore; memory only in kiosk mode.)
import type { Locale } from '../i18n';
import type { DeviceStore } from './deviceStore';

export interface PendingSubmission {
  submissionId: string;
  answers: Record<string, unknown>;
  locale: Locale;
}

const key = (token: string) => `pending.${token}`;

/** RFC 4122 version 4 id; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function loadPending(store: DeviceStore, token: string): PendingSubmission | null {
  const v = store.read<PendingSubmission>(key(token));
  return typeof v?.submissionId === 'string' && v.answers && typeof v.answers === 'object' ? v : null;
}

/** Saves the answers under the existing id if there is one (same filled survey), else under a new id. */
export function savePending(
  store: DeviceStore,
  token: string,
  answers: Record<string, unknown>,
  locale: Locale,
  expiresAt: number,
  knownId?: string,
): PendingSubmission {
  const pending: PendingSubmission = { submissionId: knownId ?? loadPending(store, token)?.submissionId ?? newSubmissionId(), answers, locale };
  store.write(key(token), pending, expiresAt);
  return pending;
}

export function clearPending(store: DeviceStore, token: string) {
  store.remove(key(token));
}

/** Failures worth sending again with the same submission id: no connection, server trouble (503 database_busy
 *  among them), rate limit, timeout. Anything else would fail the same way again. */
export const retryable = (e: unknown) => {
  const status = typeof (e as { status?: unknown })?.status === 'number' ? (e as { status: number }).status : 0;
  return status === 0 || status >= 500 || status === 429 || status === 408;
};

/** How long to wait before attempt `attempt` + 1: what the server asked for (Retry-After) when it said, never
 *  less than a second, otherwise 2, 4, 8 … 30 s. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds)) return Math.min(60_000, Math.max(1_000, retryAfterSeconds * 1000));
  return Math.min(30_000, 2_000 * 2 ** attempt);
}
