// SQLite checkpoints run in a worker thread (db/checkpointer.ts): committed pages reach the database file without
// the request thread checkpointing, and closing stops the worker.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { testEngine } from '../support/testDb';

describe.skipIf(testEngine !== 'sqlite')('the checkpoint worker', () => {
  it('copies committed pages into the database file on its own, well below the request thread\'s own mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gs-ckpt-'));
    try {
      const file = join(dir, 'app.db');
      const db = await openDb(file);
      const c = db.sqlite!.connection;
      c.exec('create table blob_rows (v text)');
      const before = statSync(file).size;
      // About 1 MB (~250 pages): far under the 4,000-page automatic checkpoint, so only the worker moves it.
      const insert = c.prepare('insert into blob_rows values (?)');
      c.transaction(() => {
        for (let i = 0; i < 250; i++) insert.run('x'.repeat(4000));
      })();
      expect(statSync(file).size).toBe(before);
      const deadline = Date.now() + 5000;
      while (statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(statSync(file).size).toBeGreaterThan(before + 900_000);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
