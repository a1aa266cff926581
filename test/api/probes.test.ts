// Liveness and readiness as a load balancer sees them: ready only while the database answers and is migrated and
// the server is not stopping; liveness independent of the database.
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createApp } from '../../server/app';
import { expectError, clientFor } from '../support/api';
import { openTestDb } from '../support/testDb';

async function probedApp() {
  const db = await openTestDb();
  const lifecycle = { stopping: false };
  return { db, lifecycle, ...clientFor(createApp({ db, lifecycle })) };
}

/** Forgets the newest migration, as a database restored from an older backup (or not yet migrated) would be. */
async function forgetNewestMigration(db: Db) {
  if (db.engine === 'sqlite') db.sqlite!.connection.exec('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
  else await (db as unknown as NodePgDatabase<never>).execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
}

describe('probes', () => {
  it('ready when the database answers, 503 shutting_down once the server stops, without login', async () => {
    const t = await probedApp();
    const ready = await t.get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ready: true });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    t.lifecycle.stopping = true;
    const stopping = await t.get('/api/ready');
    expectError(stopping, 503, 'shutting_down');
    expect(stopping.headers.get('retry-after')).toBe('5');
    // Still alive: in-flight work finishes, the balancer just stops sending more.
    expect((await t.get('/api/health')).status).toBe(200);
    await t.db.close();
  });

  it('503 migrations_pending on a database behind this code', async () => {
    const t = await probedApp();
    await forgetNewestMigration(t.db);
    expectError(await t.get('/api/ready'), 503, 'migrations_pending');
    await t.db.close();
  });

  it('503 database_unavailable (not 500) when the database is gone, while liveness still answers', async () => {
    const t = await probedApp();
    await t.db.close();
    const res = await t.get('/api/ready');
    expectError(res, 503, 'database_unavailable');
    // Nothing about the failure beyond the code.
    expect(JSON.stringify(res.body)).not.toMatch(/sqlite|pool|connection|stack/i);
    const health = await t.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });
  });
});
