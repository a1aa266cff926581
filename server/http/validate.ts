// zod validation per route that answers bad input with our error shape and a list of field problems. The
// validator (hono-openapi's, over Standard Schema) also records the schema, so /api/openapi.json describes every
// parameter, query and body from the very schemas that check them.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { uniqueSymbol, validator } from 'hono-openapi';
import { z } from 'zod';
import type { FieldProblem } from '../services/errors';
import { ApiError } from './errors';

export type { FieldProblem };

const pathOf = (i: StandardSchemaV1.Issue) => (i.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');

export function zodDetails(issues: readonly StandardSchemaV1.Issue[]): FieldProblem[] {
  return issues.map((i) => ({ path: pathOf(i), code: (i as { code?: string }).code ?? 'invalid', message: i.message }));
}

export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) => {
  const check = validator(target, schema, (result, c) => {
    if (!result.success) {
      return c.json(
        {
          error: {
            code: 'invalid_input',
            message: `Invalid ${target}: ${result.error.map((i) => `${pathOf(i) || '(root)'} ${i.message}`).join('; ')}`,
            details: zodDetails(result.error),
          },
        },
        400,
      );
    }
  });
  if (target !== 'json') return check;
  // Hono reads a body that is not declared JSON as {}: a text/plain PATCH would "succeed" and change nothing.
  const jsonOnly: typeof check = async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json)');
    return check(c, next);
  };
  return Object.assign(jsonOnly, { [uniqueSymbol]: (check as unknown as Record<symbol, unknown>)[uniqueSymbol] });
};

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Route params that are positive integer ids, e.g. validate('param', idParams('projectId')). */
export const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const idParams = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, positiveId])) as Record<K, typeof positiveId>);
