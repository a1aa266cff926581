// Waves (målinger): create per project, open or schedule (freezes the survey), extend, close, links and QR codes
// per unit, a suggested schedule from the go-live dates, and reminder texts per unit.
import { Hono } from 'hono';
import QRCode from 'qrcode';
import { linkPatchBody, reminderQuery, waveBody, wavePatchBody } from '../../contract/waves';
import { access } from '../../http/access';
import { waveOwner } from '../../auth/owners';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { notFound } from '../../services/errors';
import { waveWarnings } from '../../services/reportingGroups';
import { closeWave, createWave, deleteWave, getWaveRow, listLinks, listWaves, openWave, updateLink, updateWave, waveView } from '../../services/waves';
import { suggestedSchedule } from '../../services/suggestedSchedule';
import { linkedNotLive } from '../../services/waveUnits';
import { waveReminders } from '../../services/reminders';
import { waveListAnswer } from '../../contract/answers';

const projectId = validate('param', idParams('projectId'));
const id = validate('param', idParams('id'));
const waveAndLink = validate('param', idParams('id', 'linkId'));

export const waveRoutes = new Hono<AppEnv>()
  .get('/projects/:projectId/waves', access('projectReader'), documented('The project\'s waves with response totals; a total is null where it would reveal a small unit', 'The waves, oldest first; status is as of today (an open wave past its close date is closed)', waveListAnswer), projectId, async (c) =>
    c.json({ waves: await listWaves(c.var.db, c.req.valid('param').projectId, c.var.disclosure, c.var.clock) }),
  )
  .get('/projects/:projectId/waves/suggested-schedule', access('projectAdmin'), summary('A suggested baseline and follow-ups from the go-live dates (Copenhagen time), with the units each follow-up reaches; nothing is stored'), projectId, async (c) =>
    c.json(await suggestedSchedule(c.var.db, c.req.valid('param').projectId, c.var.clock)),
  )
  .post('/projects/:projectId/waves', access('projectAdmin'), summary('Creates a draft wave with one staff link per unit (by default the project\'s active units; a follow-up leaves out units not yet live at its opening unless includeNotLive); warns about small units and names the units not yet live'), projectId, validate('json', waveBody), async (c) => {
    const { notLive, ...wave } = await createWave(c.var.db, c.req.valid('param').projectId, c.req.valid('json'), c.var.clock);
    return c.json({ wave, warnings: await waveWarnings(c.var.db, wave.id, c.var.config.anonymityThreshold), notLive }, 201);
  })
  // Everything by wave id is the secretariat's: links carry the tokens that let anyone answer.
  .post('/waves/:id/open', access('projectAdmin', waveOwner), summary('Opens a draft wave, or schedules it when its opening time is ahead: freezes the survey version and records each unit\'s headcount; names follow-up units not yet live'), id, async (c) => {
    const wave = await openWave(c.var.db, c.req.valid('param').id, c.var.clock, c.var.config);
    return c.json({ wave, notLive: await linkedNotLive(c.var.db, wave) });
  })
  .post('/waves/:id/close', access('projectAdmin', waveOwner), summary('Closes a wave now (early, or no change if already closed); final: its results, per unit too, then show in the report'), id, async (c) => c.json({ wave: await closeWave(c.var.db, c.req.valid('param').id, c.var.disclosure, c.var.clock) }))
  .get('/waves/:id/reminders', access('projectAdmin', waveOwner), summary('Ready-to-send reminder texts per unit (intranet, Teams, e-mail, staff meeting) with its link, short code, close time and the anonymity promise'), id, validate('query', reminderQuery), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await waveReminders(c.var.db, id, c.req.valid('query').locale ?? 'da', c.var.config, c.var.clock));
  })
  .patch('/waves/:id', access('projectAdmin', waveOwner), summary('Renames a wave, turns live results on or off, or moves its schedule (a draft\'s freely, a scheduled wave\'s opening, an open wave\'s close: extend); a closed wave cannot reopen'), id, validate('json', wavePatchBody), async (c) => c.json({ wave: await updateWave(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.disclosure, c.var.clock) }))
  .delete('/waves/:id', access('projectAdmin', waveOwner), summary('Deletes a draft wave; an opened wave keeps its answers and cannot be deleted'), id, async (c) => {
    await deleteWave(c.var.db, c.req.valid('param').id);
    return c.json({ ok: true });
  })
  .get('/waves/:id/links', access('projectAdmin', waveOwner), summary('The wave and its staff links per unit (URL, headcount, responses); counts only after close and as the report hides them'), id, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ wave: waveView(await getWaveRow(c.var.db, id), c.var.clock), links: await listLinks(c.var.db, id, c.var.config.publicUrl, c.var.disclosure, c.var.clock) });
  })
  .patch('/waves/:id/links/:linkId', access('projectAdmin', waveOwner), summary('Corrects a link\'s headcount at open and its number of ineligible staff, for response rates'), waveAndLink, validate('json', linkPatchBody), async (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json({ link: await updateLink(c.var.db, id, linkId, c.req.valid('json'), c.var.disclosure, c.var.clock) });
  })
  .get('/waves/:id/links/:linkId/qr.svg', access('projectAdmin', waveOwner), summary('The staff link\'s QR code as SVG, for posters'), waveAndLink, async (c) => {
    const { id, linkId } = c.req.valid('param');
    const link = (await listLinks(c.var.db, id, c.var.config.publicUrl, c.var.disclosure, c.var.clock)).find((l) => l.id === linkId);
    if (!link) throw notFound('Link');
    // Error correction M survives a slightly worn poster; the quiet zone keeps phones reading it.
    const svg = await QRCode.toString(link.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=300' });
  });
