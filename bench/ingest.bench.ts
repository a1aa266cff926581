// Submissions under load: the real server (server/index.ts bundled, as `npm start` runs it) on a temporary SQLite file,
// 100 concurrent keep-alive clients posting valid answers over many staff links, against a bare Hono +
// better-sqlite3 endpoint that inserts one row per request, measured in the same run. Every acknowledged (201)
// submission must be in the database afterwards; a mismatch exits with code 1.
// Run: npm run bench:ingest [-- --links 400 --connections 100 --seconds 10 --warmup 3 --live --cpu-prof --skip-in-process]
// The client must be built (npm run build; DIST_DIR=… is passed on). --cpu-prof writes the server's CPU profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDb } from '../db/client';
import { behaviours, projects, rollouts, units, waveLinks, waves } from '../db/schema';
import { defaultAppConfig } from '../server/config';
import { SUBMIT_STORED } from '../server/http/limits';
import { systemClock } from '../server/services/clock';
import { getSurveyVersion } from '../server/services/surveys';
import { submitResponse } from '../server/services/responses';
import { disclosurePolicy } from '../server/services/disclosure';
import { responseBody } from '../server/contract/responses';
import { openWave } from '../server/services/waves';
import { answersFor } from '../test/support/answers';
import { freePort } from '../test/support/server';
import { buildServer } from '../scripts/buildServer';

const { values: opt } = parseArgs({
  options: {
    links: { type: 'string', default: '400' },
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    live: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    'skip-in-process': { type: 'boolean', default: false },
  },
});
const LINKS = Number(opt.links), CONNECTIONS = Number(opt.connections), SECONDS = Number(opt.seconds), WARMUP = Number(opt.warmup);

// Every client is on one network (loopback), so the budget per link and network binds first (server/http/limits.ts):
// units of this headcount let a run store far more than it posts, so the limit is on the path but never hit.
const HEADCOUNT = 300;
const PER_LINK = Math.min(Math.max(SUBMIT_STORED.clientFloor, SUBMIT_STORED.clientPerHead * HEADCOUNT), Math.max(SUBMIT_STORED.linkFloor, SUBMIT_STORED.linkPerHead * HEADCOUNT));

const dir = mkdtempSync(join(tmpdir(), 'gs-ingest-'));
const appDb = join(dir, 'app.db');
const inProcessDb = join(dir, 'in-process.db');
const bareDb = join(dir, 'bare.db');

/** A project with 3 behaviours, one open follow-up wave and one link per unit. */
async function prepare(path = appDb) {
  const db = await openDb(path);
  const [{ id: projectId }] = await db.insert(projects).values({ name: 'Bench' }).returning();
  for (let b = 0; b < 3; b++) await db.insert(behaviours).values({ projectId, title: `Adfærd ${b}`, oldBehaviour: 'Gammel' });
  const unitRows = await db.insert(units).values(Array.from({ length: LINKS }, (_, i) => ({ name: `Enhed ${i}`, headcount: HEADCOUNT }))).returning({ id: units.id });
  await db.insert(rollouts).values(unitRows.map((u) => ({ projectId, unitId: u.id })));
  const [wave] = await db.insert(waves).values({ projectId, name: 'Måling', phase: 'followup', liveResults: opt.live }).returning();
  const tokens = unitRows.map((_, i) => `bench-link-${String(i).padStart(6, '0')}`);
  await db.insert(waveLinks).values(unitRows.map((u, i) => ({ waveId: wave.id, unitId: u.id, token: tokens[i] })));
  const version = await getSurveyVersion(db, (await openWave(db, wave.id, systemClock, defaultAppConfig)).surveyVersionId!);
  const answers = answersFor(version.itemMap, () => 4);
  await db.close();
  return { tokens, answers, items: version.itemMap.items.length };
}

async function start(args: string[], env: Record<string, string>): Promise<{ port: number; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, [...args], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (/Unhandled error/.test(out)) console.log(`server log:\n${out.slice(0, 4000)}`);
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; NaN elsewhere). Clock ticks are
 *  1/100 s on Linux. On a shared machine this says more than throughput, which other jobs also decide. */
function cpuSeconds(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

interface Result {
  /** Server CPU milliseconds per measured response. */
  cpuMs: number;
  /** This process's (the 100 clients') CPU milliseconds per measured request: on 2 cores it shares the machine. */
  clientCpuMs: number;
  acknowledged: string[];
  statuses: Map<number, number>;
  measured: number;
  latencies: number[];
  seconds: number;
}

/** CONNECTIONS clients in a loop, each posting one new response per request to the next link. */
async function load(port: number, pid: number, tokens: string[], answers: unknown): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const t0 = Date.now();
  const measureFrom = t0 + WARMUP * 1000, end = measureFrom + SECONDS * 1000;
  let next = 0;
  let cpuAtStart = NaN, cpuAtEnd = NaN;
  let clientAtStart: NodeJS.CpuUsage | undefined, clientUsed: NodeJS.CpuUsage | undefined;
  setTimeout(() => ((cpuAtStart = cpuSeconds(pid)), (clientAtStart = process.cpuUsage())), measureFrom - t0);
  setTimeout(() => ((cpuAtEnd = cpuSeconds(pid)), (clientUsed = process.cpuUsage(clientAtStart))), end - t0);
  const post = (path: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end(body);
    });
  const client = async () => {
    for (;;) {
      const started = performance.now();
      if (Date.now() >= end) return;
      const submissionId = randomUUID();
      const token = tokens[next++ % tokens.length];
      const status = await post(`/api/s/${token}/responses`, JSON.stringify({ submissionId, answers, locale: 'da' }));
      const ms = performance.now() - started;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201) acknowledged.push(submissionId);
      const now = Date.now();
      if (now >= measureFrom && now < end) latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  // A busy event loop may run the end timer only after the last client stopped.
  if (Number.isNaN(cpuAtEnd)) cpuAtEnd = cpuSeconds(pid);
  clientUsed ??= process.cpuUsage(clientAtStart);
  agent.destroy();
  return { cpuMs: ((cpuAtEnd - cpuAtStart) * 1000) / latencies.length, clientCpuMs: (clientUsed.user + clientUsed.system) / 1000 / latencies.length, acknowledged, statuses, measured: latencies.length, latencies: latencies.sort((a, b) => a - b), seconds: SECONDS };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** Every acknowledged submission id must be stored; returns how many are missing. */
function missing(path: string, table: string, ids: string[]) {
  const db = new Database(path, { readonly: false });
  db.exec('create temp table acked (submission_id text primary key)');
  const add = db.prepare('insert into acked values (?)');
  db.transaction(() => ids.forEach((id) => add.run(id)))();
  const { n } = db.prepare(`select count(*) as n from acked a where not exists (select 1 from ${table} r where r.submission_id = a.submission_id)`).get() as { n: number };
  db.close();
  return n;
}

/** The tallies written with the responses equal a recount of the stored answers. */
function talliesMatch(path: string) {
  const db = new Database(path, { readonly: true });
  const one = (q: string) => (db.prepare(q).get() as { n: number | null }).n ?? 0;
  const ok =
    one('select count(*) as n from responses') === one('select sum(n) as n from respondent_tallies') &&
    one('select count(*) as n from response_values where value_num is not null') === one('select sum(n) as n from answer_tallies');
  db.close();
  return ok;
}

function report(name: string, r: Result) {
  const perSecond = r.measured / r.seconds;
  const other = [...r.statuses].filter(([s]) => s !== 201).map(([s, n]) => `${n}× ${s}`).join(', ');
  console.log(`${name.padEnd(34)} ${perSecond.toFixed(0).padStart(6)} responses/s   p50 ${pct(r.latencies, 50).toFixed(1).padStart(6)} ms   p99 ${pct(r.latencies, 99).toFixed(1).padStart(6)} ms   server CPU ${r.cpuMs.toFixed(2)} ms/response   client CPU ${r.clientCpuMs.toFixed(2)} ms${other ? `   (not 201: ${other})` : ''}`);
  return perSecond;
}

/**
 * The submission's own work without HTTP: submitResponse called in this process, CONNECTIONS at a time (so group
 * commit shares COMMITs as on the server), on a database prepared like the server's. The rate limits, middleware
 * and body parsing are left out. Its CPU per response is a floor for the server's: whatever HTTP path runs in front
 * of it, one request thread cannot store faster than 1 / (this + that path).
 */
async function inProcess(path: string, tokens: string[], answers: unknown) {
  const db = await openDb(path);
  const policy = disclosurePolicy(defaultAppConfig);
  let next = 0, stored = 0, cpuAtStart: NodeJS.CpuUsage | undefined;
  const t0 = performance.now(), measureFrom = t0 + WARMUP * 1000, end = measureFrom + SECONDS * 1000;
  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= end) return;
      if (now >= measureFrom) cpuAtStart ??= process.cpuUsage();
      const input = responseBody.parse({ submissionId: randomUUID(), answers, locale: 'da' });
      await submitResponse(db, tokens[next++ % tokens.length], input, policy, systemClock);
      if (performance.now() >= measureFrom) stored++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const used = process.cpuUsage(cpuAtStart);
  await db.close();
  return { perSecond: stored / SECONDS, cpuMs: (used.user + used.system) / 1000 / stored };
}

let failed = false;
try {
  const { tokens, answers, items } = await prepare();
  console.log(`Ingest benchmark: ${CONNECTIONS} keep-alive connections, ${LINKS} links (the rate limit stores ${PER_LINK} per link and network in 10 min: ${LINKS * PER_LINK} in all), ${items} items per response, ${WARMUP} s warm-up + ${SECONDS} s measured${opt.live ? ', live results on' : ''}\n`);
  const profDir = join(tmpdir(), 'gs-ingest-profiles');
  // Bundled for this run (inside the checkout, so its packages resolve from node_modules), as `npm run build` does.
  const bundle = await buildServer(join('dist-server', `bench-${process.pid}`, 'index.mjs'));
  const app = await start([...(opt['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--enable-source-maps', bundle], { DATABASE_PATH: appDb, LOAD_DEMO: 'false', NODE_ENV: 'production' });
  const real = await load(app.port, app.child.pid!, tokens, answers);
  await app.stop();
  const realRate = report('POST /api/s/:token/responses', real);
  if (opt['cpu-prof']) console.log(`CPU profile of the server in ${profDir}`);
  const lost = missing(appDb, 'responses', real.acknowledged);
  const talliesOk = talliesMatch(appDb);
  console.log(`  ${real.acknowledged.length} acknowledged, ${lost} of them missing from the database; tallies ${talliesOk ? 'equal' : 'DIFFER FROM'} a recount`);
  if (lost || !talliesOk || real.statuses.has(429)) failed = true;
  if (!opt['skip-bare']) {
    const bare = await start(['--import', 'tsx', 'bench/bareServer.ts'], { BARE_DB: bareDb });
    const base = await load(bare.port, bare.child.pid!, tokens, answers);
    await bare.stop();
    const bareRate = report('bare Hono + better-sqlite3 insert', base);
    const bareLost = missing(bareDb, 'responses', base.acknowledged);
    if (bareLost) failed = true;
    console.log(`  ${base.acknowledged.length} acknowledged, ${bareLost} of them missing from the database`);
    console.log(`\nratio: ${(realRate / bareRate).toFixed(2)}× the bare endpoint's responses/s; server CPU per response ${(real.cpuMs / base.cpuMs).toFixed(1)}× the bare endpoint's`);
    if (!opt['skip-in-process']) {
      await prepare(inProcessDb);
      const own = await inProcess(inProcessDb, tokens, answers);
      // As if the server's HTTP path cost no more than the whole bare endpoint (its one insert included).
      const ceiling = 1000 / (own.cpuMs + base.cpuMs);
      console.log(`\nsubmitResponse in one process, no HTTP: ${own.perSecond.toFixed(0)} responses/s, CPU ${own.cpuMs.toFixed(2)} ms/response`);
      console.log(`ceiling on one request thread, with an HTTP path as cheap as the whole bare endpoint in front: ${ceiling.toFixed(0)} responses/s = ${(ceiling / bareRate).toFixed(2)}× the bare endpoint`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join('dist-server', `bench-${process.pid}`), { recursive: true, force: true });
}
if (failed) {
  console.error('FAILED: an acknowledged response is missing, the tallies differ from a recount, or the rate limit answered 429');
  process.exit(1);
}
