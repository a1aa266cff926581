// Migrations that move stored answers: an existing database keeps its report. SQLite here (a file migrated to an
// earlier migration, given answers as the code of then stored them, then opened by the current code); on
// PostgreSQL 0003 was checked by hand on a database with the demo data, and 0008 only drops an index there.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { withOldDatabase } from '../support/oldDatabase';
import { testEngine } from '../support/testDb';

describe.skipIf(testEngine !== 'sqlite')('migration 0003_tallies', () => {
  it('fills answer_tallies and respondent_tallies from the stored responses', async () => {
    // The migrations up to 0002 only, then answers as the old code stored them, in two waves and two units.
    await withOldDatabase('0003', (conn) => {
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
    }, async (file) => {
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
    });
  });
});

describe.skipIf(testEngine !== 'sqlite')('migration 0008_response_values_by_response', () => {
  it('keeps every stored value in a table without rowid or item index, and a response still deletes its values', async () => {
    const rows = [
      [11, 'b1.freq', 4, null],
      [11, 'b1.use', 0, null],
      [11, 'free_text', null, 'Godt'],
      [7, 'b1.freq', 2, null],
    ] as const;
    await withOldDatabase('0008', (conn) => {
      conn.exec(`insert into projects (id, name) values (1, 'P');
        insert into units (id, name) values (1, 'A');
        insert into survey_versions (id, project_id, number, phase, survey_json, item_map) values (1, 1, 1, 'baseline', '{}', '{"items":[]}');
        insert into waves (id, project_id, name, phase) values (1, 1, 'W1', 'baseline');
        insert into responses (id, wave_id, unit_id, survey_version_id, submission_id, submitted_on, answers) values
          (11, 1, 1, 1, 's11', '2026-05-01', '{}'), (7, 1, 1, 1, 's7', '2026-05-01', '{}');`);
      const v = conn.prepare(`insert into response_values (response_id, item_key, value_num, value_text) values (?, ?, ?, ?)`);
      for (const r of rows) v.run(...r);
    }, async (file) => {
      const db = await openDb(file);
      const c = db.sqlite!.connection;
      expect(c.prepare(`select response_id, item_key, value_num, value_text from response_values order by 1 desc, 2`).raw().all()).toEqual(rows.map((r) => [...r]));
      expect((c.prepare(`select sql from sqlite_master where name = 'response_values'`).get() as { sql: string }).sql).toMatch(/WITHOUT ROWID/i);
      expect(c.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'response_values' and sql is not null`).all()).toEqual([]);
      c.prepare(`delete from responses where id = 11`).run();
      expect(c.prepare(`select response_id from response_values`).raw().all()).toEqual([[7]]);
      await db.close();
    });
  });
});

describe.skipIf(testEngine !== 'sqlite')('migration 0009_tallies_and_votes_without_rowid', () => {
  it('keeps every tally and vote, in tables that no longer number their rows in the order they were created', async () => {
    await withOldDatabase('0009', (conn) => {
      conn.exec(`insert into projects (id, name) values (1, 'P');
        insert into units (id, name) values (1, 'A'), (2, 'B');
        insert into waves (id, project_id, name, phase) values (1, 1, 'W1', 'baseline');
        insert into answer_tallies (wave_id, unit_id, item_key, value_num, released, n) values (1, 2, 'b1.freq', 4, 0, 3), (1, 1, 'b1.freq', 2, 1, 5), (1, 1, 'b1.use', 0, 0, 1);
        insert into respondent_tallies (wave_id, unit_id, complete, released, n) values (1, 2, 1, 0, 3), (1, 1, 0, 1, 5);`);
      // Their rowids count 1, 2, 3 … in the order above: what the migration must not keep.
      expect(conn.prepare('select rowid from answer_tallies order by rowid').raw().all()).toEqual([[1], [2], [3]]);
    }, async (file) => {
      const db = await openDb(file);
      const c = db.sqlite!.connection;
      expect(c.prepare('select wave_id, unit_id, item_key, value_num, released, n from answer_tallies').raw().all()).toEqual([
        [1, 1, 'b1.freq', 2, 1, 5],
        [1, 1, 'b1.use', 0, 0, 1],
        [1, 2, 'b1.freq', 4, 0, 3],
      ]);
      expect(c.prepare('select wave_id, unit_id, complete, released, n from respondent_tallies').raw().all()).toEqual([
        [1, 1, 0, 1, 5],
        [1, 2, 1, 0, 3],
      ]);
      for (const table of ['answer_tallies', 'respondent_tallies', 'workshop_votes']) {
        expect((c.prepare('select sql from sqlite_master where name = ?').get(table) as { sql: string }).sql, table).toMatch(/WITHOUT ROWID/i);
        expect(() => c.prepare(`select rowid from ${table}`).all(), table).toThrow(/no such column: rowid/);
      }
      // The upsert a submission runs still adds to an existing row.
      c.prepare(`insert into answer_tallies (wave_id, unit_id, item_key, value_num, released, n) values (1, 2, 'b1.freq', 4, 0, 1) on conflict (wave_id, unit_id, item_key, value_num, released) do update set n = n + excluded.n`).run();
      expect(c.prepare(`select n from answer_tallies where unit_id = 2`).raw().all()).toEqual([[4]]);
      await db.close();
    });
  });
});
