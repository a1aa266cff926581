// The answer page on a phone, against the least it could be: bytes over the wire (as served, compressed) and
// time to the first question under 4× CPU throttling, for the real /s/<token> page and for a minimal Vite page
// built in this run that renders the same survey JSON with only React + SurveyJS. Prints ratios real/minimal.
//
//   npm run bench:answer-page            (5 runs per page; `-- <runs>` for another number)
//
// Both builds go to dist-bench-answer*/ (git-ignored) and are removed at the end; each run is a fresh Chromium
// profile (its own --user-data-dir), so nothing comes from the browser cache.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import react from '@vitejs/plugin-react';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { precompress } from '../vite.config';
import { freePort, startApp } from '../test/support/server';
import { median } from './common';

const runs = Number(process.argv[2] ?? 5);
const root = resolve(import.meta.dirname, '..');
const REAL_DIR = 'dist-bench-answer';
const MINIMAL_DIR = 'dist-bench-answer-minimal';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The survey JSON the real page fetched, as a module of the minimal build. */
function benchSurvey(json: unknown): Plugin {
  const id = 'virtual:bench-survey';
  return {
    name: 'bench-survey',
    resolveId: (s) => (s === id ? `\0${id}` : null),
    load: (s) => (s === `\0${id}` ? `export default ${JSON.stringify(json)};` : null),
  };
}

async function serveMinimal(): Promise<{ url: string; close: () => void }> {
  const port = await freePort();
  const app = new Hono()
    .use(compress())
    .use('/*', serveStatic({ root: `./${MINIMAL_DIR}`, precompressed: true }))
    .get('*', (c) => c.html(readFileSync(join(root, MINIMAL_DIR, 'index.html'), 'utf8')));
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

interface Sample {
  bytes: number;
  startMs: number;
  questionMs: number;
}

/** One cold visit: bytes received (encoded, headers included) and ms from navigation to the Start button and to
 *  the first question after pressing it. */
async function visit(url: string): Promise<Sample> {
  const profile = mkdtempSync(join(tmpdir(), 'gevinstspor-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const start = page.locator('.sd-navigation__start-btn, input[value="Start"], button:has-text("Start")').first();
    await start.waitFor({ state: 'visible', timeout: 60_000 });
    const startMs = performance.now() - t0;
    await start.click();
    await page.locator('.sd-question').first().waitFor({ state: 'visible', timeout: 60_000 });
    const questionMs = performance.now() - t0;
    await page.waitForLoadState('networkidle');
    return { bytes, startMs, questionMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function measure(name: string, url: string) {
  await visit(url); // warm the server's file cache, not the browser's (a fresh profile each time)
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await visit(url));
  const m = { bytes: median(samples.map((s) => s.bytes)), startMs: median(samples.map((s) => s.startMs)), questionMs: median(samples.map((s) => s.questionMs)) };
  console.log(`${name.padEnd(14)} ${(m.bytes / 1024).toFixed(1).padStart(8)} KiB   Start shown ${m.startMs.toFixed(0).padStart(6)} ms   first question ${m.questionMs.toFixed(0).padStart(6)} ms`);
  return m;
}

const quiet = { logLevel: 'warn' as const };
console.log(`Building the real client into ${REAL_DIR}/ …`);
await build({ ...quiet, configFile: join(root, 'vite.config.ts'), build: { outDir: join(root, REAL_DIR), emptyOutDir: true } });
const app = await startApp({ DIST_DIR: REAL_DIR });
let minimal: { url: string; close: () => void } | null = null;
try {
  const link = app.openLink();
  const token = link.split('/s/')[1];
  const data = (await (await fetch(`${app.baseUrl}/api/s/${token}`)).json()) as { survey: unknown };
  console.log(`Building the minimal page (React + SurveyJS, the same survey) into ${MINIMAL_DIR}/ …`);
  await build({
    ...quiet,
    configFile: false,
    root: join(root, 'bench/minimal-answer'),
    plugins: [react(), precompress(), benchSurvey(data.survey)],
    build: { outDir: join(root, MINIMAL_DIR), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  minimal = await serveMinimal();

  console.log(`\n${runs} cold visits each at 360×740, 4× CPU throttling, medians:`);
  const real = await measure('answer page', link);
  const base = await measure('minimal page', minimal.url);
  console.log('');
  console.log(`bytes transferred  ${(real.bytes / base.bytes).toFixed(3)}× minimal   (target ≤ 1.10)`);
  console.log(`Start shown        ${(real.startMs / base.startMs).toFixed(3)}× minimal`);
  console.log(`first question     ${(real.questionMs / base.questionMs).toFixed(3)}× minimal`);
} finally {
  minimal?.close();
  await app.stop();
  rmSync(join(root, REAL_DIR), { recursive: true, force: true });
  rmSync(join(root, MINIMAL_DIR), { recursive: true, force: true });
}
