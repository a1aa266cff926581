// The secretariat's unit tree through the HTTP API: create, move (no cycles), retire/restore, delete, and the
// HR/org CSV import with its preview, rejections and all-or-nothing commit.
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { units } from '../../db/schema';
import { ADMIN, MANAGER, expectError } from '../support/api';
import { browserTestApp } from './workspaceClient';

type T = Awaited<ReturnType<typeof browserTestApp>>;

const unitCount = async (t: T) => (await t.db.select({ n: count() }).from(units))[0].n;

async function adminApp() {
  const t = await browserTestApp();
  await t.login();
  return t;
}

/** Sends the file itself as the body, the way a file input would, with the admin's session. */
async function postFile(t: T, path: string, body: BodyInit, contentType = 'text/csv; charset=utf-8') {
  const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const res = await t.app.request(path, { method: 'POST', headers: { cookie, 'content-type': contentType }, body });
  return { status: res.status, body: await res.json() };
}

describe('units: tree, edits and moves', () => {
  it('lists units in tree order with depth, path and a nested tree', async () => {
    const t = await adminApp();
    const forv = (await t.post('/api/units', { name: 'Sundhed og Omsorg', kind: 'forvaltning' })).body.unit;
    const center = (await t.post('/api/units', { name: 'Plejecenter Åbo', kind: 'center', parentId: forv.id, headcount: 40, headcountDate: '2026-01-01' })).body.unit;
    await t.post('/api/units', { name: 'Dagvagt', parentId: center.id, headcount: 25 });
    await t.post('/api/units', { name: 'Ældrerådgivning', parentId: forv.id, headcount: 5, externalId: 'HR-9' });
    const res = await t.get('/api/units');
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: any) => [u.name, u.depth])).toEqual([
      ['Sundhed og Omsorg', 0],
      ['Plejecenter Åbo', 1],
      ['Dagvagt', 2],
      ['Ældrerådgivning', 1],
    ]);
    expect(res.body.units[2].path).toEqual(['Sundhed og Omsorg', 'Plejecenter Åbo']);
    expect(res.body.tree).toHaveLength(1);
    expect(res.body.tree[0].children.map((c: any) => c.name)).toEqual(['Plejecenter Åbo', 'Ældrerådgivning']);
    const detail = (await t.get(`/api/units/${center.id}`)).body.unit;
    expect(detail).toMatchObject({ name: 'Plejecenter Åbo', headcount: 40, headcountDate: '2026-01-01', depth: 1 });
    expect(detail.children.map((c: any) => c.name)).toEqual(['Dagvagt']);
  });

  it('rejects bad unit input with the field path and stores nothing', async () => {
    const t = await adminApp();
    const a = (await t.post('/api/units', { name: 'A', externalId: 'X1' })).body.unit;
    const neg = await t.post('/api/units', { name: 'B', headcount: -1 });
    expectError(neg, 400, 'invalid_input');
    expect(neg.body.error.details[0].path).toBe('headcount');
    expectError(await t.post('/api/units', { name: 'B', headcount: 2.5 }), 400, 'invalid_input');
    const empty = await t.post('/api/units', { name: '  ' });
    expectError(empty, 400, 'invalid_input');
    expect(empty.body.error.details[0].path).toBe('name');
    const orphan = await t.post('/api/units', { name: 'B', parentId: 999 });
    expectError(orphan, 400, 'unit_unknown');
    expect(orphan.body.error.details[0].path).toBe('parentId');
    const dup = await t.post('/api/units', { name: 'B', externalId: 'X1' });
    expectError(dup, 409, 'external_id_taken');
    expect(dup.body.error.details[0].path).toBe('externalId');
    expectError(await t.patch(`/api/units/${a.id}`, { headcount: -5 }), 400, 'invalid_input');
    expectError(await t.patch(`/api/units/${a.id}`, { headcountDate: '2026-13-01' }), 400, 'invalid_input');
    expect(await unitCount(t)).toBe(1);
    expect((await t.get(`/api/units/${a.id}`)).body.unit.headcount).toBe(0);
    expectError(await t.get('/api/units/999'), 404, 'not_found');
  });

  it('renames and moves units, and refuses to make a unit its own ancestor', async () => {
    const t = await adminApp();
    const top = (await t.post('/api/units', { name: 'Top' })).body.unit;
    const mid = (await t.post('/api/units', { name: 'Mid', parentId: top.id })).body.unit;
    const leaf = (await t.post('/api/units', { name: 'Leaf', parentId: mid.id })).body.unit;
    const other = (await t.post('/api/units', { name: 'Other' })).body.unit;

    const self = await t.patch(`/api/units/${top.id}`, { parentId: top.id });
    expectError(self, 400, 'unit_cycle');
    expect(self.body.error.details[0].path).toBe('parentId');
    expectError(await t.patch(`/api/units/${top.id}`, { parentId: leaf.id }), 400, 'unit_cycle');
    expectError(await t.patch(`/api/units/${mid.id}`, { name: 'Renamed', parentId: leaf.id }), 400, 'unit_cycle');
    const afterFail = (await t.get(`/api/units/${mid.id}`)).body.unit;
    expect(afterFail).toMatchObject({ name: 'Mid', parentId: top.id });

    const moved = await t.patch(`/api/units/${mid.id}`, { parentId: other.id, name: 'Midt', headcount: 12, kind: 'center' });
    expect(moved.status).toBe(200);
    expect(moved.body.unit).toMatchObject({ name: 'Midt', parentId: other.id, headcount: 12, kind: 'center' });
    // The old ancestor can now go below the moved subtree.
    expect((await t.patch(`/api/units/${top.id}`, { parentId: leaf.id })).status).toBe(200);
    expect((await t.patch(`/api/units/${top.id}`, { parentId: null })).body.unit.parentId).toBeNull();
  });

  it('retires a unit only after its sub-units, keeps its history, and restores top-down', async () => {
    const t = await adminApp();
    const center = (await t.post('/api/units', { name: 'Center' })).body.unit;
    const team = (await t.post('/api/units', { name: 'Team', parentId: center.id, headcount: 9 })).body.unit;
    const project = (await t.post('/api/projects', { name: 'P' })).body.project;
    await t.put(`/api/projects/${project.id}/rollouts/${team.id}`, { goLiveDate: '2026-03-01' });

    const blocked = await t.post(`/api/units/${center.id}/retire`);
    expectError(blocked, 409, 'unit_has_active_children');
    expect(blocked.body.error.details[0].units.map((u: any) => u.name)).toEqual(['Team']);
    expect((await t.get(`/api/units/${center.id}`)).body.unit.retiredAt).toBeNull();

    const retired = await t.post(`/api/units/${team.id}/retire`);
    expect(retired.status).toBe(200);
    expect(retired.body.unit.retiredAt).toBeTruthy();
    expect((await t.post(`/api/units/${center.id}/retire`)).status).toBe(200);

    // History stays: the rollout is still there; but no new rollouts and no new children below a retired unit.
    const detail = (await t.get(`/api/projects/${project.id}`)).body.project;
    expect(detail.rollouts).toHaveLength(1);
    expect(detail.rollouts[0].retiredAt).toBeTruthy();
    const other = (await t.post('/api/projects', { name: 'Q' })).body.project;
    expectError(await t.put(`/api/projects/${other.id}/rollouts/${team.id}`, { goLiveDate: '2026-05-01' }), 400, 'unit_retired');
    expectError(await t.post('/api/units', { name: 'New', parentId: center.id }), 400, 'unit_parent_retired');
    expect((await t.get('/api/units?includeRetired=false')).body.units).toHaveLength(0);
    expect((await t.get('/api/units')).body.units).toHaveLength(2);

    expectError(await t.post(`/api/units/${team.id}/restore`), 409, 'unit_parent_retired');
    expect((await t.post(`/api/units/${center.id}/restore`)).body.unit.retiredAt).toBeNull();
    expect((await t.post(`/api/units/${team.id}/restore`)).body.unit.retiredAt).toBeNull();
  });

  it('retires a whole subtree at once when asked to', async () => {
    const t = await adminApp();
    const center = (await t.post('/api/units', { name: 'Center' })).body.unit;
    const team = (await t.post('/api/units', { name: 'Team', parentId: center.id })).body.unit;
    await t.post('/api/units', { name: 'Sub', parentId: team.id });
    const res = await t.post(`/api/units/${center.id}/retire`, { withDescendants: true });
    expect(res.status).toBe(200);
    expect(res.body.retiredIds).toHaveLength(3);
    expect((await t.get('/api/units?includeRetired=false')).body.units).toHaveLength(0);
  });

  it('deletes only a unit nothing refers to', async () => {
    const t = await adminApp();
    const used = (await t.post('/api/units', { name: 'Used' })).body.unit;
    const unused = (await t.post('/api/units', { name: 'Typo' })).body.unit;
    const project = (await t.post('/api/projects', { name: 'P' })).body.project;
    await t.put(`/api/projects/${project.id}/rollouts/${used.id}`, { goLiveDate: null });
    expectError(await t.del(`/api/units/${used.id}`), 409, 'unit_in_use');
    expect((await t.del(`/api/units/${unused.id}`)).status).toBe(200);
    expect(await unitCount(t)).toBe(1);
  });

  it('lets managers read units but not change them', async () => {
    const t = await browserTestApp();
    expectError(await t.get('/api/units'), 401, 'unauthenticated');
    await t.login(MANAGER);
    expect((await t.get('/api/units')).status).toBe(200);
    expectError(await t.post('/api/units', { name: 'X' }), 403, 'forbidden');
    expectError(await t.post('/api/units/import/preview', { csv: 'id;navn\n1;A' }), 403, 'forbidden');
  });
});

const danishCsv =
  '\uFEFFEnheds-ID;Navn;Overordnet;Normering\r\n' +
  '100;Sundhed og Ældre;;0\r\n' +
  '\r\n' +
  // A child before its parent: order must not matter.
  '120;Hjemmeplejen Øst;110;31\r\n' +
  '110;"Område Nord; Bårse";100;2\r\n' +
  '130;Plejecenter Åløkke;100;47\r\n';

describe('unit CSV import: preview', () => {
  it('reads a BOM, semicolons, æøå, quotes, blank lines and parents that come later — and saves nothing', async () => {
    const t = await adminApp();
    const res = await t.post('/api/units/import/preview', { csv: danishCsv });
    expect(res.status).toBe(200);
    const p = res.body.preview;
    expect(p.delimiter).toBe(';');
    expect(p.columns).toEqual({ externalId: 'Enheds-ID', name: 'Navn', parent: 'Overordnet', headcount: 'Normering' });
    expect(p.rejected).toEqual([]);
    expect(p.create.map((c: any) => [c.line, c.externalId, c.name, c.parent?.externalId ?? null, c.headcount])).toEqual([
      [2, '100', 'Sundhed og Ældre', null, 0],
      [4, '120', 'Hjemmeplejen Øst', '110', 31],
      [5, '110', 'Område Nord; Bårse', '100', 2],
      [6, '130', 'Plejecenter Åløkke', '100', 47],
    ]);
    expect(p.create[1].parent).toEqual({ unitId: null, externalId: '110', name: 'Område Nord; Bårse' });
    expect(p.update).toEqual([]);
    expect(p.unchanged).toBe(0);
    expect(await unitCount(t)).toBe(0);
  });

  it('reads comma-separated files with English headers, extra columns and a Danish date', async () => {
    const t = await adminApp();
    const csv = 'Unit ID,Name,Parent ID,Headcount,Cost centre,Type,Date\n' + 'A1,Social Services,,,9000,forvaltning,\n' + 'A2,"Børnehuset ""Mælkebøtten""",A1,"14",9001,enhed,01.02.2026\n';
    const p = (await t.post('/api/units/import/preview', { csv })).body.preview;
    expect(p.delimiter).toBe(',');
    expect(p.ignoredColumns).toEqual(['Cost centre']);
    expect(p.rejected).toEqual([]);
    expect(p.create[0]).toMatchObject({ externalId: 'A1', kind: 'forvaltning', headcount: 0, parent: null });
    expect(p.create[1]).toMatchObject({ externalId: 'A2', name: 'Børnehuset "Mælkebøtten"', headcount: 14, headcountDate: '2026-02-01', parent: { externalId: 'A1' } });
  });

  it('accepts the file as a text/csv body, in UTF-8 or in Windows-1252 from older Excel', async () => {
    const t = await adminApp();
    const utf8 = await postFile(t, '/api/units/import/preview', danishCsv);
    expect(utf8.status).toBe(200);
    expect(utf8.body.preview.create).toHaveLength(4);
    // "Ærø;12" in Windows-1252: Æ = 0xC6, ø = 0xF8.
    const cp1252 = new Uint8Array([...Buffer.from('id;navn;antal medarbejdere\n7;'), 0xc6, 0x72, 0xf8, ...Buffer.from(';12\n')]);
    const legacy = await postFile(t, '/api/units/import/preview', cp1252);
    expect(legacy.status).toBe(200);
    expect(legacy.body.preview.create[0]).toMatchObject({ name: 'Ærø', headcount: 12 });
    expectError(await postFile(t, '/api/units/import/preview', 'x', 'application/xml'), 415, 'unsupported_media_type');
    expect(await unitCount(t)).toBe(0);
    const committed = await postFile(t, '/api/units/import/commit?headcountDate=2026-03-01', danishCsv);
    expect(committed.body.result.created).toBe(4);
    expect((await t.get('/api/units')).body.units.every((u: any) => u.headcountDate === '2026-03-01')).toBe(true);
  });

  it('rejects unknown parents, duplicate ids, bad headcounts and cycles, each with line and reason', async () => {
    const t = await adminApp();
    const csv = [
      'id;navn;overordnet;antal medarbejdere',
      '1;Forvaltning;;0',
      '2;Center;1;10',
      '3;Ukendt forælder;99;4',
      '2;Center igen;1;10',
      '4;Tekst;1;mange',
      '5;Negativ;1;-3',
      '6;Cyklus A;7;1',
      '7;Cyklus B;6;1',
      '8;Sig selv;8;1',
      '9;Under afvist;3;1',
      ';Uden id;1;1',
      '10;;1;1',
      '11;Split;navn;1;5',
    ].join('\n');
    const p = (await t.post('/api/units/import/preview', { csv })).body.preview;
    const byLine = Object.fromEntries(p.rejected.map((r: any) => [r.line, r.code]));
    expect(byLine).toEqual({
      3: 'duplicate_id',
      4: 'parent_unknown',
      5: 'duplicate_id',
      6: 'headcount_invalid',
      7: 'headcount_negative',
      8: 'cycle',
      9: 'cycle',
      10: 'cycle',
      11: 'parent_rejected',
      12: 'missing_id',
      13: 'missing_name',
      14: 'wrong_field_count',
    });
    const dup = p.rejected.find((r: any) => r.line === 5);
    expect(dup).toMatchObject({ raw: '2;Center igen;1;10', externalId: '2', field: 'externalId' });
    expect(dup.message).toContain('line 3');
    expect(p.rejected.find((r: any) => r.line === 3).message).toContain('line 5');
    expect(p.rejected.find((r: any) => r.line === 8).message).toContain('6 → 7 → 6');
    expect(p.create.map((c: any) => c.externalId)).toEqual(['1']);
    expect(await unitCount(t)).toBe(0);
  });

  it('rejects every line of a duplicated id, naming the other lines, and the rows below them', async () => {
    const t = await adminApp();
    await t.post('/api/units', { name: 'Stored', externalId: 'S1', headcount: 3 });
    const csv = [
      'id;navn;overordnet;antal',
      'X1;Først;;1', // 2
      'C1;Under X1;X1;1', // 3
      'G1;Under C1;C1;1', // 4
      'X1;Igen;;2', // 5
      'S1;Stored A;;4', // 6
      'S1;Stored B;;5', // 7
      'S1;Stored C;;6', // 8
      'C2;Under S1;S1;1', // 9
      'OK;Fin;;1', // 10
    ].join('\n');
    const p = (await t.post('/api/units/import/preview', { csv })).body.preview;
    expect(p.rejected.map((r: any) => [r.line, r.code, r.field])).toEqual([
      [2, 'duplicate_id', 'externalId'],
      [3, 'parent_rejected', 'parent'],
      [4, 'parent_rejected', 'parent'],
      [5, 'duplicate_id', 'externalId'],
      [6, 'duplicate_id', 'externalId'],
      [7, 'duplicate_id', 'externalId'],
      [8, 'duplicate_id', 'externalId'],
      [9, 'parent_rejected', 'parent'],
    ]);
    const msg = (line: number) => p.rejected.find((r: any) => r.line === line).message;
    expect(msg(2)).toBe('The unit id X1 is also on line 5');
    expect(msg(5)).toBe('The unit id X1 is also on line 2');
    expect(msg(7)).toBe('The unit id S1 is also on lines 6 and 8');
    expect(msg(3)).toContain('lines 2 and 5');
    expect(msg(4)).toContain('line 3');
    expect(msg(9)).toContain('lines 6, 7 and 8');
    expect(p.create.map((c: any) => c.externalId)).toEqual(['OK']);
    expect(p.update).toEqual([]);
    // The stored unit is in the file, if ambiguously: it is not reported as left out.
    expect(p.notInFile).toEqual([]);
    const res = await t.post('/api/units/import/commit', { csv });
    expectError(res, 400, 'csv_rejected_rows');
    expect(res.body.error.details.map((d: any) => d.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await unitCount(t)).toBe(1);
    expect((await t.get('/api/units')).body.units[0]).toMatchObject({ name: 'Stored', headcount: 3 });
  });

  it('refuses names with a bidi override, a zero-width character or a NUL per row, and stores nothing', async () => {
    const t = await adminApp();
    const csv = [
      'id;navn;name en;overordnet',
      'OK;Plejecenter Åløkke;;', // 2: fine alone, but the file is refused as a whole
      'B;Hjemmepleje \u202Eøst;;', // 3: right-to-left override
      'Z;Sund\u200Bhed;;', // 4: zero-width space
      'N;Rådhus\u0000;;', // 5: NUL
      'E;Bibliotek;Library\u2066x;', // 6: an isolate in the English name
      'D\u200D;Kultur;;', // 7: a zero-width joiner in the id
      'C;Cafe\u0301;;', // 8: decomposed é, stored as NFC
    ].join('\n');
    const p = (await t.post('/api/units/import/preview', { csv })).body.preview;
    expect(p.rejected.map((r: any) => [r.line, r.field, r.code])).toEqual([
      [3, 'name', 'name_invalid'],
      [4, 'name', 'name_invalid'],
      [5, 'name', 'name_invalid'],
      [6, 'nameEn', 'name_invalid'],
      [7, 'externalId', 'id_invalid'],
    ]);
    expect(p.create.map((c: any) => c.name)).toEqual(['Plejecenter Åløkke', 'Caf\u00e9']);
    const res = await postFile(t, '/api/units/import/commit', csv);
    expectError(res, 400, 'csv_rejected_rows');
    expect(res.body.error.details.map((d: any) => d.line)).toEqual([3, 4, 5, 6, 7]);
    expect(await unitCount(t)).toBe(0);
  });

  it('reports every problem of a row, field problems first, parent and cycle problems after', async () => {
    const t = await adminApp();
    const csv = [
      'id;navn;overordnet;antal;type',
      'P;Forvaltning;;1;', // 2
      'A;Ukendt og negativ;NOPE;-3;', // 3
      'B;Cyklus med fejl;C;mange;', // 4
      'C;Cyklus;B;1;', // 5
      'D;Under fejl;A;1;', // 6
      ';Uden id;NOPE;1;', // 7
      'E;;E;-1;planet', // 8
      'F;Dobbelt;;-1;', // 9
      'F;Dobbelt;P;1;', // 10
    ].join('\n');
    const p = (await t.post('/api/units/import/preview', { csv })).body.preview;
    const codes = Object.fromEntries(p.rejected.map((r: any) => [r.line, r.problems.map((x: any) => x.code)]));
    expect(codes).toEqual({
      3: ['headcount_negative', 'parent_unknown'],
      4: ['headcount_invalid', 'cycle'],
      5: ['cycle'],
      6: ['parent_rejected'],
      7: ['missing_id', 'parent_unknown'],
      8: ['missing_name', 'headcount_negative', 'kind_unknown', 'cycle'],
      9: ['headcount_negative', 'duplicate_id'],
      10: ['duplicate_id'],
    });
    // The row's code, field and message are those of its first, most important, problem.
    for (const r of p.rejected) expect({ code: r.code, field: r.field, message: r.message }).toEqual(r.problems[0]);
    expect(p.rejected.find((r: any) => r.line === 3)).toMatchObject({ code: 'headcount_negative', field: 'headcount' });
    expect(p.rejected.find((r: any) => r.line === 3).problems[1]).toEqual({
      field: 'parent',
      code: 'parent_unknown',
      message: 'The parent NOPE is neither in the file nor an existing unit',
    });
    expect(p.rejected.find((r: any) => r.line === 4).problems[1].message).toContain('B → C → B');
    expect(p.rejected.find((r: any) => r.line === 6).problems[0].message).toContain('line 3');
    expect(p.create.map((c: any) => c.externalId)).toEqual(['P']);
    const res = await t.post('/api/units/import/commit', { csv });
    expectError(res, 400, 'csv_rejected_rows');
    expect(res.body.error.details.map((d: any) => [d.line, d.code])).toEqual([
      [3, 'headcount_negative'],
      [4, 'headcount_invalid'],
      [5, 'cycle'],
      [6, 'parent_rejected'],
      [7, 'missing_id'],
      [8, 'missing_name'],
      [9, 'headcount_negative'],
      [10, 'duplicate_id'],
    ]);
    expect(await unitCount(t)).toBe(0);
  });

  it('detects a cycle the file would make with units already stored', async () => {
    const t = await adminApp();
    await t.post('/api/units/import/commit', { csv: 'id;navn;overordnet\nA;A;\nB;B;A' });
    // A moves below C, and C is new below B: A → C → B → A.
    const p = (await t.post('/api/units/import/preview', { csv: 'id;navn;overordnet\nA;A;C\nC;C;B' })).body.preview;
    expect(p.rejected.map((r: any) => r.code)).toEqual(['cycle', 'cycle']);
  });

  it('counts lines right across quoted line breaks, reads tabs, and does without a headcount column', async () => {
    const t = await adminApp();
    // A line break inside quotes: fine in a column that is not read, refused in a name (names are one line).
    const csv = 'LOS-ID\tEnhedsnavn\tOverordnet enhed\tNote\n1\tEt\t\t"To\nlinjer"\n2\tUnder\t1\t\n3\tForkert\t404\t\n4\t"Navn med\nlinjeskift"\t\t\n';
    const p = (await t.post('/api/units/import/preview', { csv })).body.preview;
    expect(p.delimiter).toBe('\t');
    expect(p.create.map((c: any) => [c.line, c.name, c.headcount])).toEqual([
      [2, 'Et', 0],
      [4, 'Under', 0],
    ]);
    expect(p.rejected).toMatchObject([
      { line: 5, code: 'parent_unknown', raw: '3\tForkert\t404\t' },
      { line: 6, code: 'name_invalid', field: 'name' },
    ]);
  });

  it('answers whole-file problems with a code', async () => {
    const t = await adminApp();
    expectError(await t.post('/api/units/import/preview', { csv: '\n\n' }), 400, 'csv_empty');
    const missing = await t.post('/api/units/import/preview', { csv: 'foo;bar\n1;2' });
    expectError(missing, 400, 'csv_missing_column');
    expect(missing.body.error.details.map((d: any) => d.field)).toEqual(['externalId', 'name']);
    expectError(await t.post('/api/units/import/preview', { csv: '' }), 400, 'invalid_input');
    expectError(await t.post('/api/units/import/preview', { csv: 'id;navn\n1;A', headcountDate: '1/1/2026' }), 400, 'invalid_input');
  });
});

describe('unit CSV import: commit', () => {
  it('creates the tree in one go and re-import updates headcounts, names and parents', async () => {
    const t = await adminApp();
    const first = await t.post('/api/units/import/commit', { csv: danishCsv, headcountDate: '2026-01-31' });
    expect(first.status).toBe(200);
    expect(first.body.result).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
    const list = (await t.get('/api/units')).body.units;
    expect(list.map((u: any) => [u.externalId, u.depth])).toEqual([
      ['100', 0],
      ['110', 1],
      ['120', 2],
      ['130', 1],
    ]);
    const byExt = Object.fromEntries(list.map((u: any) => [u.externalId, u]));
    expect(byExt['120']).toMatchObject({ name: 'Hjemmeplejen Øst', headcount: 31, headcountDate: '2026-01-31', parentId: byExt['110'].id });

    const again = '\uFEFFEnheds-ID;Navn;Overordnet;Normering\n100;Sundhed og Ældre;;0\n110;"Område Nord; Bårse";100;2\n120;Hjemmeplejen Øst;100;29\n130;Plejecenter Åløkke;100;47\n';
    const preview = (await t.post('/api/units/import/preview', { csv: again, headcountDate: '2026-01-31' })).body.preview;
    expect(preview.create).toEqual([]);
    expect(preview.unchanged).toBe(3);
    expect(preview.update).toHaveLength(1);
    expect(preview.update[0]).toMatchObject({
      externalId: '120',
      unitId: byExt['120'].id,
      changes: { headcount: { from: 31, to: 29 }, parent: { from: { externalId: '110' }, to: { externalId: '100' } } },
    });
    const second = await t.post('/api/units/import/commit', { csv: again, headcountDate: '2026-01-31' });
    expect(second.body.result).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const unit = (await t.get(`/api/units/${byExt['120'].id}`)).body.unit;
    expect(unit).toMatchObject({ headcount: 29, parentId: byExt['100'].id });
  });

  it('refuses the whole file while any row is rejected, and saves nothing', async () => {
    const t = await adminApp();
    await t.post('/api/units', { name: 'Existing', externalId: 'E1', headcount: 3 });
    const csv = 'id;navn;overordnet;headcount\nE1;Existing;;30\nN1;New;E1;5\nN2;Orphan;NOPE;5\nN1;Dup;;1';
    const res = await t.post('/api/units/import/commit', { csv });
    expectError(res, 400, 'csv_rejected_rows');
    expect(res.body.error.details.map((d: any) => [d.line, d.code, d.path])).toEqual([
      [3, 'duplicate_id', 'csv'],
      [4, 'parent_unknown', 'csv'],
      [5, 'duplicate_id', 'csv'],
    ]);
    expect(await unitCount(t)).toBe(1);
    expect((await t.get('/api/units')).body.units[0].headcount).toBe(3);
  });

  it('matches rows to stored units by id only, and reports stored units the file leaves out', async () => {
    const t = await adminApp();
    await t.post('/api/units', { name: 'Kept', externalId: 'K1' });
    await t.post('/api/units', { name: 'No HR id' });
    const p = (await t.post('/api/units/import/preview', { csv: 'id;navn;overordnet\nN1;New;K1' })).body.preview;
    expect(p.create[0].parent).toMatchObject({ externalId: 'K1', name: 'Kept' });
    expect(p.notInFile.map((u: any) => u.externalId)).toEqual(['K1']);
  });
});
