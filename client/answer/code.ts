// Short codes from the posters (K7QM-4TXH) and their lookup. The contract is server/contract/waveLinks.ts:
// GET /api/k/:code → 200 { token } | 404 code_unknown | 410 link_revoked | 400 invalid_input | 429.
// Plain fetch, not the typed client: the answer bundle needs nothing else of it for this call.

/** Same alphabet as the server (no 0/O, 1/I/L); duplicated so the answer bundle does not pull in zod. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** K7QM4TXH from what someone typed ("k7qm 4txh", "K7QM-4TXH"), or null if it cannot be a code. */
export function normaliseCode(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export type LookupResult = { kind: 'found'; token: string } | { kind: 'unknown' } | { kind: 'revoked' } | { kind: 'failed' };

export async function lookupCode(code: string): Promise<LookupResult> {
  try {
    const res = await fetch(`/api/k/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json' } });
    if (res.ok) {
      const body = (await res.json()) as { token?: unknown };
      return typeof body.token === 'string' ? { kind: 'found', token: body.token } : { kind: 'failed' };
    }
    if (res.status === 404 || res.status === 400) return { kind: 'unknown' };
    if (res.status === 410) return { kind: 'revoked' };
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}
