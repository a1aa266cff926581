// Rate-limit counts kept in the database, so a limit counts across every app instance over one database.
// One row per key and fixed window; an upsert counts atomically on both engines.
import { lt, sql } from 'drizzle-orm';
import { preparedQuery, transaction, type Db } from '../../db/client';
import { rateLimitHits } from '../../db/schema';

/** Counts hits per key in fixed windows. In-process (single instance) or shared through the database. */
export interface HitCounter {
  /** Counts one hit for key in the current window and returns the count so far. */
  hit(key: string, windowMs: number, now: number): Promise<number>;
}

type Value<T> = T | ReturnType<typeof sql.placeholder>;

/** One more hit in the key's window (an atomic upsert on both engines), answering the count so far. */
const countHit = (db: Db, key: Value<string>, windowStart: Value<number>) =>
  db
    .insert(rateLimitHits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
    .returning({ count: rateLimitHits.count });

/** Windows older than this are deleted now and then; no limit here is longer. */
const KEEP_MS = 24 * 3600_000;

export class DatabaseHitCounter implements HitCounter {
  private hitsSincePrune = 0;
  constructor(private readonly db: Db) {}

  async hit(key: string, windowMs: number, now: number): Promise<number> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    // SQLite: the statement is built once (it runs on every submission) and joins the next group commit
    // (db/client.ts) instead of committing on its own; PostgreSQL builds it per call and commits it alone.
    const [row] = await (this.db.engine === 'sqlite'
      ? transaction(this.db, async (tx) => preparedQuery(tx, 'hitCounter.hit', (db) => countHit(db, sql.placeholder('key'), sql.placeholder('windowStart')).prepare()).all({ key, windowStart }))
      : countHit(this.db, key, windowStart));
    if (++this.hitsSincePrune >= 500) {
      this.hitsSincePrune = 0;
      await this.db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, now - KEEP_MS));
    }
    return Number(row.count);
  }
}
