// The baseline for bench/ingest.bench.ts: a bare Hono + better-sqlite3 endpoint that parses the JSON body and
// inserts one row per request, on a WAL file database like ours. Started as a child process by the bench.
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const path = process.env.BARE_DB!;
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.exec('create table if not exists responses (id integer primary key, submission_id text not null unique, answers text not null)');
const insert = db.prepare('insert into responses (submission_id, answers) values (?, ?)');

const app = new Hono()
  .get('/api/health', (c) => c.json({ ok: true }))
  .post('/api/s/:token/responses', async (c) => {
    const body = await c.req.json<{ submissionId: string; answers: unknown }>();
    insert.run(body.submissionId, JSON.stringify(body.answers));
    return c.json({ submissionId: body.submissionId, duplicate: false }, 201);
  });

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('bare endpoint up'));
process.once('SIGTERM', () => server.close(() => (db.close(), process.exit(0))));
