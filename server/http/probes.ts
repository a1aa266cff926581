// Liveness (/api/health) and readiness (/api/ready) for a load balancer, Docker's HEALTHCHECK or Kubernetes.
// Mounted ahead of the API's per-request middleware, so neither touches the database on the way in: liveness says
// only that the process answers (restarting it would not fix a database outage); readiness says whether this
// instance should get traffic now. Both are public and say nothing an attacker could use — a reason code at most.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Hono } from 'hono';
import type { Db, Engine } from '../../db/client';
import { access } from './access';
import type { AppEnv } from './env';
import { errorJson } from './errors';
import { errorFields, type Logger } from './logging';
import { summary } from './openapi';

/** Flipped by the server when it starts to stop: readiness answers 503 from then on. */
export interface Lifecycle {
  stopping: boolean;
}

export type NotReady = 'shutting_down' | 'database_unavailable' | 'migrations_pending';

/** How long the database may take to answer the probe's query before the instance counts as not ready. */
const READY_TIMEOUT_MS = 2000;

const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
const newestMigration = new Map<Engine, number>();
/** The `when` of the newest migration this code ships, as drizzle stores it in __drizzle_migrations.created_at. */
function expectedMigration(engine: Engine) {
  let when = newestMigration.get(engine);
  if (when === undefined) {
    const journal = JSON.parse(readFileSync(join(migrationsRoot, engine, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    when = Math.max(...journal.entries.map((e) => e.when));
    newestMigration.set(engine, when);
  }
  return when;
}

async function appliedMigration(db: Db): Promise<number> {
  if (db.engine === 'sqlite') {
    const row = db.sqlite!.connection.prepare('select max(created_at) as m from __drizzle_migrations').get() as { m: number | null };
    return Number(row.m ?? 0);
  }
  const result = await (db as unknown as NodePgDatabase<never>).execute(sql`select max(created_at) as m from drizzle.__drizzle_migrations`);
  return Number((result.rows[0] as { m: string | null } | undefined)?.m ?? 0);
}

/** Null when every database answers within the timeout and holds this code's migrations; else why not. */
export async function notReady(dbs: readonly Db[], lifecycle: Lifecycle, log?: Logger): Promise<NotReady | null> {
  if (lifecycle.stopping) return 'shutting_down';
  for (const db of dbs) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS)));
    try {
      const applied = await Promise.race([appliedMigration(db), timeout]);
      if (applied === 'timeout') return 'database_unavailable';
      if (applied < expectedMigration(db.engine)) return 'migrations_pending';
    } catch (e) {
      log?.warn('not_ready', errorFields(e));
      return 'database_unavailable';
    } finally {
      clearTimeout(timer);
    }
  }
  return lifecycle.stopping ? 'shutting_down' : null;
}

const messages: Record<NotReady, string> = {
  shutting_down: 'This instance is shutting down',
  database_unavailable: 'The database does not answer',
  migrations_pending: 'The database is not at this version',
};

/** GET /health and GET /ready over the given databases (one, or every municipality's on a shared service). */
export function probeRoutes(dbs: readonly Db[], lifecycle: Lifecycle, log?: Logger) {
  return new Hono<AppEnv>()
    .get('/health', access('public'), summary('Liveness check: answers { ok: true } while the process is up (does not ask the database)'), (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ ok: true });
    })
    .get('/ready', access('public'), summary('Readiness check: { ready: true } when the database answers and is migrated; 503 with a reason code otherwise (also while shutting down)'), async (c) => {
      c.header('Cache-Control', 'no-store');
      const reason = await notReady(dbs, lifecycle, log);
      if (!reason) return c.json({ ready: true });
      c.header('Retry-After', '5');
      return errorJson(c, 503, reason, messages[reason]);
    });
}
