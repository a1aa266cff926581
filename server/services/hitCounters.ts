// Rate-limit counts kept in the database, so a limit counts across every app instance over one database.
// One row per key and fixed window; an upsert counts atomically on both engines. Keys are fixed-length hashes
// (server/http/rateLimit.ts), and the table is kept small: expired windows are pruned and the number of rows capped.
import { asc, count, eq, and, lt, sql } from 'drizzle-orm';
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
    .where(and(eq(rateLimitHits.key, key), eq(rateLimitHits.windowStart, windowStart)))
    .limit(1);

export class DatabaseHitCounter implements HitCounter {
  private hitsSincePrune = 0;
  constructor(
    private readonly db: Db,
    private readonly maxRows = MAX_ROWS,
  ) {}

  async hit(key: string, windowMs: number, now: number, amount = 1): Promise<number> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    if (amount === 0) {
      const [row] = await (this.db.engine === 'sqlite'
        ? preparedQuery(this.db, 'hitCounter.read', (db) => readHits(db, sql.placeholder('key'), sql.placeholder('windowStart')).prepare()).all({ key, windowStart })
        : readHits(this.db, key, windowStart));
      return Number(row?.count ?? 0);
    }
    // SQLite: the statement is built once (it runs on every submission) and joins the next group commit
    // (db/client.ts) instead of committing on its own; PostgreSQL builds it per call and commits it alone.
    const [row] = await (this.db.engine === 'sqlite'
      ? transaction(this.db, async (tx) =>
          preparedQuery(tx, 'hitCounter.hit', (db) => countHit(db, sql.placeholder('key'), sql.placeholder('windowStart'), sql.placeholder('amount')).prepare()).all({ key, windowStart, amount }),
        )
      : countHit(this.db, key, windowStart, amount));
    if (++this.hitsSincePrune >= PRUNE_EVERY) {
      this.hitsSincePrune = 0;
      await this.prune(now);
    }
    return Number(row.count);
  }

  /** Deletes windows that have ended, then the oldest rows beyond the cap. */
  async prune(now: number) {
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
