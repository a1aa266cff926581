// Waves (målinger): create per project, open (freezes the survey), close, links and QR codes per unit.
import { Hono } from 'hono';
import QRCode from 'qrcode';
import { linkPatchBody, waveBody, wavePatchBody } from '../../contract/waves';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { notFound } from '../../services/errors';
import { waveWarnings } from '../../services/reportingGroups';
import { closeWave, createWave, deleteWave, getWaveRow, listLinks, listWaves, openWave, updateLink, updateWave } from '../../services/waves';
import { waveListAnswer } from '../../contract/answers';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));
const waveAndLink = validate('param', idParams('id', 'linkId'));

export const waveRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/waves', access('projectReader'), documented('The project\'s waves with response totals; a total is null where it would reveal a small unit', 'The waves, oldest first; status is as of today (an open wave past its close date is closed)', waveListAnswer), projectId, async (c) =>
    c.json({ waves: await listWaves(c.var.db, c.req.valid('param').projectId, c.var.disclosure, c.var.clock) }),
  )
  .post('/projects/:projectId/waves', access('projectAdmin'), summary('Creates a draft wave with one staff link per unit (by default the project\'s active units); warns about units under the anonymity threshold and in no group reaching it'), projectId, validate('json', waveBody), async (c) => {
    const wave = await createWave(c.var.db, c.req.valid('param').projectId, c.req.valid('json'));
    return c.json({ wave, warnings: await waveWarnings(c.var.db, wave.id, c.var.config.anonymityThreshold) }, 201);
  })
  // Everything by wave id is the secretariat's: links carry the tokens that let anyone answer.
  .post('/waves/:id/open', access('admin'), summary('Opens a draft wave: freezes the survey version and records each unit\'s headcount'), id, async (c) => c.json({ wave: await openWave(c.var.db, c.req.valid('param').id, c.var.clock, c.var.config) }))
  .post('/waves/:id/close', access('admin'), summary('Closes an open wave (no change if already closed); its results, per unit too, then show in the report'), id, async (c) => c.json({ wave: await closeWave(c.var.db, c.req.valid('param').id, c.var.disclosure, c.var.clock) }))
  .patch('/waves/:id', access('admin'), summary('Renames a wave, turns live results on or off, or moves its close date; a closed wave cannot reopen'), id, validate('json', wavePatchBody), async (c) => c.json({ wave: await updateWave(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.disclosure, c.var.clock) }))
  .delete('/waves/:id', access('admin'), summary('Deletes a draft wave; an opened wave keeps its answers and cannot be deleted'), id, async (c) => {
    await deleteWave(c.var.db, c.req.valid('param').id);
    return c.json({ ok: true });
  })
  .get('/waves/:id/links', access('admin'), summary('The wave and its staff links per unit (URL, headcount, responses); counts only after close and as the report hides them'), id, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ wave: await getWaveRow(c.var.db, id), links: await listLinks(c.var.db, id, c.var.config.publicUrl, c.var.disclosure, c.var.clock) });
  })
  .patch('/waves/:id/links/:linkId', access('admin'), summary('Corrects a link\'s headcount at open and its number of ineligible staff, for response rates'), waveAndLink, validate('json', linkPatchBody), async (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json({ link: await updateLink(c.var.db, id, linkId, c.req.valid('json'), c.var.disclosure, c.var.clock) });
  })
  .get('/waves/:id/links/:linkId/qr.svg', access('admin'), summary('The staff link\'s QR code as SVG, for posters'), waveAndLink, async (c) => {
    const { id, linkId } = c.req.valid('param');
    const link = (await listLinks(c.var.db, id, c.var.config.publicUrl, c.var.disclosure, c.var.clock)).find((l) => l.id === linkId);
    if (!link) throw notFound('Link');
    // Error correction M survives a slightly worn poster; the quiet zone keeps phones reading it.
    const svg = await QRCode.toString(link.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=300' });
  });
