// Domain errors: what went wrong in the terms of the domain. Services throw these and never know about HTTP;
// server/http/errors.ts maps each kind to a status in one place.
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'gone' | 'forbidden' | 'unauthenticated';

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable code the client translates, e.g. 'wave_not_open'. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, code = 'not_found') => new DomainError('not_found', code, `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError('conflict', code, message, details);
export const invalid = (code: string, message: string, details?: unknown) => new DomainError('invalid', code, message, details);
