// The staff side (/api/s/:token): no login. A token attributes the answer to a wave and unit, never to a person.
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { validate } from '../../http/validate';
import { getPublicSurvey, submitResponse } from '../../services/responses';
import { responseBody, tokenParam } from './responses.schemas';

export const responseRoutes = new Hono<AppEnv>()
  .get('/s/:token', access('public'), validate('param', tokenParam), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await getPublicSurvey(c.var.db, c.req.valid('param').token, c.var.clock));
  })
  .post('/s/:token/responses', access('public'), validate('param', tokenParam), validate('json', responseBody), async (c) => {
    const result = await submitResponse(c.var.db, c.req.valid('param').token, c.req.valid('json'), c.var.clock);
    return c.json({ id: result.id, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
  });
