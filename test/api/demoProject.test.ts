// The demo project that `npm start` loads into an empty database: both languages, so a new user who switches the
// answer page to English sees the whole survey in English (issue: "an English run that shows no Danish project text").
import { describe, expect, it } from 'vitest';
import { demoBehaviours, demoBenefits, demoProject, demoUnits, demoWaves } from '../../db/demo';
import { createApp } from '../../server/app';
import { systemClock } from '../../server/services/clock';
import { seedDemo } from '../../server/services/demo';
import { openTestDb } from '../support/testDb';

/** Every English string of a SurveyJS localizable text (`{ default, en }`), or the plain string. */
function english(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => english(n, out));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.default === 'string') out.push(typeof obj.en === 'string' ? obj.en : obj.default);
    else Object.values(obj).forEach((v) => english(v, out));
  }
  return out;
}

describe('the demo project', () => {
  it('has English texts for everything its respondents read', async () => {
    const db = await openTestDb();
    const token = await seedDemo(db, 'x', 'y', systemClock, { anonymityThreshold: 5, freeTextThreshold: 10 });
    const app = createApp({ db, config: { publicUrl: 'http://test.local' } });
    const res = await app.request(`/api/s/${token}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.untranslated).toBe(false);
    expect(body.project.nameEn).toBe(demoProject.nameEn);
    const shown = english(body.survey).join('\n');
    const danish = [demoProject.name, demoProject.purpose, ...demoUnits.map((u) => u.name), ...demoWaves.map((w) => w.name), ...demoBenefits.map((b) => b.title), ...demoBehaviours.flatMap((b) => [b.title, b.description, b.oldBehaviour])];
    for (const text of danish) expect(shown, `"${text}" in the English survey`).not.toContain(text);
    expect(shown).toContain(demoBehaviours[0].descriptionEn);
  });
});
