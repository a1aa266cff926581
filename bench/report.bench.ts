// How the report scales with a municipality-sized project, as a ratio to the one SQL scan it cannot avoid.
// Run: npm run bench:report [-- units responsesPerUnitWave]; DATABASE_URL=postgres://… runs it on PostgreSQL.
import { count, eq, isNotNull } from 'drizzle-orm';
import { transaction } from '../db/client';
import { behaviours, projects, responses, responseValues, rollouts, units, waveLinks, waves } from '../db/schema';
import { validateAnswers } from '../surveys';
import { defaultAppConfig } from '../server/config';
import { systemClock } from '../server/services/clock';
import { disclosurePolicy } from '../server/services/disclosure';
import { getProjectReport } from '../server/services/report';
import { storeResponse } from '../server/services/responses';
import { getSurveyVersion } from '../server/services/surveys';
import { openWave } from '../server/services/waves';
import { answersFor } from '../test/support/answers';
import { openBenchDb, printRatio, timeIt } from './common';

const UNITS = Number(process.argv[2] ?? 40);
const PER_CELL = Number(process.argv[3] ?? 30);
const { db, close } = await openBenchDb();
try {
  const [{ id: projectId }] = await db.insert(projects).values({ name: 'Bench' }).returning();
  for (let b = 0; b < 4; b++) await db.insert(behaviours).values({ projectId, title: `Adfærd ${b}`, oldBehaviour: 'Gammel' });
  const unitIds: number[] = [];
  for (let i = 0; i < UNITS; i++) {
    const [unit] = await db.insert(units).values({ name: `Enhed ${i}`, headcount: PER_CELL + 10 }).returning();
    unitIds.push(unit.id);
  }
  for (const unitId of unitIds) await db.insert(rollouts).values({ projectId, unitId, goLiveDate: '2026-03-01' });

  let seq = 0;
  await transaction(db, async (tx) => {
    for (const [w, phase] of (['baseline', 'followup', 'followup'] as const).entries()) {
      const [wave] = await tx.insert(waves).values({ projectId, name: `Måling ${w}`, phase }).returning();
      for (const unitId of unitIds) await tx.insert(waveLinks).values({ waveId: wave.id, unitId, token: `tok-${w}-${unitId}-xxxxxx` });
      const opened = await openWave(tx, wave.id, systemClock, defaultAppConfig);
      const version = await getSurveyVersion(tx, opened.surveyVersionId!);
      for (const unitId of unitIds) {
        for (let r = 0; r < PER_CELL; r++) {
          const answers = answersFor(version.itemMap, () => (r * 7 + unitId + w) % 6);
          const checked = validateAnswers(version.itemMap, version.surveyJson, answers);
          if (!checked.ok) throw new Error('bench answers invalid');
          await storeResponse(tx, { waveId: wave.id, unitId, surveyVersionId: version.id, submissionId: `bench-${seq++}`, submittedOn: '2026-05-01', locale: 'da', complete: true, answers, values: checked.values });
        }
      }
      await tx.update(waves).set({ status: 'closed' }).where(eq(waves.id, wave.id));
    }
  });
  const [{ n: valueRows }] = await db.select({ n: count() }).from(responseValues);
  console.log(`Report benchmark: ${UNITS} units × 3 waves × ${PER_CELL} responses = ${seq} responses, ${valueRows} answer rows\n`);

  const baseline = await timeIt(15, () =>
    db
      .select({ waveId: responses.waveId, unitId: responses.unitId, itemKey: responseValues.itemKey, valueNum: responseValues.valueNum, n: count() })
      .from(responseValues)
      .innerJoin(responses, eq(responses.id, responseValues.responseId))
      .where(isNotNull(responseValues.valueNum))
      .groupBy(responses.waveId, responses.unitId, responseValues.itemKey, responseValues.valueNum),
  );
  const report = await timeIt(15, () => getProjectReport(db, projectId, disclosurePolicy(defaultAppConfig), {}, systemClock));
  printRatio('baseline: the GROUP BY over all answers', baseline, 'baseline', baseline);
  printRatio('getProjectReport (all behaviours, units, waves)', report, 'baseline', baseline);
} finally {
  await close();
}
