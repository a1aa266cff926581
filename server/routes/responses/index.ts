// The staff side (/api/s/:token): no login. A token attributes the answer to a wave and unit, never to a person.
import { Hono } from 'hono';
import { responseBody, tokenParam } from '../../contract/responses';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { validate } from '../../http/validate';
import { getPublicSurvey, submitResponse } from '../../services/responses';

export const responseRoutes = new Hono<AppEnv>()
  .get('/s/:token', access('public'), summary('The survey behind a staff link, with wave, unit and project names; only while the wave is open'), validate('param', tokenParam), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await getPublicSurvey(c.var.db, c.req.valid('param').token, c.var.clock));
  })
  .post('/s/:token/responses', access('public'), summary('Stores an anonymous answer once: a retry with the same submissionId answers 200, duplicate: true'), validate('param', tokenParam), validate('json', responseBody), async (c) => {
    const input = c.req.valid('json');
    const result = await submitResponse(c.get('db'), c.req.valid('param').token, input, c.get('disclosure'), c.get('clock'));
    // The submitter hears back its own id only: a row id would tell the order in which answers arrived.
    return c.json({ submissionId: input.submissionId, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
  });
