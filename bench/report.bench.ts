// How the report scales with a municipality-sized project, as a ratio to the one SQL scan it cannot avoid.
// Run: npm run bench:report [-- units responsesPerUnitWave]
import { sql } from 'drizzle-orm';
import { openDb } from '../db/client';
import { behaviours, projects, rollouts, units, waveLinks, waves } from '../db/schema';
import { validateAnswers } from '../surveys';
import { getProjectReport } from '../server/services/report';
import { storeResponse } from '../server/services/responses';
import { getSurveyVersion } from '../server/services/surveys';
import { openWave } from '../server/services/waves';
import { answersFor } from '../test/support/answers';
import { printRatio, timeIt } from './common';

const UNITS = Number(process.argv[2] ?? 40);
const PER_CELL = Number(process.argv[3] ?? 30);
const db = openDb(':memory:');
const projectId = db.insert(projects).values({ name: 'Bench' }).returning().get().id;
for (let b = 0; b < 4; b++) db.insert(behaviours).values({ projectId, title: `Adfærd ${b}`, oldBehaviour: 'Gammel' }).run();
const unitIds = Array.from({ length: UNITS }, (_, i) => db.insert(units).values({ name: `Enhed ${i}`, headcount: PER_CELL + 10 }).returning().get().id);
for (const unitId of unitIds) db.insert(rollouts).values({ projectId, unitId, goLiveDate: '2026-03-01' }).run();

let seq = 0;
db.transaction(() => {
  for (const [w, phase] of (['baseline', 'followup', 'followup'] as const).entries()) {
    const wave = db.insert(waves).values({ projectId, name: `Måling ${w}`, phase }).returning().get();
    for (const unitId of unitIds) db.insert(waveLinks).values({ waveId: wave.id, unitId, token: `tok-${w}-${unitId}-xxxxxx` }).run();
    const opened = openWave(db, wave.id);
    const version = getSurveyVersion(db, opened.surveyVersionId!);
    for (const unitId of unitIds) {
      for (let r = 0; r < PER_CELL; r++) {
        const answers = answersFor(version.itemMap, () => ((r * 7 + unitId + w) % 6));
        const checked = validateAnswers(version.itemMap, version.surveyJson, answers);
        if (!checked.ok) throw new Error('bench answers invalid');
        storeResponse(db, { waveId: wave.id, unitId, surveyVersionId: version.id, submissionId: `bench-${seq++}`, submittedOn: '2026-05-01', locale: 'da', complete: true, answers, values: checked.values });
      }
    }
    db.update(waves).set({ status: 'closed' }).where(sql`id = ${wave.id}`).run();
  }
});
const valueRows = db.get<{ n: number }>(sql`select count(*) as n from response_values`).n;
console.log(`Report benchmark: ${UNITS} units × 3 waves × ${PER_CELL} responses = ${seq} responses, ${valueRows} answer rows\n`);

const baseline = await timeIt(15, () =>
  db.all(sql`select r.wave_id, r.unit_id, v.item_key, v.value_num, count(*) from response_values v join responses r on r.id = v.response_id where v.value_num is not null group by 1, 2, 3, 4`),
);
const report = await timeIt(15, () => getProjectReport(db, projectId, { threshold: 5 }));
printRatio('baseline: the GROUP BY over all answers', baseline, 'baseline', baseline);
printRatio('getProjectReport (all behaviours, units, waves)', report, 'baseline', baseline);
