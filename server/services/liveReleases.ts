// Live results are released as snapshots: answers not yet shown become visible together, and only as a block
// the disclosure policy accepts (at least k respondents, every question 0 or ≥ k new answers), so that no two
// views during a wave differ by fewer than k answers.
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { serialize, type Db } from '../../db/client';
import { responses, responseValues, waves } from '../../db/schema';
import type { DisclosurePolicy } from './disclosure';

/** Releases the wave's unreleased answers when they form an acceptable block; call inside transaction(). */
export async function releaseIfReady(tx: Db, waveId: number, policy: DisclosurePolicy): Promise<boolean> {
  if (!policy.rules.releasesOverTime) return false;
  // Two submissions racing on PostgreSQL must not each release a block the other completes.
  await serialize(tx, `release:${waveId}`);
  const unreleased = and(eq(responses.waveId, waveId), isNull(responses.releasedIn));
  const [{ respondents }] = await tx.select({ respondents: count() }).from(responses).where(unreleased);
  if (respondents < policy.k) return false;
  const items = await tx
    .select({ answered: count(), substantive: sql<number>`sum(case when ${responseValues.valueNum} <> 0 then 1 else 0 end)`.mapWith(Number) })
    .from(responseValues)
    .innerJoin(responses, eq(responses.id, responseValues.responseId))
    .where(and(unreleased, isNotNull(responseValues.valueNum)))
    .groupBy(responseValues.itemKey);
  if (!policy.releasable({ respondents, items })) return false;
  const [wave] = await tx.update(waves).set({ releases: sql`${waves.releases} + 1` }).where(eq(waves.id, waveId)).returning({ releases: waves.releases });
  await tx.update(responses).set({ releasedIn: wave.releases }).where(unreleased);
  return true;
}
