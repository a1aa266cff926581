// One error shape for every API answer: { error: { code, message, details? } }.
// Codes are stable; the client shows its own translated message per code. Services throw DomainError
// (services/errors.ts); this is the one place that turns a domain kind into an HTTP status.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorKind } from '../services/errors';

/** An HTTP-level refusal raised by middleware or a route (authentication, media type, body size). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const statusOfKind: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
};

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}
