// The shared picture (fælles billede): the secretariat's choice of sections and its share links under
// /api/projects/:projectId/…, and the public page's data at /api/p/:token (no login; never audited: it is a read).
import { Hono } from 'hono';
import { shareLinkBody, sharedPictureBody, shareTokenParam } from '../../contract/sharedPicture';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createShareLink, getPublicPicture, getSharedPictureSettings, revokeShareLink, setSharedPictureSections, shareLinkQrSvg } from '../../services/sharedPicture';

const project = validate('param', idParams('projectId'));
const projectAndLink = validate('param', idParams('projectId', 'shareLinkId'));

export const sharedPictureRoutes = new Hono<AppEnv>()
  .get('/p/:token', access('public'), summary('The shared picture behind a share link: the sections the secretariat chose; from answers at most the project totals the report publishes (section results, off by default); an unknown or revoked link is 404'), validate('param', shareTokenParam), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ picture: await getPublicPicture(c.var.db, c.req.valid('param').token, c.var.disclosure, c.var.clock) });
  })
  .get('/projects/:projectId/shared-picture', access('projectAdmin'), summary('The shared picture\'s chosen sections, its share links and the units a link can be made for'), project, async (c) =>
    c.json(await getSharedPictureSettings(c.var.db, c.req.valid('param').projectId, c.var.config.publicUrl)),
  )
  .put('/projects/:projectId/shared-picture', access('projectAdmin'), summary('Chooses which sections the shared picture shows (every section named, on or off)'), project, validate('json', sharedPictureBody), async (c) =>
    c.json(await setSharedPictureSections(c.var.db, c.req.valid('param').projectId, c.req.valid('json'))),
  )
  .post('/projects/:projectId/share-links', access('projectAdmin'), summary('A new share link to the shared picture, for the whole project or one of its units (unitId)'), project, validate('json', shareLinkBody), async (c) =>
    c.json({ shareLink: await createShareLink(c.var.db, c.req.valid('param').projectId, c.req.valid('json'), c.var.config.publicUrl) }, 201),
  )
  .post('/projects/:projectId/share-links/:shareLinkId/revoke', access('projectAdmin'), summary('Revokes a share link: its address answers 404 from now on'), projectAndLink, async (c) => {
    const { projectId, shareLinkId } = c.req.valid('param');
    return c.json({ shareLink: await revokeShareLink(c.var.db, projectId, shareLinkId, c.var.config.publicUrl, c.var.clock) });
  })
  .get('/projects/:projectId/share-links/:shareLinkId/qr.svg', access('projectAdmin'), summary('The share link\'s QR code as SVG, for a slide or the intranet'), projectAndLink, async (c) => {
    const { projectId, shareLinkId } = c.req.valid('param');
    const svg = await shareLinkQrSvg(c.var.db, projectId, shareLinkId, c.var.config.publicUrl);
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=300' });
  });
