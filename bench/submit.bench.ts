// The cost of one anonymous submission through the whole HTTP path (zod, item-map validation, idempotency,
// transaction) as a ratio to writing the same validated rows directly. Run: npm run bench:submit;
// DATABASE_URL=postgres://… runs it on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { transaction } from '../db/client';
import { behaviours, projects, rollouts, units, waveLinks, waves } from '../db/schema';
import { createApp } from '../server/app';
import { validateAnswers } from '../surveys';
import { defaultAppConfig } from '../server/config';
import { systemClock } from '../server/services/clock';
import { storeResponse } from '../server/services/responses';
import { getSurveyVersion } from '../server/services/surveys';
import { openWave } from '../server/services/waves';
import { answersFor } from '../test/support/answers';
import { openBenchDb, printRatio, timeIt } from './common';

const { db, close } = await openBenchDb();
try {
  const [{ id: projectId }] = await db.insert(projects).values({ name: 'Bench' }).returning();
  for (let b = 0; b < 3; b++) await db.insert(behaviours).values({ projectId, title: `Adfærd ${b}`, oldBehaviour: 'Gammel' });
  const [{ id: unitId }] = await db.insert(units).values({ name: 'Enhed', headcount: 50 }).returning();
  await db.insert(rollouts).values({ projectId, unitId });
  const [wave] = await db.insert(waves).values({ projectId, name: 'Måling', phase: 'followup' }).returning();
  await db.insert(waveLinks).values({ waveId: wave.id, unitId, token: 'bench-token-0123456789' });
  const version = await getSurveyVersion(db, (await openWave(db, wave.id, systemClock, defaultAppConfig)).surveyVersionId!);
  const answers = answersFor(version.itemMap, () => 4);
  const checked = validateAnswers(version.itemMap, version.surveyJson, answers);
  if (!checked.ok) throw new Error('bench answers invalid');
  // No rate limit here: the benchmark measures the request path, not the flood guard.
  const app = createApp({ db, hitCounter: { hit: async () => 0 } });
  const post = (id: string) =>
    app.request('/api/s/bench-token-0123456789/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ submissionId: id, answers, locale: 'da' }) });
  const N = 300;

  console.log(`Submit benchmark: ${version.itemMap.items.length} items per response, median of ${N}\n`);
  const baseline = await timeIt(N, () =>
    transaction(db, (tx) => storeResponse(tx, { waveId: wave.id, unitId, surveyVersionId: version.id, submissionId: randomUUID(), submittedOn: '2026-05-01', locale: 'da', complete: true, answers, values: checked.values })),
  );
  const full = await timeIt(N, async () => {
    const res = await post(randomUUID());
    if (res.status !== 201) throw new Error(`status ${res.status}`);
  });
  const retry = randomUUID();
  await post(retry);
  const duplicate = await timeIt(N, async () => {
    const res = await post(retry);
    if (res.status !== 200) throw new Error(`retry status ${res.status}`);
  });
  printRatio('baseline: store validated rows directly', baseline, 'baseline', baseline);
  printRatio('POST /api/s/:token/responses (new)', full, 'baseline', baseline);
  printRatio('POST /api/s/:token/responses (retry)', duplicate, 'baseline', baseline);
} finally {
  await close();
}
