// One filled survey = one submissionId. It is kept in sessionStorage with the answers until the server
// confirms, so a retry after a dropped connection (or a reload) resends the SAME id and never counts twice.
import type { Locale } from '../i18n';

export interface PendingSubmission {
  submissionId: string;
  answers: Record<string, unknown>;
  locale: Locale;
}

const key = (token: string) => `gevinstspor.pending.${token}`;

/** RFC 4122 version 4 id; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function loadPending(token: string): PendingSubmission | null {
  try {
    const raw = sessionStorage.getItem(key(token));
    if (!raw) return null;
    const v = JSON.parse(raw) as PendingSubmission;
    return typeof v?.submissionId === 'string' && v.answers && typeof v.answers === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** Saves the answers under the existing id if there is one (same filled survey), else under a new id. */
export function savePending(token: string, answers: Record<string, unknown>, locale: Locale, knownId?: string): PendingSubmission {
  const pending: PendingSubmission = { submissionId: knownId ?? loadPending(token)?.submissionId ?? newSubmissionId(), answers, locale };
  try {
    sessionStorage.setItem(key(token), JSON.stringify(pending));
  } catch {
    // Storage full or disabled: the id still lives in memory for this page's retries.
  }
  return pending;
}

export function clearPending(token: string) {
  try {
    sessionStorage.removeItem(key(token));
  } catch {
    /* nothing to clear */
  }
}
