// Rate-limit counts kept in the database, so a limit counts across every app instance over one database (and
// survives a restart). One row per key and fixed window; an upsert counts atomically on both engines; on SQLite
// the counts are buffered in memory between writes (BufferedHitCounter). Keys are fixed-length hashes
// (server/http/rateLimit.ts), and the table is kept small: expired windows are pruned and the number of rows capped.
import { asc, count, eq, and, gte, lt, lte, sql } from 'drizzle-orm';
import { preparedQuery, transaction, type Db } from '../../db/client';
import { rateLimitHits } from '../../db/schema';

/** Counts hits per key in fixed windows. In-process (single instance) or shared through the database. */
export interface HitCounter {
  /** Adds `amount` (1 by default; 0 only reads, -1 refunds an earlier hit) to key's current window and answers
   *  the count so far. */
  hit(key: string, windowMs: number, now: number, amount?: number): Promise<number>;
}

/** No limit here has a longer window; rateLimit() refuses a rule with a longer one. */
export const LONGEST_WINDOW_MS = 60 * 60_000;
/** Rows kept at most. Every key is a client's hashed address or something only that client's budget lets it
 *  create, so reaching this needs tens of thousands of addresses within an hour; past it the oldest windows go
 *  first (a few budgets restart early; memory and disk stay bounded). About 100 bytes a row. */
export const MAX_ROWS = 50_000;
/** How often (in hits) expired windows are pruned and the cap enforced. */
const PRUNE_EVERY = 500;
/** …and at least this often (in the app's time) while hits come: a window that has ended is deleted within about a
 *  minute, not whenever 500 more hits have come. A stored window says when a staff link was answered, and from which
 *  (hashed) network: the limit needs it only until the window ends. */
const PRUNE_INTERVAL_MS = 60_000;

/** A key's rule: the part before the first ':' (`submit-link:<hash>`). */
const ruleOf = (key: string) => {
  const at = key.indexOf(':');
  return at > 0 ? key.slice(0, at) : undefined;
};

type Value<T> = T | ReturnType<typeof sql.placeholder>;

/** `amount` more hits in the key's window (an atomic upsert on both engines), answering the count so far. */
const countHit = (db: Db, key: Value<string>, windowStart: Value<number>, amount: Value<number>) =>
  db
    .insert(rateLimitHits)
    .values({ key, windowStart, count: amount })
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + excluded.count` } })
    .returning({ count: rateLimitHits.count });

const readHits = (db: Db, key: Value<string>, windowStart: Value<number>) =>
  db
    .select({ count: rateLimitHits.count })
    .from(rateLimitHits)
    // The primary key: one row at most, so no LIMIT (a bound one slows SQLite's plan: services/responses.ts).
    .where(and(eq(rateLimitHits.key, key), eq(rateLimitHits.windowStart, windowStart)));

/** Adds `amount` to key's window in the database (0 only reads) and answers the stored count. Inside a
 *  transaction when `db` is a transaction's handle; on SQLite alone it joins the next group commit. */
async function countInDatabase(db: Db, key: string, windowStart: number, amount: number): Promise<number> {
  if (amount === 0) {
    const [row] = await (db.engine === 'sqlite'
      ? preparedQuery(db, 'hitCounter.read', (d) => readHits(d, sql.placeholder('key'), sql.placeholder('windowStart')).prepare()).all({ key, windowStart })
      : readHits(db, key, windowStart));
    return Number(row?.count ?? 0);
  }
  // SQLite: the statement is built once (it runs on every submission); PostgreSQL builds it per call.
  const [row] = await (db.engine === 'sqlite'
    ? transaction(db, async (tx) =>
        preparedQuery(tx, 'hitCounter.hit', (d) => countHit(d, sql.placeholder('key'), sql.placeholder('windowStart'), sql.placeholder('amount')).prepare()).all({ key, windowStart, amount }),
      )
    : countHit(db, key, windowStart, amount));
  return Number(row.count);
}

export class DatabaseHitCounter implements HitCounter {
  private hitsSincePrune = 0;
  private lastPrune = -Infinity;
  /** The window of each rule this process has counted for, so its ended windows can go as soon as they end. */
  private readonly windows = new Map<string, number>();
  constructor(
    private readonly db: Db,
    private readonly maxRows = MAX_ROWS,
  ) {}

  async hit(key: string, windowMs: number, now: number, amount = 1): Promise<number> {
    this.noteWindow(key, windowMs);
    const count = await countInDatabase(this.db, key, Math.floor(now / windowMs) * windowMs, amount);
    if (amount !== 0) await this.counted(now);
    return count;
  }

  /** The window length of the key's rule (the rows say only when a window started). */
  noteWindow(key: string, windowMs: number) {
    const rule = ruleOf(key);
    if (rule !== undefined && this.windows.get(rule) !== windowMs && this.windows.size < 100) this.windows.set(rule, Math.max(windowMs, this.windows.get(rule) ?? 0));
  }

  /** Every PRUNE_EVERY hits written, or a minute after the last pruning, the table is pruned. */
  async counted(now: number, hits = 1) {
    this.hitsSincePrune += hits;
    if (this.hitsSincePrune >= PRUNE_EVERY || now - this.lastPrune >= PRUNE_INTERVAL_MS) {
      this.hitsSincePrune = 0;
      this.lastPrune = now;
      await this.prune(now);
    }
  }

  /** Deletes windows that have ended (of the rules known here by their own length, any other after the longest
   *  window), then the oldest rows beyond the cap. */
  async prune(now: number) {
    for (const [rule, windowMs] of this.windows) {
      // The rule's keys as a range of the primary key (`rule:` up to `rule;`, ';' following ':'), not a LIKE.
      await this.db.delete(rateLimitHits).where(and(gte(rateLimitHits.key, `${rule}:`), lt(rateLimitHits.key, `${rule};`), lte(rateLimitHits.windowStart, now - windowMs)));
    }
    await this.db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, now - LONGEST_WINDOW_MS));
    const [{ rows }] = await this.db.select({ rows: count() }).from(rateLimitHits);
    const excess = Number(rows) - this.maxRows;
    if (excess <= 0) return;
    const [cut] = await this.db.select({ windowStart: rateLimitHits.windowStart }).from(rateLimitHits).orderBy(asc(rateLimitHits.windowStart)).limit(1).offset(excess - 1);
    if (cut) await this.db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, cut.windowStart + 1));
  }
}

/** Counts in this process only (tests, benches, a single instance without a shared database). The same cap. */
export class MemoryHitCounter implements HitCounter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();
  constructor(private readonly maxKeys = MAX_ROWS) {}

  get size() {
    return this.counts.size;
  }

  async hit(key: string, windowMs: number, now: number, amount = 1): Promise<number> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const current = this.counts.get(key);
    const count = (current?.windowStart === windowStart ? current.count : 0) + amount;
    if (amount === 0) return count;
    this.counts.delete(key);
    this.counts.set(key, { windowStart, count });
    // Map keeps insertion order and a hit re-inserts its key: the first key is the least recently counted.
    while (this.counts.size > this.maxKeys) this.counts.delete(this.counts.keys().next().value!);
    return count;
  }
}

interface BufferedCount {
  windowStart: number;
  /** This process's count: the stored one when last read or written, plus the hits not yet written. */
  count: number;
  pending: number;
}

/**
 * SQLite: the database's counts (as DatabaseHitCounter keeps them) with this process's hits counted in memory at
 * once and written back as one upsert per key, in a transaction that joins the next group commit (db/client.ts).
 * A submission's counts were six statements of its own; a group of submissions now shares about one per key
 * (bench/ingest.bench.ts). A key is read from the database once per window; another process over the same file
 * shows up here whenever this one writes the key back. A crash loses only the hits not yet written (one group),
 * and a stop writes them (server/lifecycle.ts waits for every queued transaction).
 */
export class BufferedHitCounter implements HitCounter {
  private readonly entries = new Map<string, BufferedCount>();
  private readonly store: DatabaseHitCounter;
  private writeQueued = false;
  /** The latest time a hit was counted at (the app's clock), for pruning. */
  private now = 0;
  constructor(
    private readonly db: Db,
    private readonly maxKeys = MAX_ROWS,
  ) {
    this.store = new DatabaseHitCounter(db, maxKeys);
  }

  get size() {
    return this.entries.size;
  }

  async hit(key: string, windowMs: number, now: number, amount = 1): Promise<number> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    this.now = Math.max(this.now, now);
    this.store.noteWindow(key, windowMs);
    let entry = this.entries.get(key);
    if (entry?.windowStart !== windowStart) {
      const stored = await countInDatabase(this.db, key, windowStart, 0);
      // Another request may have read it meanwhile; the hits of an ended window need not be written.
      entry = this.entries.get(key);
      if (entry?.windowStart !== windowStart) entry = { windowStart, count: stored, pending: 0 };
    }
    // Most recently counted last (Map order), so the first clean key is the one to drop.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (amount !== 0) {
      entry.count += amount;
      entry.pending += amount;
      this.queueWrite();
    }
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxKeys) break;
      if (e.pending === 0) this.entries.delete(k);
    }
    return entry.count;
  }

  /** One transaction writes every key's hits so far; hits counted while it waits for its turn go with it. */
  private queueWrite() {
    if (this.writeQueued) return;
    this.writeQueued = true;
    const written: { entry: BufferedCount; amount: number }[] = [];
    const write = transaction(this.db, async (tx) => {
      this.writeQueued = false;
      for (const [key, entry] of this.entries) {
        if (entry.pending === 0) continue;
        const amount = entry.pending;
        entry.pending = 0;
        written.push({ entry, amount });
        const stored = await countInDatabase(tx, key, entry.windowStart, amount);
        // Other processes' hits included; this process's counted since stay on top.
        entry.count = stored + entry.pending;
      }
    });
    void write.then(
      () => this.store.counted(this.now, written.length).catch(() => undefined),
      () => {
        // Rolled back (a busy or closed database): the hits go with the next write.
        for (const { entry, amount } of written) entry.pending += amount;
      },
    );
  }
}
