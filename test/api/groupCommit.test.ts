// SQLite transactions are committed in groups (db/client.ts GroupCommit): a throw still undoes exactly its own
// writes, and no caller hears back before its writes are committed.
import { describe, expect, it } from 'vitest';
import { openDb, transaction } from '../../db/client';

describe('group commit on SQLite', () => {
  it('rolls back only the transaction that threw, and commits the others of its group', async () => {
    const db = await openDb(':memory:');
    const c = db.sqlite!.connection;
    c.exec('create table t (v integer primary key)');
    const insert = (v: number, fail = false) =>
      transaction(db, async () => {
        c.prepare('insert into t values (?)').run(v);
        await Promise.resolve();
        if (fail) throw new Error(`fail ${v}`);
        return v;
      });
    const results = await Promise.allSettled([insert(1), insert(2, true), insert(3), insert(3), insert(4)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    // Resolved only after COMMIT: nothing is left open, and exactly the kept writes are there.
    expect(c.inTransaction).toBe(false);
    expect(c.prepare('select v from t order by v').pluck().all()).toEqual([1, 3, 4]);
    await db.close();
  });

  it('lets transactions that arrive while one runs join its commit', async () => {
    const db = await openDb(':memory:');
    const c = db.sqlite!.connection;
    c.exec('create table t (v integer)');
    const before = db.sqlite!.lock.commits;
    await Promise.all(Array.from({ length: 20 }, (_, i) => transaction(db, async () => void c.prepare('insert into t values (?)').run(i))));
    const commits = db.sqlite!.lock.commits - before;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(20);
    expect(c.prepare('select count(*) from t').pluck().get()).toBe(20);
    await db.close();
  });
});
