// The phone page's calls (public, by the workshop's code), typed from the server's routes, and the phone's own
// random voter id for one workshop (kept in this browser only; the server stores a hash of it).
import { api, call, segment, type Ok } from '../api';

const workshop = api.w[':token'];

export type PhoneView = Ok<typeof workshop.$get>;
export type RoomSuggestion = PhoneView['room']['suggestions'][number];
export type SuggestionKind = RoomSuggestion['kind'];

export const phoneApi = {
  get: (code: string) => call(workshop.$get({ param: { token: segment(code) } })),
  write: (code: string, kind: SuggestionKind, text: string) => call(workshop.suggestions.$post({ param: { token: segment(code) }, json: { kind, text } })),
  vote: (code: string, suggestionId: number, voterId: string) =>
    call(workshop.suggestions[':suggestionId'].vote.$post({ param: { token: segment(code), suggestionId: String(suggestionId) }, json: { voterId } })),
};

const key = (code: string) => `gevinstspor.workshop.${code.replace(/[\s-]+/g, '').toUpperCase()}`;

interface Stored {
  voterId: string;
  voted: number[];
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This phone's id for the workshop and the suggestions it voted for; made on first use. */
export function phoneMemory(code: string): Stored {
  try {
    const raw = localStorage.getItem(key(code));
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : {};
    if (typeof parsed.voterId === 'string' && parsed.voterId.length >= 16 && Array.isArray(parsed.voted)) return { voterId: parsed.voterId, voted: parsed.voted.filter((n) => typeof n === 'number') };
  } catch {
    // Private mode or a damaged entry: start again.
  }
  const fresh = { voterId: randomId(), voted: [] };
  remember(code, fresh);
  return fresh;
}

export function remember(code: string, stored: Stored) {
  try {
    localStorage.setItem(key(code), JSON.stringify(stored));
  } catch {
    // Private mode: the server still counts one vote per id for this page's life.
  }
}
