// Argon2id password hashing (OWASP's first choice) via @node-rs/argon2's prebuilt native binding.
// The parameters are pinned here, not left to the library's defaults: a login's cost depends on the parameters in
// the hash it checks, so every stored hash and the dummy hash checked for unknown e-mails must share them (else the
// answer time tells which e-mails have accounts). Older hashes are re-hashed at their next successful login.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane (about 10 ms here). */
export const PASSWORD_HASH_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolated modules cannot import)

export const hashPassword = (password: string) => hash(password, { ...PASSWORD_HASH_PARAMS, algorithm: ARGON2ID });

/** "m=19456,t=2,p=1" of an encoded Argon2id hash, or undefined when it is not one (e.g. an account without a password). */
export function hashParams(encoded: string): string | undefined {
  return /^\$argon2id\$v=19\$(m=\d+,t=\d+,p=\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(encoded)?.[1];
}

export const CURRENT_HASH_PARAMS = `m=${PASSWORD_HASH_PARAMS.memoryCost},t=${PASSWORD_HASH_PARAMS.timeCost},p=${PASSWORD_HASH_PARAMS.parallelism}`;

/** True when a stored hash should be replaced by one with the current parameters. */
export const needsRehash = (encoded: string) => hashParams(encoded) !== CURRENT_HASH_PARAMS;

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A real hash, with the current parameters, of a random password nobody knows; made once per process. */
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** What an account without a usable password stores (an invitation not yet accepted): a hash nobody can match. */
export const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('hex'));
