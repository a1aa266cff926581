// The staff side: no login. A token attributes the answer to a wave and unit, never to a person.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { getPublicSurvey, submitResponse } from '../services/responses';

const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Not a survey link') });
const responseBody = z.object({
  submissionId: z.string().uuid(),
  // A "__proto__" key (own property after JSON.parse) is refused outright; copying would silently drop it.
  answers: z
    .unknown()
    .refine((v) => !(v && typeof v === 'object' && Object.hasOwn(v, '__proto__')), 'Not a question name: __proto__')
    .pipe(z.record(z.string().max(200), z.unknown())),
  locale: z.enum(['da', 'en']).default('da'),
});

export const publicRoutes = new Hono<AppEnv>()
  .get('/:token', validate('param', tokenParam), (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(getPublicSurvey(c.var.db, c.req.valid('param').token));
  })
  .post('/:token/responses', validate('param', tokenParam), validate('json', responseBody), (c) => {
    const result = submitResponse(c.var.db, c.req.valid('param').token, c.req.valid('json'));
    return c.json({ id: result.id, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
  });
