// Power-cut behaviour of the real server on a SQLite file: killed with SIGKILL mid-load and started again, every
// answer it acknowledged (201) is there and nothing is half-written; stopped with SIGTERM, the answers in flight
// still get their 201, are stored, and the process exits 0.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seedOpenWave, startServer, submit, submitUnderLoad } from '../support/serverProcess';

const dir = mkdtempSync(join(tmpdir(), 'gs-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a crash could have broken, read straight from the file. */
function checkFile(path: string, acknowledged: string[], valuesPerResponse: number) {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.exec('create temp table acked (submission_id text primary key)');
    const add = db.prepare('insert into acked values (?)');
    db.transaction(() => acknowledged.forEach((id) => add.run(id)))();
    const missing = db.prepare('select count(*) as n from acked a where not exists (select 1 from responses r where r.submission_id = a.submission_id)').get() as { n: number };
    expect(missing.n).toBe(0);
    // Each stored response, acknowledged or not, has all its answer rows.
    const partial = db.prepare('select count(*) as n from responses r where (select count(*) from response_values v where v.response_id = r.id) <> ?').get(valuesPerResponse) as { n: number };
    expect(partial.n).toBe(0);
    // The tallies kept with each commit equal a recount of the raw rows, group by group.
    const tallies = db.prepare('select wave_id, unit_id, item_key, value_num, released, n from answer_tallies order by 1, 2, 3, 4, 5').all();
    const recount = db
      .prepare(
        `select r.wave_id, r.unit_id, v.item_key, v.value_num, (r.released_in is not null) as released, count(*) as n
         from response_values v join responses r on r.id = v.response_id where v.value_num is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
      )
      .all();
    expect(tallies).toEqual(recount);
    const respondents = db.prepare('select wave_id, unit_id, complete, released, n from respondent_tallies order by 1, 2, 3, 4').all();
    const recountRespondents = db.prepare('select wave_id, unit_id, complete, (released_in is not null) as released, count(*) as n from responses group by 1, 2, 3, 4 order by 1, 2, 3, 4').all();
    expect(respondents).toEqual(recountRespondents);
    return (db.prepare('select count(*) as n from responses').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('crash safety of the real server', () => {
  it('SIGKILL under load: after a restart every acknowledged answer is stored, complete, and counted once', async () => {
    const path = join(dir, 'kill.db');
    const { tokens, answers, valuesPerResponse } = await seedOpenWave(path);
    const server = await startServer(path);
    const load = submitUnderLoad(server.baseUrl, tokens, answers);
    while (load.acknowledged.length < 150) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    await load.done;
    expect(await server.exited).toBeNull();
    expect(load.others).toEqual([]);
    const acknowledged = [...load.acknowledged];

    const again = await startServer(path);
    // A staff member retrying an acknowledged answer is told it is already stored, not counted twice.
    const retry = await submit(again.baseUrl, tokens[0], acknowledged[0], answers);
    expect(retry.status).toBe(200);
    expect((await retry.json()).duplicate).toBe(true);
    const stored = checkFile(path, acknowledged, valuesPerResponse);
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('SIGTERM with answers in flight: each gets its 201, is stored, and the process exits 0', async () => {
    const path = join(dir, 'term.db');
    const { tokens, answers, valuesPerResponse } = await seedOpenWave(path);
    const server = await startServer(path);
    let signalled = false;
    let answeredAfterSignal = 0;
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    const burst = Array.from({ length: 60 }, async (_, i) => {
      const id = randomUUID();
      try {
        const res = await submit(server.baseUrl, tokens[i % tokens.length], id, answers);
        await res.arrayBuffer();
        statuses.push(res.status);
        if (res.status === 201) acknowledged.push(id);
        if (signalled) answeredAfterSignal++;
      } catch {
        /* refused before the server took it: never acknowledged */
      }
    });
    // Stop as soon as the first answer is back: the rest of the burst is inside the server.
    while (!statuses.length) await new Promise((r) => setImmediate(r));
    server.child.kill('SIGTERM');
    signalled = true;
    await Promise.all(burst);
    expect(await server.exited).toBe(0);
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(answeredAfterSignal).toBeGreaterThan(0);
    checkFile(path, acknowledged, valuesPerResponse);
    expect(server.output()).not.toMatch(/unhandled_error|shutdown_timeout/);
  });
});
