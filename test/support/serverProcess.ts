// The real server (bundled from server/index.ts, as `npm start` runs it) on a given SQLite file or PostgreSQL URL, with its
// process at hand: the crash and backup tests kill it (SIGKILL, SIGTERM) and start it again on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../db/client';
import { behaviours, projects, rollouts, units, waveLinks, waves } from '../../db/schema';
import { defaultAppConfig } from '../../server/config';
import { systemClock } from '../../server/services/clock';
import { getSurveyVersion } from '../../server/services/surveys';
import { openWave } from '../../server/services/waves';
import { answersFor } from './answers';
import { freePort, serverCommand } from './server';

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export async function startServer(database: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(join(process.env.DIST_DIR ?? 'dist', 'index.html'))) throw new Error('dist/ is missing: npm test builds the client first (npm run build)');
  const port = await freePort();
  const dbEnv = /^postgres/.test(database) ? { DATABASE_URL: database } : { DATABASE_PATH: database };
  const child = spawn(process.execPath, serverCommand(), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOAD_DEMO: 'false', LOG_LEVEL: 'warn', ...dbEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (await fetch(`${baseUrl}/api/ready`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, child, output: () => out, exited };
}

/** A project with one behaviour, an open baseline wave and a staff link per unit; the answers a respondent sends. */
export async function seedOpenWave(database: string, links = 20) {
  const db = await openDb(database);
  try {
    const [{ id: projectId }] = await db.insert(projects).values({ name: 'Drift' }).returning();
    await db.insert(behaviours).values({ projectId, title: 'Adfærd', oldBehaviour: 'Gammel' });
    const unitRows = await db.insert(units).values(Array.from({ length: links }, (_, i) => ({ name: `Enhed ${i}`, headcount: 50 }))).returning({ id: units.id });
    await db.insert(rollouts).values(unitRows.map((u) => ({ projectId, unitId: u.id })));
    const [wave] = await db.insert(waves).values({ projectId, name: 'Måling', phase: 'baseline' }).returning();
    const tokens = unitRows.map(() => randomUUID().replace(/-/g, ''));
    await db.insert(waveLinks).values(unitRows.map((u, i) => ({ waveId: wave.id, unitId: u.id, token: tokens[i] })));
    const version = await getSurveyVersion(db, (await openWave(db, wave.id, systemClock, defaultAppConfig)).surveyVersionId!);
    const answers = answersFor(version.itemMap, () => 3);
    const valuesPerResponse = version.itemMap.items.filter((i) => i.type === 'scale').length;
    return { tokens, answers, valuesPerResponse };
  } finally {
    await db.close();
  }
}

export const submit = (baseUrl: string, token: string, submissionId: string, answers: unknown) =>
  fetch(`${baseUrl}/api/s/${token}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ submissionId, answers, locale: 'da' }) });

/**
 * `workers` clients posting new answers back to back until `stop()` or the server goes away. `acknowledged` holds
 * the submission ids answered 201, in order; `others` every other status.
 */
export function submitUnderLoad(baseUrl: string, tokens: string[], answers: unknown, workers = 24) {
  const acknowledged: string[] = [];
  const others: number[] = [];
  let stopped = false;
  let next = 0;
  const worker = async () => {
    while (!stopped) {
      const id = randomUUID();
      try {
        const res = await submit(baseUrl, tokens[next++ % tokens.length], id, answers);
        await res.arrayBuffer();
        if (res.status === 201) acknowledged.push(id);
        else others.push(res.status);
      } catch {
        return; // the server is gone (killed) or stopped accepting: this answer was never acknowledged
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return { acknowledged, others, done, stop: () => ((stopped = true), done) };
}
