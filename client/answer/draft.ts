// The draft: the answers given so far and the page reached, kept on the device under the link's token so a
// reload or a lost tab (a phone killing the browser) resumes on the same page. Cleared once the answer is sent.
import type { DeviceStore } from './deviceStore';

export interface Draft {
  answers: Record<string, unknown>;
  /** SurveyJS currentPageNo among the question pages; -1 while still on the start page. */
  pageNo: number;
  locale: 'da' | 'en';
}

const key = (token: string) => `draft.${token}`;

export function loadDraft(store: DeviceStore, token: string): Draft | null {
  const d = store.read<Draft>(key(token));
  return d && d.answers && typeof d.answers === 'object' && typeof d.pageNo === 'number' ? d : null;
}

/** The pairing code's answers (pairing.*) are never written to the device: they are what identifies a person
 *  across waves, so after a reload they are asked again rather than left in storage. */
export function saveDraft(store: DeviceStore, token: string, draft: Draft, expiresAt: number) {
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([name]) => !name.startsWith('pairing.')));
  store.write(key(token), { ...draft, answers }, expiresAt);
}

export function clearDraft(store: DeviceStore, token: string) {
  store.remove(key(token));
}

/** That this device has sent an answer to this link (the day only; no identity, nothing of the answer). */
const answeredKey = (token: string) => `answered.${token}`;

export const hasAnswered = (store: DeviceStore, token: string) => store.read<string>(answeredKey(token)) !== null;

export function rememberAnswered(store: DeviceStore, token: string, expiresAt: number) {
  store.write(answeredKey(token), new Date().toISOString().slice(0, 10), expiresAt);
}
