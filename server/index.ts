// Starts Gevinstspor: reads config, opens and migrates the database, loads the demo when empty, serves.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../db/client';
import { createApp } from './app';
import { readServerConfig } from './config';
import { loadDemoIfEmpty } from './services/demo';

const config = readServerConfig();
const db = openDb(config.databasePath);
const demo = config.loadDemo ? await loadDemoIfEmpty(db) : null;

const app = createApp({ db, config });
const distDir = join(process.cwd(), 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error('The client is not built: run `npm run build` (npm start does it for you).');
  process.exit(1);
}
app.use('/assets/*', serveStatic({ root: './dist', onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
// A missing hashed asset is a 404, never the app page (a browser would try to run HTML as a script).
app.get('/assets/*', (c) => c.text('Not found', 404));
app.use('/*', serveStatic({ root: './dist' }));
// Client routes (/s/<token>, /projects/…) all get the single-page app; read per request so a rebuild or
// redeploy never serves an index.html that points at assets which are gone.
app.get('*', (c) => {
  c.header('Cache-Control', 'no-cache');
  return c.html(readFileSync(join(distDir, 'index.html'), 'utf8'));
});

serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const base = config.publicUrl;
  console.log(`\nGevinstspor kører på ${base} (port ${info.port}, database ${config.databasePath})`);
  if (demo) {
    console.log(`  Log ind som sekretariat: ${demo.adminEmail} / ${demo.adminPassword}`);
    console.log(`  Log ind som leder:       ${demo.managerEmail} / ${demo.managerPassword}`);
    if (demo.openLinkToken) console.log(`  Åbent spørgeskema (medarbejder): ${base}/s/${demo.openLinkToken}`);
  }
  console.log('');
});
