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
import { is, Param, Placeholder, QueryPromise, sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SAFETY_NET_PAGES, startCheckpointer } from './checkpointer';
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
  readonly sqlite?: { connection: Database.Database; lock: GroupCommit };
}
/** Kept for readability where a function may run inside a caller's transaction. */
export type DbLike = Db;

const require = createRequire(import.meta.url);
const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * Open and migrate. `location` is a SQLite file path, ':memory:' (tests) or a postgres:// URL.
 * `poolSize` bounds the PostgreSQL connections of this instance.
 */
export async function openDb(location: string, options: { poolSize?: number; busyWaitMs?: number } = {}): Promise<Db> {
  return isPostgresUrl(location) ? openPostgres(location, options.poolSize ?? 10) : openSqlite(location, options.busyWaitMs ?? BUSY_WAIT_MS);
}

/** How long in all a request waits (asynchronously, retrying) for another process's lock before it answers
 *  503 database_busy; on PostgreSQL the lock_timeout. */
export const BUSY_WAIT_MS = 2000;

function openSqlite(path: string, busyWaitMs: number): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new Database(path);
  // No busy_timeout: SQLite's wait for a lock held by another process (a backup, a migration, a second
  // instance, the sqlite3 shell) is a synchronous sleep that stops the whole event loop. A busy statement
  // fails at once instead and is retried after a timer (retryWhileBusy), so other requests go on meanwhile.
  connection.pragma('busy_timeout = 0');
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`synchronous = ${SQLITE_SYNCHRONOUS}`);
  connection.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  cacheStatements(connection);
  busyWaits.set(connection, busyWaitMs);
  const orm = drizzleSqlite(connection, { schema });
  migrateSqlite(orm, { migrationsFolder: join(migrationsRoot, 'sqlite') });
  const checkpointer = path === ':memory:' ? null : startCheckpointer(path, require.resolve('better-sqlite3'));
  if (checkpointer) connection.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  return Object.assign(orm, {
    engine: 'sqlite' as const,
    sqlite: { connection, lock: new GroupCommit(connection, busyWaitMs) },
    close: async () => {
      await checkpointer?.stop();
      connection.close();
    },
  }) as unknown as Db;
}

/**
 * FULL: in WAL mode every COMMIT waits for the WAL to reach the disk (fsync), so an acknowledged answer
 * survives a power cut, not only a killed process (NORMAL syncs only at checkpoints: the last commits before a
 * power cut can be lost, though the file stays consistent). Group commit (below) shares one fsync among every
 * transaction of a group, which keeps the cost small under load (bench/README.md, "synchronous").
 */
const SQLITE_SYNCHRONOUS = 'FULL';

/**
 * The page cache of the one connection, in KiB (SQLite's default is 2 MB). A group commit of submissions dirties
 * a few hundred pages, enough to push the links', waves' and indexes' pages out of 2 MB every commit. Not measured
 * apart from the other changes of bench/README.md ("Fewer pages per commit"); the cache grows to this at most.
 */
const SQLITE_CACHE_KIB = 64 * 1024;

// ---------- a busy database ----------

/** Answered as 503 with Retry-After (server/app.ts): the database was locked by someone else for too long,
 *  nothing was stored, and the same request can simply be sent again. */
export class DatabaseBusyError extends Error {
  readonly code = 'database_busy';
  constructor(options?: { cause?: unknown }) {
    super('The database is busy', options);
    this.name = 'DatabaseBusyError';
  }
}

/** Error codes that mean "locked or conflicting right now, try again": SQLite's BUSY (and its extended codes);
 *  PostgreSQL's lock_not_available (lock_timeout), query_canceled (statement_timeout), serialization_failure
 *  and deadlock_detected — the database rolled the transaction back, so a retry is right. */
const isSqliteBusyCode = (code: unknown) => typeof code === 'string' && code.startsWith('SQLITE_BUSY');
const PG_RETRYABLE = new Set(['55P03', '57014', '40001', '40P01']);

/** True when `e` (or what drizzle wrapped) says the database was busy and the request can be retried. */
export function isDatabaseBusy(e: unknown): boolean {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err instanceof DatabaseBusyError || isSqliteBusyCode(err.code) || (typeof err.code === 'string' && PG_RETRYABLE.has(err.code))) return true;
  }
  return false;
}

const isSqliteBusy = (e: unknown) => {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) if (isSqliteBusyCode(err.code)) return true;
  return false;
};

/** Per SQLite connection: how long a statement may keep retrying (openDb's busyWaitMs). */
const busyWaits = new WeakMap<Database.Database, number>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not fail with SQLITE_BUSY, waiting 2, 4, 8 … 100 ms (jittered) between tries on a
 *  timer, never blocking; after `waitMs` in all it throws DatabaseBusyError. A busy statement changed nothing. */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, waitMs: number): Promise<T> {
  const started = Date.now();
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isSqliteBusy(e)) throw e;
      const left = waitMs - (Date.now() - started);
      if (left <= 0) throw new DatabaseBusyError({ cause: e });
      await sleep(Math.min(left, Math.min(100, 2 ** (i + 1)) * (0.5 + Math.random() / 2)));
    }
  }
}

// Every awaited drizzle query on a SQLite connection of ours retries while busy: a statement outside
// transaction() (a login writing its session, say) autocommits and needs the write lock itself. Transactions
// wait for the lock once, in GroupCommit, and then hold it.
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
const executeOnce = QueryPromise.prototype.then;
QueryPromise.prototype.then = function (this: QueryPromise<unknown> & { session?: { client?: unknown } }, onFulfilled, onRejected) {
  const client = this.session?.client;
  const waitMs = client instanceof Database ? busyWaits.get(client) : undefined;
  if (waitMs === undefined) return executeOnce.call(this, onFulfilled, onRejected) as never;
  return retryWhileBusy(() => this.execute(), waitMs).then(onFulfilled, onRejected);
} as typeof QueryPromise.prototype.then;

/** How many compiled statements a SQLite connection keeps: every query shape the app runs, with room to spare. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query it runs, and better-sqlite3 compiles each prepare() anew: on the submission path
 * that compiling was the largest single cost (bench/ingest.bench.ts). The same SQL text now reuses its compiled
 * statement. drizzle runs a one-time query right after preparing it, synchronously, and switches the raw (array
 * rows) mode per call, so the mode is reset here and no other query can touch the statement in between.
 */
function cacheStatements(connection: Database.Database) {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Database.Statement>();
  connection.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof connection.prepare;
}

async function openPostgres(url: string, max: number): Promise<Db> {
  // A request waiting on another transaction's lock gives up after PG_LOCK_TIMEOUT_MS and one running away after
  // PG_STATEMENT_TIMEOUT_MS: both answer 503 database_busy (isDatabaseBusy), as serialization failures and
  // deadlocks do, instead of holding a pooled connection (and the request) indefinitely.
  const pool = new pg.Pool({ connectionString: url, max, lock_timeout: PG_LOCK_TIMEOUT_MS, statement_timeout: PG_STATEMENT_TIMEOUT_MS });
  // An idle connection dropped by the server (failover, restart) must not crash the process; the pool reconnects.
  pool.on('error', (err) => console.error('PostgreSQL pool error', err.message));
  // Instances starting together must not migrate at the same time: one migrates, the others then find it done.
  const client = await pool.connect();
  try {
    // Migrating (and waiting for another instance's migration) may take as long as it takes.
    await client.query('set lock_timeout = 0; set statement_timeout = 0');
    await client.query(`select pg_advisory_lock(hashtext('gevinstspor:migrate'))`);
    await migratePg(drizzlePg(client), { migrationsFolder: join(migrationsRoot, 'postgres') });
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('gevinstspor:migrate'))`).catch(() => undefined);
    await client.query('reset lock_timeout; reset statement_timeout').catch(() => undefined);
    client.release();
  }
  const orm = drizzlePg(pool, { schema: schema as never });
  return asDb(orm, { engine: 'postgres', close: () => pool.end() });
}

/** PostgreSQL: longer than SQLite's wait, since row and advisory locks there are held by requests of this same
 *  service (a release, the last-admin rule), not by a backup in another process. */
const PG_LOCK_TIMEOUT_MS = 5000;
/** The report at a million answers takes well under a second (bench/README.md); far above any real query. */
const PG_STATEMENT_TIMEOUT_MS = 60_000;

const asDb = (orm: NodePgDatabase<never> | object, extra: Partial<Db>) => Object.assign(orm, extra) as unknown as Db;

/**
 * Runs `fn` in one transaction and returns its result; a throw rolls everything back.
 * PostgreSQL: a real transaction on one pooled connection. SQLite: better-sqlite3 refuses async callbacks, so the
 * one connection is serialised by a queue (GroupCommit below). Keep non-database I/O (password hashing, HTTP) out
 * of the callback: on SQLite a statement from another request that runs while the callback waits on such I/O
 * would join this transaction (as one outside transaction() does while a group waits a turn for more members:
 * it commits with the group, and is undone if that COMMIT fails).
 */
export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn(db);
  if (db.engine === 'postgres') {
    const orm = db as unknown as NodePgDatabase<never>;
    return orm.transaction((tx) => fn(asDb(tx, { engine: 'postgres', inTransaction: true, close: db.close })));
  }
  const { lock } = db.sqlite!;
  return lock.run(() => fn(Object.assign(Object.create(db) as Db, { inTransaction: true })));
}

/** Transactions one commit may carry: bounds how long the first of them waits for its answer. */
const GROUP_COMMIT_MAX = 128;

/**
 * SQLite's transactions, one at a time in the order they asked, committed in groups: the transactions queued
 * behind each other share one BEGIN IMMEDIATE … COMMIT, each inside its own SAVEPOINT, so a throw still rolls back
 * exactly its own writes (ROLLBACK TO) and the others commit. No caller hears back before the COMMIT that holds
 * its writes, so an acknowledged write is always stored; if that COMMIT fails, every transaction in the group fails.
 * Under load this is what makes a submission cheap: the commit (the WAL write) was the cost that did not shrink
 * with caching (bench/ingest.bench.ts). Alone, a transaction commits at once, as before.
 */
export class GroupCommit {
  private readonly queue: { fn: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private draining = false;
  /** COMMITs that succeeded: fewer than the transactions when they shared them (test/api/groupCommit.test.ts). */
  commits = 0;
  // Prepared once: exec() would parse the SQL again for each of the four statements every transaction runs.
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;
  constructor(
    private readonly connection: Database.Database,
    private readonly busyWaitMs = BUSY_WAIT_MS,
  ) {
    const p = (text: string) => connection.prepare(text);
    this.sql = { begin: p('BEGIN IMMEDIATE'), commit: p('COMMIT'), rollback: p('ROLLBACK'), savepoint: p('SAVEPOINT group_tx'), release: p('RELEASE group_tx'), rollbackTo: p('ROLLBACK TO group_tx') };
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** One transaction of the group, inside its own savepoint. */
  private async runOne(job: { fn: () => Promise<unknown> }): Promise<{ ok: boolean; value: unknown }> {
    const c = this.connection;
    if (!c.inTransaction) {
      // A failure that ended the whole transaction (SQLite rolls back on a full disk, for one): the rest of the
      // group is refused, as are the ones before, whose writes are gone.
      return { ok: false, value: new Error('The transaction was rolled back by the database') };
    }
    this.sql.savepoint.run();
    try {
      const value = await job.fn();
      this.sql.release.run();
      return { ok: true, value };
    } catch (e) {
      if (c.inTransaction) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
      }
      return { ok: false, value: e };
    }
  }

  private async drain() {
    this.draining = true;
    const c = this.connection;
    try {
      while (this.queue.length) {
        const group: typeof this.queue = [];
        const settled: { ok: boolean; value: unknown }[] = [];
        try {
          // Another process holding the write lock: wait on a timer (the event loop keeps serving), then 503.
          await retryWhileBusy(() => this.sql.begin.run(), this.busyWaitMs);
        } catch (e) {
          for (const job of this.queue.splice(0)) job.reject(e);
          continue;
        }
        for (let waited = false; ; waited = true) {
          while (this.queue.length && group.length < GROUP_COMMIT_MAX) {
            const job = this.queue.shift()!;
            group.push(job);
            settled.push(await this.runOne(job));
          }
          // Once per group, let the requests that arrived meanwhile queue their transactions and join it: a
          // group of one would commit once per transaction again.
          if (waited || group.length >= GROUP_COMMIT_MAX || !c.inTransaction) break;
          await new Promise((resolve) => setImmediate(resolve));
          if (!this.queue.length) break;
        }
        let commitError: unknown = c.inTransaction ? undefined : new Error('The transaction was rolled back by the database');
        if (c.inTransaction) {
          try {
            this.sql.commit.run();
            this.commits++;
          } catch (e) {
            commitError = e;
            if (c.inTransaction) this.sql.rollback.run();
          }
        }
        group.forEach((job, i) => {
          const s = settled[i];
          if (!s.ok) job.reject(s.value);
          else if (commitError) job.reject(commitError);
          else job.resolve(s.value);
        });
      }
    } finally {
      this.draining = false;
    }
  }
}

const preparedQueries = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * SQLite only: the drizzle prepared query `name`, built once per connection by `build` (with sql.placeholder()
 * for what varies) and reused by every call after. On the submission path drizzle building the SQL of each query
 * cost more than SQLite running it (bench/ingest.bench.ts). A transaction's handle shares its connection.
 */
export function preparedQuery<T>(db: Db, name: string, build: (db: Db) => T): T {
  const connection = db.sqlite!.connection;
  let queries = preparedQueries.get(connection);
  if (!queries) preparedQueries.set(connection, (queries = new Map<string, unknown>()));
  let query = queries.get(name) as T | undefined;
  if (query === undefined) queries.set(name, (query = fillFaster(build(db))));
  return query;
}

interface DrizzleSqlitePrepared {
  stmt: Database.Statement;
  query: { params: unknown[] };
  run: (values?: Record<string, unknown>) => unknown;
  values: (values?: Record<string, unknown>) => unknown[][];
}

/**
 * drizzle fills a prepared query's placeholders anew on every call, asking of every parameter what kind it is
 * (`is()`): a tenth of a submission's CPU (bench/ingest.bench.ts). Here that is decided once, at prepare time,
 * for run() and values() (which all() uses when it maps columns); a query of another shape is left as drizzle
 * built it. Values still go through each column's encoder, as drizzle's own filling does.
 */
function fillFaster<T>(prepared: T): T {
  const q = prepared as unknown as DrizzleSqlitePrepared;
  if (!q || typeof q.stmt?.run !== 'function' || !Array.isArray(q.query?.params)) return prepared;
  type Slot = { name: string; encoder?: { mapToDriverValue: (value: unknown) => unknown } } | { value: unknown };
  const slots = q.query.params.map((p): Slot => {
    if (is(p, Placeholder)) return { name: p.name };
    if (is(p, Param) && is(p.value, Placeholder)) return { name: p.value.name, encoder: p.encoder };
    return { value: p };
  });
  const fill = (values: Record<string, unknown> = {}) =>
    slots.map((slot) => {
      if (!('name' in slot)) return slot.value;
      if (!(slot.name in values)) throw new Error(`No value for placeholder "${slot.name}" was provided`);
      return slot.encoder ? slot.encoder.mapToDriverValue(values[slot.name]) : values[slot.name];
    });
  q.run = (values) => q.stmt.run(...fill(values));
  q.values = (values) => q.stmt.raw().all(...fill(values)) as unknown[][];
  return prepared;
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

/**
 * Inside a transaction: waits until no transaction holds `key` by serialize(), while any number may hold it this
 * way at once (PostgreSQL's shared advisory lock). Many writers that must not overlap one rare change (answers and
 * the close of their wave) take it shared; the change takes it with serialize(). SQLite: nothing, as serialize().
 */
export async function serializeShared(tx: Db, key: string): Promise<void> {
  if (!tx.inTransaction) throw new Error('serializeShared() only works inside transaction()');
  if (tx.engine === 'postgres') await (tx as unknown as NodePgDatabase<never>).execute(sql`select pg_advisory_xact_lock_shared(hashtext(${key}))`);
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
