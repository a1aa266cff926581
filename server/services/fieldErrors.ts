// A domain rule broken by one field: the error carries the field path so the form can show it in place.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../http/errors';
import type { FieldProblem } from '../http/validate';

export function fieldError(code: string, path: string, message: string, status: ContentfulStatusCode = 400, extra?: Partial<FieldProblem> & Record<string, unknown>) {
  return new ApiError(status, code, message, [{ path, code, message, ...extra }]);
}
