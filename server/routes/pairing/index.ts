// /api/projects/:projectId/pairing — the optional pairing code (secretariat) — and /report/paired, the paired view.
import { Hono } from 'hono';
import { destroyPairingBody, pairedQuery, pairingBody } from '../../contract/pairing';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { destroyPairingKey, getPairedReport, getPairingSettings, setPairing } from '../../services/pairing';

const projectId = validate('param', idParams('projectId'));

export const pairingRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/pairing', access('projectAdmin'), summary('Whether the project asks the optional pairing code, and whether its key exists or was destroyed (never the key)'), projectId, async (c) =>
    c.json({ pairing: await getPairingSettings(c.var.db, c.req.valid('param').projectId) }),
  )
  .put('/projects/:projectId/pairing', access('projectAdmin'), summary('Switches the optional pairing code on or off for the next survey version (opened waves keep theirs); on creates the project\'s key'), projectId, validate('json', pairingBody), async (c) =>
    c.json({ pairing: await setPairing(c.var.db, c.req.valid('param').projectId, c.req.valid('json').enabled) }),
  )
  .post('/projects/:projectId/pairing/destroy', access('projectAdmin'), summary('Destroys the pairing key for good: no new pairs, stored keys can no longer be traced from a code; needs { confirm: true }'), projectId, validate('json', destroyPairingBody), async (c) =>
    c.json({ pairing: await destroyPairingKey(c.var.db, c.req.valid('param').projectId, c.var.clock) }),
  )
  .get('/projects/:projectId/report/paired', access('projectReader'), summary('Paired before/after adoption of two closed waves (?from=&to=), project-level, only when pairs reach the anonymity threshold; with the match rate'), projectId, validate('query', pairedQuery), async (c) =>
    c.json({ paired: await getPairedReport(c.var.db, c.req.valid('param').projectId, c.var.disclosure, c.req.valid('query'), c.var.clock) }),
  );
