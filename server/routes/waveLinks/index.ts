// A wave's staff links: the public short-code lookup behind <publicUrl>/k, and the secretariat's actions on one
// link (revoke, replace, QR code as PNG) and the wave's posters. The link list and the SVG QR code are in ../waves.
import { Hono } from 'hono';
import { shortCodeAnswer, shortCodeParam } from '../../contract/waveLinks';
import { access } from '../../http/access';
import { waveOwner } from '../../auth/owners';
import type { AppEnv } from '../../http/env';
import { documented, summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { linkQrPng, lookupShortCode, posterData, replaceLink, revokeLink } from '../../services/waveLinks';

const id = validate('param', idParams('id'));
const waveAndLink = validate('param', idParams('id', 'linkId'));

export const waveLinkRoutes = new Hono<AppEnv>()
  .get('/k/:code', access('public'), documented('The staff link behind a short code from a poster (K7QM-4TXH; any case, spaces and dashes), to open /s/<token>; rate-limited', 'The link\'s token; 404 code_unknown, 410 link_revoked', shortCodeAnswer), validate('param', shortCodeParam), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await lookupShortCode(c.var.db, c.req.valid('param').code));
  })
  .post('/waves/:id/links/:linkId/revoke', access('projectAdmin', waveOwner), summary('Revokes a staff link: its URL and short code answer 410 from now on; answers already given stay counted'), waveAndLink, async (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json({ link: await revokeLink(c.var.db, id, linkId, c.var.config.publicUrl, c.var.clock) });
  })
  .post('/waves/:id/links/:linkId/replace', access('projectAdmin', waveOwner), summary('Gives a staff link a new token and short code (same wave and unit); the old ones stop working, answers already given stay counted'), waveAndLink, async (c) => {
    const { id, linkId } = c.req.valid('param');
    return c.json({ link: await replaceLink(c.var.db, id, linkId, c.var.config.publicUrl) });
  })
  .get('/waves/:id/links/:linkId/qr.png', access('projectAdmin', waveOwner), summary('The staff link\'s QR code as a PNG (1024 px), for posters and slides'), waveAndLink, async (c) => {
    const { id, linkId } = c.req.valid('param');
    const png = await linkQrPng(c.var.db, id, linkId, c.var.config.publicUrl);
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=300' });
  })
  .get('/waves/:id/posters', access('projectAdmin', waveOwner), summary('What the wave\'s posters print, one per unit link that is not revoked: project, close date, threshold, answer time, short codes, municipality'), id, async (c) =>
    c.json(await posterData(c.var.db, c.req.valid('param').id, c.var.config.publicUrl, c.var.config)),
  );
