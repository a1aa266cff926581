// Waves (målinger): create per project, open (freezes the survey), close, links and QR codes per unit.
import { Hono } from 'hono';
import { z } from 'zod';
import QRCode from 'qrcode';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { idParams, validate } from '../http/validate';
import { closeWave, createWave, deleteWave, getWaveRow, listLinks, listWaves, openWave, updateLink, updateWave } from '../services/waves';
import { ids, isoDay, phase, title } from './schemas';

const waveBody = z.object({
  name: title,
  phase,
  unitIds: ids.min(1).optional(),
  opensOn: isoDay.nullable().optional(),
  closesOn: isoDay.nullable().optional(),
});

export const projectWaveRoutes = new Hono<AppEnv>()
  .get('/:projectId/waves', validate('param', idParams('projectId')), (c) => c.json({ waves: listWaves(c.var.db, c.req.valid('param').projectId, c.var.config.anonymityThreshold) }))
  .post('/:projectId/waves', requireAdmin, validate('param', idParams('projectId')), validate('json', waveBody), (c) =>
    c.json({ wave: createWave(c.var.db, c.req.valid('param').projectId, c.req.valid('json')) }, 201),
  );

export const waveRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .post('/:id/open', validate('param', idParams('id')), (c) => c.json({ wave: openWave(c.var.db, c.req.valid('param').id) }))
  .post('/:id/close', validate('param', idParams('id')), (c) => c.json({ wave: closeWave(c.var.db, c.req.valid('param').id) }))
  .patch('/:id', validate('param', idParams('id')), validate('json', z.object({ name: title.optional(), liveResults: z.boolean().optional(), closesOn: isoDay.nullable().optional() })), (c) =>
    c.json({ wave: updateWave(c.var.db, c.req.valid('param').id, c.req.valid('json')) }),
  )
  .delete('/:id', validate('param', idParams('id')), (c) => {
    deleteWave(c.var.db, c.req.valid('param').id);
    return c.json({ ok: true });
  })
  .get('/:id/links', validate('param', idParams('id')), (c) => {
    const { id } = c.req.valid('param');
    return c.json({ wave: getWaveRow(c.var.db, id), links: listLinks(c.var.db, id, c.var.config.publicUrl, c.var.config.anonymityThreshold) });
  })
  .patch('/:id/links/:linkId', validate('param', idParams('id', 'linkId')), validate('json', z.object({ ineligible: z.number().int().min(0).max(100000).optional(), headcountAtOpen: z.number().int().min(0).max(100000).optional() })), (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json({ link: updateLink(c.var.db, id, linkId, c.req.valid('json')) });
  })
  .get('/:id/links/:linkId/qr.svg', validate('param', idParams('id', 'linkId')), async (c) => {
    const { id, linkId } = c.req.valid('param');
    const link = listLinks(c.var.db, id, c.var.config.publicUrl, c.var.config.anonymityThreshold).find((l) => l.id === linkId);
    if (!link) throw notFound('Link');
    // Error correction M survives a slightly worn poster; the quiet zone keeps phones reading it.
    const svg = await QRCode.toString(link.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=300' });
  });
