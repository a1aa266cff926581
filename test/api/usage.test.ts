// System usage figures (systemdata): the CSV preview and import for a behaviour, replacement of a unit's figure
// for the same period, every kind of rejected row (and nothing stored on refusal), access, and the project view
// aligned with the waves, narrowed for a unit-scoped manager.
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { usageFigures, userScopes, users } from '../../db/schema';
import { MANAGER, clientFor, expectError, testApp } from '../support/api';

async function setup() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Digital overlevering' })).body.project;
  const other = (await t.post('/api/projects', { name: 'Andet projekt' })).body.project;
  const nord = (await t.post('/api/units', { name: 'Hjemmeplejen Nord', externalId: '1001' })).body.unit;
  const syd = (await t.post('/api/units', { name: 'Hjemmeplejen Syd', externalId: '1002' })).body.unit;
  const fremmed = (await t.post('/api/units', { name: 'Plejecenter Åløkke', externalId: '2001' })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${nord.id}`, { goLiveDate: '2025-03-01' });
  await t.put(`/api/projects/${project.id}/rollouts/${syd.id}`, { goLiveDate: null });
  await t.put(`/api/projects/${other.id}/rollouts/${fremmed.id}`, { goLiveDate: null });
  const behaviour = (await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Skriver journalnotat straks', usageMeasure: 'Journalnotater pr. vagt' })).body.behaviour;
  const figures = async () => (await t.db.select({ n: count() }).from(usageFigures))[0].n;
  return { t, project, other, nord, syd, fremmed, behaviour, figures };
}

const goodCsv = '\uFEFFEnhed;Fra;Til;Værdi\r\n1001;2025-03-01;2025-03-31;12,5\r\nHjemmeplejen Syd;01-03-2025;31-03-2025;1.234,5\r\n1001;2025-04-01;2025-04-30;14\r\n';

describe('usage CSV import', () => {
  it('previews, imports with ; and decimal commas, and replaces a unit\'s figure for the same period', async () => {
    const { t, nord, syd, behaviour, figures } = await setup();
    const res = await t.post(`/api/behaviours/${behaviour.id}/usage/preview`, { csv: goodCsv });
    expect(res.status).toBe(200);
    const p = res.body.preview;
    expect(p).toMatchObject({ delimiter: ';', measure: 'Journalnotater pr. vagt', rejected: [], replace: [] });
    expect(p.columns).toEqual({ unit: 'Enhed', periodStart: 'Fra', periodEnd: 'Til', value: 'Værdi' });
    expect(p.create.map((c: any) => [c.line, c.unitId, c.periodStart, c.periodEnd, c.value])).toEqual([
      [2, nord.id, '2025-03-01', '2025-03-31', 12.5],
      [3, syd.id, '2025-03-01', '2025-03-31', 1234.5],
      [4, nord.id, '2025-04-01', '2025-04-30', 14],
    ]);
    expect(await figures()).toBe(0);

    const imported = await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv: goodCsv });
    expect(imported.status).toBe(200);
    expect(imported.body.result).toEqual({ created: 3, replaced: 0 });
    expect(await figures()).toBe(3);

    // A comma-separated file, with a quoted decimal comma: the same unit and period replaces the stored figure.
    const again = 'unit,from,to,value\n1001,2025-03-01,2025-03-31,"13,75"\n1002,2025-05-01,2025-05-31,7.5\n';
    const p2 = (await t.post(`/api/behaviours/${behaviour.id}/usage/preview`, { csv: again })).body.preview;
    expect(p2.delimiter).toBe(',');
    expect(p2.replace).toMatchObject([{ line: 2, unitId: nord.id, value: 13.75, previousValue: 12.5 }]);
    expect(p2.create).toMatchObject([{ line: 3, unitId: syd.id, value: 7.5 }]);
    expect((await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv: again })).body.result).toEqual({ created: 1, replaced: 1 });

    const list = (await t.get(`/api/behaviours/${behaviour.id}/usage`)).body.usage;
    expect(list.measure).toBe('Journalnotater pr. vagt');
    expect(list.figures.map((f: any) => [f.unitName, f.periodStart, f.value])).toEqual([
      ['Hjemmeplejen Nord', '2025-03-01', 13.75],
      ['Hjemmeplejen Nord', '2025-04-01', 14],
      ['Hjemmeplejen Syd', '2025-03-01', 1234.5],
      ['Hjemmeplejen Syd', '2025-05-01', 7.5],
    ]);

    expect((await t.del(`/api/usage/${list.figures[0].id}`)).body).toEqual({ deleted: true });
    expect(await figures()).toBe(3);
    expectError(await t.del(`/api/usage/${list.figures[0].id}`), 404, 'not_found');
  });

  it('rejects every bad row with its reason, and the import stores nothing while any row is rejected', async () => {
    const { t, behaviour, figures } = await setup();
    const csv = [
      'enhed;fra;til;værdi',
      '9999;2025-03-01;2025-03-31;1', // unknown unit
      '2001;2025-03-01;2025-03-31;1', // a unit of another project
      '1001;2025-02-30;2025-03-31;1', // not a real date
      '1001;2025-03-01;marts;1', // not a date
      '1001;2025-03-31;2025-03-01;1', // ends before it starts
      '1001;2025-03-01;2025-03-31;mange', // not a number
      '1001;2025-03-01;2025-03-31;', // empty value
      ';2025-03-01;2025-03-31;1', // no unit
      '1002;2025-06-01;2025-06-30;1',
      '1002;2025-06-01;2025-06-30;2', // the same unit and period twice
      '1001;2025-07-01;2025-07-31;3', // fine
    ].join('\n');
    const p = (await t.post(`/api/behaviours/${behaviour.id}/usage/preview`, { csv })).body.preview;
    expect(p.rejected.map((r: any) => [r.line, r.code, r.field])).toEqual([
      [2, 'unit_unknown', 'unit'],
      [3, 'unit_not_in_project', 'unit'],
      [4, 'start_invalid', 'periodStart'],
      [5, 'end_invalid', 'periodEnd'],
      [6, 'end_before_start', 'periodEnd'],
      [7, 'value_invalid', 'value'],
      [8, 'value_missing', 'value'],
      [9, 'unit_missing', 'unit'],
      [10, 'duplicate_period', 'row'],
      [11, 'duplicate_period', 'row'],
    ]);
    expect(p.rejected[0]).toMatchObject({ raw: '9999;2025-03-01;2025-03-31;1', unit: '9999' });
    expect(p.create).toHaveLength(1);

    const res = await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv });
    expectError(res, 400, 'csv_rejected_rows');
    expect(res.body.error.details).toHaveLength(10);
    expect(res.body.error.details[0]).toMatchObject({ path: 'csv', code: 'unit_unknown', line: 2 });
    expect(await figures()).toBe(0);
  });

  it('refuses an empty file, a header without rows and a missing column, storing nothing', async () => {
    const { t, behaviour, figures } = await setup();
    const url = `/api/behaviours/${behaviour.id}/usage`;
    expectError(await t.post(`${url}/preview`, { csv: '' }), 400, 'invalid_input');
    expectError(await t.post(`${url}/import`, { csv: '\n \n' }), 400, 'csv_empty');
    expectError(await t.post(`${url}/import`, { csv: 'enhed;fra;til;værdi\n' }), 400, 'csv_no_rows');
    const missing = await t.post(`${url}/preview`, { csv: 'enhed;fra;værdi\n1001;2025-03-01;3' });
    expectError(missing, 400, 'csv_missing_column');
    expect(missing.body.error.details).toMatchObject([{ path: 'csv', code: 'csv_missing_column', field: 'periodEnd' }]);
    expectError(await t.post(`${url}/import`, { csv: 'enhed;fra;værdi\n1001;2025-03-01;3' }), 400, 'csv_missing_column');
    expectError(await t.post(`${url}/import`, { csv: goodCsv, extra: true }), 400, 'invalid_input');
    expectError(await t.postRaw(`${url}/import`, '{"csv":'), 400);
    expect(await figures()).toBe(0);
  });

  it('answers 401 without login, 404 to a manager not granted the project and for a missing behaviour or figure', async () => {
    const { t, project, behaviour } = await setup();
    expectError(await t.post('/api/behaviours/99999/usage/preview', { csv: goodCsv }), 404, 'not_found');
    expectError(await t.post('/api/behaviours/99999/usage/import', { csv: goodCsv }), 404, 'not_found');
    expectError(await t.get('/api/behaviours/99999/usage'), 404, 'not_found');
    expectError(await t.get('/api/projects/99999/usage'), 404, 'not_found');
    expectError(await t.del('/api/usage/99999'), 404, 'not_found');
    await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv: goodCsv });
    const [figure] = await t.db.select().from(usageFigures).limit(1);

    const manager = clientFor(t.app);
    await manager.login(MANAGER);
    // Not granted the project: it does not exist for them.
    expectError(await manager.get(`/api/behaviours/${behaviour.id}/usage`), 404, 'not_found');
    expectError(await manager.get(`/api/projects/${project.id}/usage`), 404, 'not_found');
    expectError(await manager.post(`/api/behaviours/${behaviour.id}/usage/preview`, { csv: goodCsv }), 404, 'not_found');
    expectError(await manager.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv: goodCsv }), 404, 'not_found');
    expectError(await manager.del(`/api/usage/${figure.id}`), 404, 'not_found');

    const anonymous = clientFor(t.app);
    expectError(await anonymous.post(`/api/behaviours/${behaviour.id}/usage/preview`, { csv: goodCsv }), 401);
    expectError(await anonymous.get(`/api/behaviours/${behaviour.id}/usage`), 401);
    expectError(await anonymous.get(`/api/projects/${project.id}/usage`), 401);
    expectError(await anonymous.del(`/api/usage/${figure.id}`), 401);
    expect((await t.db.select({ n: count() }).from(usageFigures))[0].n).toBe(3);
  });

  it('keeps a unit with usage figures from being deleted', async () => {
    const { t, project, nord, behaviour } = await setup();
    await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv: goodCsv });
    await t.del(`/api/projects/${project.id}/rollouts/${nord.id}`);
    expectError(await t.del(`/api/units/${nord.id}`), 409, 'unit_in_use');
  });
});

describe('project usage beside the waves', () => {
  it('gives each wave the mean over overlapping periods, else the nearest before; a unit-scoped manager sees only their units', async () => {
    const { t, project, nord, syd, behaviour } = await setup();
    const csv = [
      'enhed;fra;til;værdi',
      '1001;2025-01-01;2025-01-31;4',
      '1001;2025-02-01;2025-02-28;6',
      '1001;2025-03-01;2025-03-31;10',
      '1001;2025-04-01;2025-04-30;20',
      '1002;2025-01-01;2025-01-31;2',
    ].join('\n');
    await t.post(`/api/behaviours/${behaviour.id}/usage/import`, { csv });
    const baseline = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Før', phase: 'baseline', opensOn: '2025-02-10', closesOn: '2025-03-05' })).body.wave;
    const followup = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Efter', phase: 'followup', opensOn: '2025-06-01', closesOn: '2025-06-14' })).body.wave;

    const usage = (await t.get(`/api/projects/${project.id}/usage`)).body.usage;
    expect(usage.waves.map((w: any) => w.id)).toEqual([baseline.id, followup.id]);
    expect(usage.behaviours).toHaveLength(1);
    const b = usage.behaviours[0];
    expect(b).toMatchObject({ id: behaviour.id, measure: 'Journalnotater pr. vagt' });
    const unit = (id: number) => b.units.find((u: any) => u.unitId === id);
    // Baseline: February and March overlap (6 and 10 → 8); follow-up: none overlaps, April is the nearest before.
    expect(unit(nord.id).waves).toEqual([
      { waveId: baseline.id, value: 8, basis: 'overlap', periods: 2 },
      { waveId: followup.id, value: 20, basis: 'before', periods: 1 },
    ]);
    expect(unit(syd.id).waves[0]).toEqual({ waveId: baseline.id, value: 2, basis: 'before', periods: 1 });
    expect(unit(nord.id).figures).toHaveLength(4);

    const [{ id: managerId }] = await t.db.select().from(users).where(eq(users.email, MANAGER.email)).limit(1);
    await t.db.insert(userScopes).values({ userId: managerId, unitId: syd.id });
    const manager = clientFor(t.app);
    await manager.login(MANAGER);
    const mine = (await manager.get(`/api/projects/${project.id}/usage`)).body.usage;
    expect(mine.behaviours[0].units.map((u: any) => u.unitId)).toEqual([syd.id]);
    const list = (await manager.get(`/api/behaviours/${behaviour.id}/usage`)).body.usage;
    expect(list.figures.map((f: any) => f.unitId)).toEqual([syd.id]);
    expectError(await manager.post(`/api/behaviours/${behaviour.id}/usage/preview`, { csv }), 403, 'forbidden');
  });
});
