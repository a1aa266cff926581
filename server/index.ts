// Starts Gevinstspor: reads config, opens and migrates the database (one, or one per municipality), loads the
// demo when a database is empty, and serves the API and the built client.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { siteHeaders } from './http/secureHeaders';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from '../db/client';
import { createApp } from './app';
import { readServerConfig, type ServerConfig } from './config';
import { loadDemoIfEmpty } from './services/demo';
import { systemClock } from './services/clock';
import { dispatchByHost, readTenantFile, tenantPublicUrl } from './tenants';
import type { Server } from 'node:http';
import { loggerFromEnv, requestLogging, type Logger } from './http/logging';
import { probeRoutes, type Lifecycle } from './http/probes';
import { closeConnectionsWhileStopping, shutdownTimeoutFromEnv, stopOnSignals } from './lifecycle';

const config = readServerConfig();
// One JSON line per request and per error on stdout (server/http/logging.ts); the lifecycle is flipped on SIGTERM.
const log = loggerFromEnv();
const lifecycle: Lifecycle = { stopping: false };
const shutdownTimeoutMs = shutdownTimeoutFromEnv();
// DIST_DIR lets parallel test runs each serve their own build; npm start uses dist/.
const distDir = join(process.cwd(), process.env.DIST_DIR ?? 'dist');
const distRoot = process.env.DIST_DIR ?? './dist';
// Every page the routes below send: a build from before one of them existed would answer 500 for that page.
const PAGES = ['index.html', 'answer.html', 'workshop.html', 'shared.html'] as const;
if (PAGES.some((p) => !existsSync(join(distDir, p)))) {
  console.error('The client is not built: run `npm run build` (npm start does it for you).');
  process.exit(1);
}

type Demo = Awaited<ReturnType<typeof loadDemoIfEmpty>>;
const databases: Db[] = [];

async function openTenantApp(database: string, cfg: ServerConfig, appLog: Logger = log) {
  const db = await openDb(database, { poolSize: cfg.poolSize });
  databases.push(db);
  const demo: Demo | null = cfg.loadDemo ? await loadDemoIfEmpty(db, systemClock, cfg) : null;
  return { app: createApp({ db, config: cfg, log: appLog, lifecycle }), demo };
}

// Everything compressible is sent compressed: the built files as precompressed .br/.gz (vite.config.ts writes them),
// the API's JSON and the HTML pages by compress() (gzip on the fly; it skips what already has a Content-Encoding).
const pageHeaders = siteHeaders(config);
const gzipped = compress();
const site = new Hono()
  .use(closeConnectionsWhileStopping(lifecycle))
  // The API logs its own requests (with the route pattern); this logs the pages and files.
  .use(requestLogging(log, (c) => c.req.path.startsWith('/api/')))
  // The API sets its own security headers (createApp); the pages and files get the same ones here, once.
  .use((c, next) => (c.req.path.startsWith('/api/') || c.req.path === '/api' ? next() : pageHeaders(c, next)))
  // What is read (pages, files, reports, the survey) is compressed; the small answers to writes (a stored
  // submission's acknowledgement, an error) are not: a gzip stream per submission cost more than it saved.
  .use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? gzipped(c, next) : next()));
let demo: Demo | null = null;
let where: string;
if (config.tenantsFile) {
  const tenants = readTenantFile(config.tenantsFile);
  const apps = new Map<string, { fetch: (r: Request) => Response | Promise<Response> }>();
  if (config.loadDemo) console.log('Flere kommuner (TENANTS_FILE): demoen med dens offentlige logins indlæses ikke.');
  for (const t of tenants) {
    const publicUrl = tenantPublicUrl(t);
    // A shared service never gets the demo's public logins; cookies are Secure wherever the tenant is https.
    const secureCookies = config.secureCookiesSetting ?? publicUrl.startsWith('https://');
    const { app } = await openTenantApp(t.databaseUrl, { ...config, publicUrl, secureCookies, loadDemo: false, oidc: t.oidc }, log.child({ tenant: t.id }));
    for (const h of t.hosts) apps.set(h, app);
  }
  // The probes answer for the whole service (every municipality's database), whatever the Host: Docker's
  // HEALTHCHECK and a load balancer ask by IP.
  site.route('/api', probeRoutes(databases, lifecycle, log));
  site.route('/', dispatchByHost(apps));
  where = `${tenants.length} kommuner: ${tenants.map((t) => `${t.id} (${t.hosts.join(', ')})`).join('; ')}`;
} else {
  const tenant = await openTenantApp(config.database, config);
  demo = tenant.demo;
  // c.env carries the socket, so the rate limits see the client's address (server/http/rateLimit.ts).
  site.all('/api/*', (c) => tenant.app.fetch(c.req.raw, c.env));
  where = `database ${config.database.replace(/\/\/[^@/]*@/, '//…@')}`;
}

/** Every compressible built file exists as .br and .gz too, so every answer for it varies by Accept-Encoding —
 *  also the uncompressed one, or a shared cache could hand it to a browser that would get the smaller one. */
const varyByEncoding = (path: string, c: Context) => {
  if (/\.(js|css|html|svg|json|txt|map)(\.br|\.gz)?$/.test(path) && !/accept-encoding/i.test(c.res.headers.get('Vary') ?? '')) c.header('Vary', 'Accept-Encoding', { append: true });
};
site.use(
  '/assets/*',
  serveStatic({
    root: distRoot,
    precompressed: true,
    onFound: (p, c) => {
      varyByEncoding(p, c);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  }),
);
// A missing hashed asset is a 404, never the app page (a browser would try to run HTML as a script).
site.get('/assets/*', (c) => c.text('Not found', 404));
// The HTML pages are only ever sent by the routes below (always fresh), not as files.
const files = serveStatic({ root: distRoot, precompressed: true, onFound: varyByEncoding });
const filesButPages: MiddlewareHandler = async (c, next) => (/\.html(\.br|\.gz)?$/.test(c.req.path) ? next() : files(c, next));
site.use('/*', filesButPages);

// Read per request so a rebuild or redeploy never serves a page that points at assets which are gone.
const page = (name: (typeof PAGES)[number]) => (c: Context) => {
  c.header('Cache-Control', 'no-cache');
  return c.html(readFileSync(join(distDir, name), 'utf8'));
};
// An /api path no app answered is a JSON 404, never the app's page.
site.all('/api', (c) => c.json({ error: { code: 'not_found', message: 'No such endpoint' } }, 404));
site.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: 'No such endpoint' } }, 404));
// The answer pages (/s/<token>, /k, /k/<code>) have their own small page: React, SurveyJS and answering only.
site.get('/s/*', page('answer.html'));
site.get('/k', page('answer.html'));
site.get('/k/*', page('answer.html'));
// A workshop's phones (/w, /w/<code>): their own small page, apart from the staff app and the survey.
site.get('/w', page('workshop.html'));
site.get('/w/*', page('workshop.html'));
// The shared picture (/p/<token>): its own small read-only page, apart from the staff app and the survey.
site.get('/p/*', page('shared.html'));
// Every other client route (/projects/…, /login) gets the staff app.
site.get('*', page('index.html'));

const server = serve({ fetch: site.fetch, port: config.port, hostname: config.host }, (info) => {
  const base = config.publicUrl;
  console.log(`\nGevinstspor kører på ${base} (port ${info.port}, ${where})`);
  if (demo) {
    console.log(`  Log ind som sekretariat: ${demo.adminEmail} / ${demo.adminPassword}`);
    console.log(`  Log ind som leder:       ${demo.managerEmail} / ${demo.managerPassword}`);
    if (demo.openLinkToken) console.log(`  Åbent spørgeskema (medarbejder): ${base}/s/${demo.openLinkToken}`);
  }
  console.log('');
  log.info('server_started', { port: info.port, databases: databases.length });
});

// A stop (docker stop, systemd, Kubernetes, Ctrl-C) finishes open requests, then closes the databases cleanly.
stopOnSignals({ server: server as Server, databases, lifecycle, log, timeoutMs: shutdownTimeoutMs });
