// zod validation per route that answers bad input with our error shape and a list of field problems.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

export function zodDetails(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) {
      return c.json(
        {
          error: {
            code: 'invalid_input',
            message: `Invalid ${target}: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
            details: zodDetails(result.error.issues),
          },
        },
        400,
      );
    }
  });

/** Route params that are positive integer ids, e.g. validate('param', idParams('projectId')). */
export const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const idParams = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, positiveId])) as Record<K, typeof positiveId>);
