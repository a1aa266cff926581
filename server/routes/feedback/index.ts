// Feedback to staff behind a unit's staff link (/api/s/:token/feedback): public like the survey itself, never
// audited (server/http/audit.ts skips /api/s/), and only once the link's wave has closed.
import { Hono } from 'hono';
import { feedbackParam } from '../../contract/feedback';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { validate } from '../../http/validate';
import { getUnitFeedback } from '../../services/feedback';

export const feedbackRoutes = new Hono<AppEnv>().get(
  '/s/:token/feedback',
  access('public'),
  summary('After the wave closed: the unit\'s results as the report publishes them (hidden cells with the reason only), its recorded actions and agreed descriptions; 409 feedback_not_ready while open, 404 for an unknown or revoked link'),
  validate('param', feedbackParam),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ feedback: await getUnitFeedback(c.var.db, c.req.valid('param').token, c.var.disclosure, c.var.clock) });
  },
);
