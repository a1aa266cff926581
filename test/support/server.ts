// Starts the built app as `npm start` would, on a free port with a fresh database (a temporary SQLite file, or
// DATABASE_URL when given), and stops it. Used by the browser tests and the multi-instance tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningApp {
  baseUrl: string;
  output: () => string;
  openLink: () => string;
  stop: () => Promise<void>;
}

/** How the server is started as a process: the bundle Vitest's globalSetup built (test/support/serverBundle.ts), as
 *  `npm start` runs dist-server/index.mjs; from the sources through tsx where no setup built one. */
export function serverCommand(): string[] {
  const bundle = process.env.GS_SERVER_BUNDLE;
  return bundle ? ['--enable-source-maps', bundle] : ['--import', 'tsx', 'server/index.ts'];
}

/** Starts the server as `npm start` would (after the build), on a temp database. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(join(process.env.DIST_DIR ?? 'dist', 'index.html'))) throw new Error('dist/ is missing: npm test builds the client first (npm run build)');
  const dir = mkdtempSync(join(tmpdir(), 'gevinstspor-e2e-'));
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, serverCommand(), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'e2e.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok && out.includes('Gevinstspor')) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    output: () => out,
    openLink: () => {
      const m = out.match(/\/s\/([A-Za-z0-9_-]+)/);
      if (!m) throw new Error(`no staff link printed:\n${out}`);
      return `${baseUrl}/s/${m[1]}`;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

