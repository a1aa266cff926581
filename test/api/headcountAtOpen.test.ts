// The headcount at open a link reasons with is never above the unit's headcount the links list shows beside it:
// a larger cap than the public one would let the policy reason a small hidden unit into being pinned.
import { describe, expect, it } from 'vitest';
import { expectError, projectWithUnits } from '../support/api';

describe('headcount at open', () => {
  it('may be corrected up to the unit\'s headcount, and above it only after the unit\'s headcount is', async () => {
    const { t, project, ids } = await projectWithUnits([['A', 6], ['B', 20], ['S', 3]]);
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'N', phase: 'baseline' })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const linkOf = async () => ((await t.get(`/api/waves/${wave.id}/links`)).body.links as any[]).find((l) => l.unitId === ids[2]);
    const link = await linkOf();
    expect(link).toMatchObject({ headcount: 3, headcountAtOpen: 3 });
    const res = await t.patch(`/api/waves/${wave.id}/links/${link.id}`, { headcountAtOpen: 50 });
    expectError(res, 409, 'headcount_above_unit');
    expect(res.body.error.message).toMatch(/unit's headcount first/);
    expectError(await t.patch(`/api/waves/${wave.id}/links/${link.id}`, { headcountAtOpen: 4 }), 409, 'headcount_above_unit');
    expect(await linkOf()).toMatchObject({ headcount: 3, headcountAtOpen: 3 });
    expect((await t.patch(`/api/waves/${wave.id}/links/${link.id}`, { headcountAtOpen: 3 })).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}/links/${link.id}`, { headcountAtOpen: 2 })).status).toBe(200);
    // The unit grew: corrected under the units first, the link may follow.
    expect((await t.patch(`/api/units/${ids[2]}`, { headcount: 10 })).status).toBe(200);
    expect((await t.patch(`/api/waves/${wave.id}/links/${link.id}`, { headcountAtOpen: 10 })).status).toBe(200);
    expect(await linkOf()).toMatchObject({ headcount: 10, headcountAtOpen: 10 });
    expectError(await t.patch(`/api/waves/${wave.id}/links/${link.id}`, { headcountAtOpen: 11 }), 409, 'headcount_above_unit');
  });
});
