// The configured anonymity thresholds (ANONYMITY_THRESHOLD, FREE_TEXT_THRESHOLD) reach every text that promises
// them: the generated survey intro and comment hint, the frozen version staff answer, and the staff app's hints.
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/api';

const thresholds = { anonymityThreshold: 8, freeTextThreshold: 12 };

async function setUp() {
  const t = await testApp(thresholds);
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Overlevering' })).body.project;
  const unit = (await t.post('/api/units', { name: 'Plejecenter A', headcount: 40 })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser status selv', oldBehaviour: 'Fælles oplæsning' });
  return { ...t, project };
}

/** Every "at least N" the survey texts promise, in both languages. */
function promisedMinimums(survey: unknown): number[] {
  const json = JSON.stringify(survey);
  return [...json.matchAll(/(?:mindst|at least) (\d+)/g)].map((m) => Number(m[1]));
}

describe('configured anonymity thresholds in texts', () => {
  it('the survey preview promises the configured thresholds, not the defaults', async () => {
    const t = await setUp();
    for (const phase of ['baseline', 'followup'] as const) {
      const preview = await t.get(`/api/projects/${t.project.id}/survey/preview?phase=${phase}`);
      expect(preview.status).toBe(200);
      const json = JSON.stringify(preview.body.survey);
      expect(json).toContain('Resultater vises kun for grupper med mindst 8 besvarelser, og kommentarer kun for grupper med mindst 12.');
      expect(json).toContain('Results are only shown for groups of at least 8 responses, and comments only for groups of at least 12.');
      const minimums = promisedMinimums(preview.body.survey);
      expect(minimums.length).toBeGreaterThan(0);
      expect(minimums.every((n) => n === 8 || n === 12)).toBe(true);
      expect(minimums).not.toContain(5);
      expect(minimums).not.toContain(10);
    }
  });

  it('the frozen version staff answer and the saved spec\'s preview use them too', async () => {
    const t = await setUp();
    const saved = await t.put(`/api/projects/${t.project.id}/survey/spec`, { spec: { freeText: true, background: [{ id: 'role', text: { da: 'Din rolle', en: 'Your role' }, choices: [{ value: 1, text: { da: 'A', en: 'A' } }, { value: 2, text: { da: 'B', en: 'B' } }] }] } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const wave = (await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Opfølgning', phase: 'followup' })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const token = (await t.get(`/api/waves/${wave.id}/links`)).body.links[0].token as string;
    t.logout();
    const pub = await t.get(`/api/s/${token}`);
    expect(pub.status).toBe(200);
    const json = JSON.stringify(pub.body.survey);
    expect(json).toContain('mindst 8 besvarelser');
    expect(json).toContain('mindst 12');
    const minimums = promisedMinimums(pub.body.survey);
    expect(minimums).toContain(12);
    expect(minimums.every((n) => n === 8 || n === 12)).toBe(true);
  });

  it('the staff app learns the thresholds from /auth/me and the login answer', async () => {
    const t = await testApp(thresholds);
    const login = await t.post('/api/auth/login', { email: 'admin@test.dk', password: 'admin-pass-1' });
    expect(login.status).toBe(200);
    expect(login.body.thresholds).toEqual({ anonymity: 8, freeText: 12 });
    const me = await t.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.thresholds).toEqual({ anonymity: 8, freeText: 12 });
  });

  it('defaults to 5 and 10 when nothing is configured', async () => {
    const t = await testApp();
    await t.login();
    expect((await t.get('/api/auth/me')).body.thresholds).toEqual({ anonymity: 5, freeText: 10 });
  });
});
