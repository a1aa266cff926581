// Migration 0003_tallies backfills the tallies from the responses already stored, so an existing database keeps
// its report. SQLite here (a file migrated to 0002, given answers, then opened by the current code); the same
// migration on PostgreSQL was checked by hand on a database with the demo data.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { testEngine } from '../support/testDb';

const migrations = join(import.meta.dirname, '../../db/migrations/sqlite');

describe.skipIf(testEngine !== 'sqlite')('migration 0003_tallies', () => {
  it('fills answer_tallies and respondent_tallies from the stored responses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gs-mig-'));
    try {
      // The migrations up to 0002 only.
      const old = join(dir, 'migrations');
      cpSync(migrations, old, { recursive: true });
      const journal = JSON.parse(readFileSync(join(old, 'meta/_journal.json'), 'utf8'));
      journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0003');
      writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify(journal));
      const file = join(dir, 'old.db');
      const conn = new Database(file);
      migrate(drizzle(conn), { migrationsFolder: old });
      // Answers as the old code stored them, in two waves and two units.
      conn.exec(`insert into projects (id, name) values (1, 'P');
        insert into units (id, name) values (1, 'A'), (2, 'B');
        insert into survey_versions (id, project_id, number, phase, survey_json, item_map) values (1, 1, 1, 'baseline', '{}', '{"items":[]}');
        insert into waves (id, project_id, name, phase) values (1, 1, 'W1', 'baseline'), (2, 1, 'W2', 'followup');`);
      const r = conn.prepare(`insert into responses (id, wave_id, unit_id, survey_version_id, submission_id, submitted_on, locale, complete, released_in, answers) values (?, ?, ?, 1, ?, '2026-05-01', 'da', ?, ?, '{}')`);
      const v = conn.prepare(`insert into response_values (response_id, item_key, value_num, value_text) values (?, ?, ?, ?)`);
      let id = 1000;
      for (const [wave, unit, complete, released, values] of [
        [1, 1, 1, null, [4, 5]],
        [1, 1, 1, null, [4, 0]],
        [1, 2, 0, null, [2]],
        [2, 1, 1, 1, [5, 5]],
        [2, 1, 1, null, [5, 1]],
        [2, 1, 0, 1, [3]],
      ] as const) {
        r.run(++id, wave, unit, `s${id}`, complete, released);
        values.forEach((x, i) => v.run(id, `b1.item${i}`, x, null));
        v.run(id, 'free_text', null, 'tekst');
      }
      conn.close();

      const db = await openDb(file);
      const c = db.sqlite!.connection;
      expect(c.prepare(`select wave_id, unit_id, item_key, value_num, released, n from answer_tallies order by 1, 2, 3, 4, 5`).raw().all()).toEqual([
        [1, 1, 'b1.item0', 4, 0, 2],
        [1, 1, 'b1.item1', 0, 0, 1],
        [1, 1, 'b1.item1', 5, 0, 1],
        [1, 2, 'b1.item0', 2, 0, 1],
        [2, 1, 'b1.item0', 3, 1, 1],
        [2, 1, 'b1.item0', 5, 0, 1],
        [2, 1, 'b1.item0', 5, 1, 1],
        [2, 1, 'b1.item1', 1, 0, 1],
        [2, 1, 'b1.item1', 5, 1, 1],
      ]);
      expect(c.prepare(`select wave_id, unit_id, complete, released, n from respondent_tallies order by 1, 2, 3, 4`).raw().all()).toEqual([
        [1, 1, 1, 0, 2],
        [1, 2, 0, 0, 1],
        [2, 1, 0, 1, 1],
        [2, 1, 1, 0, 1],
        [2, 1, 1, 1, 1],
      ]);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
