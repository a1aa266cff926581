// A domain rule broken by one field: the error carries the field path so the form can show it in place.
import { DomainError, type DomainErrorKind, type FieldProblem } from './errors';

export function fieldError(code: string, path: string, message: string, kind: DomainErrorKind = 'invalid', extra?: Partial<FieldProblem> & Record<string, unknown>) {
  return new DomainError(kind, code, message, [{ path, code, message, ...extra }]);
}
