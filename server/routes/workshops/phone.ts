// The phones' side of a workshop: public, anonymous, by the workshop's code (the QR code on the projector opens
// /w/<code>). Rate-limited per client network in server/http/limits.ts; never audited (server/http/audit.ts), like
// the survey links: what staff write must not be joined to anything.
import { Hono } from 'hono';
import { suggestionBody, voteBody, workshopTokenParam } from '../../contract/workshops';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { positiveId, validate } from '../../http/validate';
import { addSuggestion, phoneView, vote } from '../../services/workshops';

const token = validate('param', workshopTokenParam);
const tokenAndSuggestion = validate('param', workshopTokenParam.extend({ suggestionId: positiveId }));

export const workshopPhoneRoutes = new Hono<AppEnv>()
  .get('/w/:token', access('public'), summary('A workshop as a phone shows it: the behaviour and the room\'s suggestions (only once at least the free-text threshold have been written); 404 workshop_unknown; rate-limited'), token, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await phoneView(c.var.db, c.req.valid('param').token, c.var.disclosure.rules.freeTextThreshold));
  })
  .post('/w/:token/suggestions', access('public'), summary('A staff member\'s suggestion (looks_like: how we do it here; barrier: what gets in the way), at most 500 characters; nothing about the writer is stored; 410 workshop_closed; rate-limited'), token, validate('json', suggestionBody), async (c) => {
    const suggestion = await addSuggestion(c.var.db, c.req.valid('param').token, c.req.valid('json'));
    return c.json({ suggestion }, 201);
  })
  .post('/w/:token/suggestions/:suggestionId/vote', access('public'), summary('A phone\'s vote for a suggestion: one per phone (its random voterId for this workshop, kept only as a hash); a second answers counted: false; 410 workshop_closed; rate-limited'), tokenAndSuggestion, validate('json', voteBody), async (c) => {
    const { token, suggestionId } = c.req.valid('param');
    return c.json(await vote(c.var.db, token, suggestionId, c.req.valid('json').voterId, c.var.disclosure.rules.freeTextThreshold));
  });
