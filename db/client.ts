// Opens the database — embedded SQLite (default) or PostgreSQL — migrates it, and gives the services one async,
// engine-neutral handle. Services query through the SQLite table objects of ./schema.ts on both engines: drizzle's
// PostgreSQL dialect builds its SQL from the same tables, and ./schema.pg.ts (the DDL for PostgreSQL) stores every
// column so that values map identically. Services always `await` a query builder; `.get()`, `.all()` and `.run()`
// exist only on SQLite and are left out of the type.
import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

export type Engine = 'sqlite' | 'postgres';

type Orm = Omit<BaseSQLiteDatabase<'async', unknown, typeof schema>, 'transaction' | 'batch' | 'run' | 'all' | 'get' | 'values'>;

/** The handle every service takes: drizzle's query builders (always awaited) plus what the engine is. */
export interface Db extends Orm {
  readonly engine: Engine;
  /** Set on the handle a transaction callback receives; nested transactions then run inside it. */
  readonly inTransaction?: boolean;
  /** Closes the connection (pool); the handle is unusable afterwards. */
  readonly close: () => Promise<void>;
  /** SQLite only: the single connection and the lock that serialises its transactions. */
  readonly sqlite?: { connection: Database.Database; lock: Lock };
}
/** Kept for readability where a function may run inside a caller's transaction. */
export type DbLike = Db;

const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * Open and migrate. `location` is a SQLite file path, ':memory:' (tests) or a postgres:// URL.
 * `poolSize` bounds the PostgreSQL connections of this instance.
 */
export async function openDb(location: string, options: { poolSize?: number } = {}): Promise<Db> {
  return isPostgresUrl(location) ? openPostgres(location, options.poolSize ?? 10) : openSqlite(location);
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new Database(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const orm = drizzleSqlite(connection, { schema });
  migrateSqlite(orm, { migrationsFolder: join(migrationsRoot, 'sqlite') });
  return Object.assign(orm, {
    engine: 'sqlite' as const,
    sqlite: { connection, lock: new Lock() },
    close: async () => void connection.close(),
  }) as unknown as Db;
}

async function openPostgres(url: string, max: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (failover, restart) must not crash the process; the pool reconnects.
  pool.on('error', (err) => console.error('PostgreSQL pool error', err.message));
  // Instances starting together must not migrate at the same time: one migrates, the others then find it done.
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('gevinstspor:migrate'))`);
    await migratePg(drizzlePg(client), { migrationsFolder: join(migrationsRoot, 'postgres') });
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('gevinstspor:migrate'))`).catch(() => undefined);
    client.release();
  }
  const orm = drizzlePg(pool, { schema: schema as never });
  return asDb(orm, { engine: 'postgres', close: () => pool.end() });
}

const asDb = (orm: NodePgDatabase<never> | object, extra: Partial<Db>) => Object.assign(orm, extra) as unknown as Db;

/**
 * Runs `fn` in one transaction and returns its result; a throw rolls everything back.
 * PostgreSQL: a real transaction on one pooled connection. SQLite: better-sqlite3 refuses async callbacks, so the
 * one connection is serialised by a lock and wrapped in BEGIN IMMEDIATE … COMMIT. Keep non-database I/O (password
 * hashing, HTTP) out of the callback: on SQLite a statement from another request that runs while the callback
 * waits on such I/O would join this transaction.
 */
export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn(db);
  if (db.engine === 'postgres') {
    const orm = db as unknown as NodePgDatabase<never>;
    return orm.transaction((tx) => fn(asDb(tx, { engine: 'postgres', inTransaction: true, close: db.close })));
  }
  const { connection, lock } = db.sqlite!;
  return lock.run(async () => {
    connection.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(Object.assign(Object.create(db) as Db, { inTransaction: true }));
      connection.exec('COMMIT');
      return result;
    } catch (e) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      throw e;
    }
  });
}

/**
 * Inside a transaction: waits until no other transaction holds `key`, so a rule that reads and then writes
 * (the last admin, the next version number) cannot be broken by two requests at once. PostgreSQL takes a
 * transaction-scoped advisory lock; SQLite needs nothing, BEGIN IMMEDIATE already admits one writer at a time.
 */
export async function serialize(tx: Db, key: string): Promise<void> {
  if (!tx.inTransaction) throw new Error('serialize() only works inside transaction()');
  if (tx.engine === 'postgres') await (tx as unknown as NodePgDatabase<never>).execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** A FIFO mutex: one holder at a time, in the order they asked. */
export class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** True when `e` (or what drizzle wrapped) broke a unique or primary-key constraint, on either engine. */
export function isUniqueViolation(e: unknown, constraintHint?: string): boolean {
  for (let err = e as { code?: string; message?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    const unique = err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    if (unique) return !constraintHint || `${err.constraint ?? ''} ${err.message ?? ''}`.includes(constraintHint);
  }
  return false;
}

export { schema };
