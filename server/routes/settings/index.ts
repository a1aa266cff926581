// The municipality's settings (name and logo on the posters): anyone may read them, the secretariat sets them.
import { Hono } from 'hono';
import { settingsBody } from '../../contract/settings';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { validate } from '../../http/validate';
import { getSettings, saveSettings } from '../../services/settings';

export const settingsRoutes = new Hono<AppEnv>()
  // Public: the name and logo hang on every poster anyway, and the staff's answer page may show them.
  .get('/settings', access('public'), summary('The municipality\'s name and logo (a PNG or JPEG data: URL, or null)'), async (c) => c.json({ settings: await getSettings(c.var.db) }))
  .put('/settings', access('admin'), summary('Sets the municipality\'s name and logo (PNG or JPEG, at most 200 KB, checked by its bytes; no SVG); a left-out field is kept, null removes the logo'), validate('json', settingsBody), async (c) =>
    c.json({ settings: await saveSettings(c.var.db, c.req.valid('json')) }),
  );
