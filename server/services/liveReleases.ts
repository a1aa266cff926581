// Live results are released as snapshots: answers not yet shown become visible together, and only as a block
// the disclosure policy accepts (at least k respondents, every question 0 or ≥ k new answers), so that no two
// views during a wave differ by fewer than k answers.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { serialize, type Db } from '../../db/client';
import { responses, waves } from '../../db/schema';
import { releaseTallies, unreleasedBlock } from './answerCounts';
import type { DisclosurePolicy } from './disclosure';

/** The lock a release holds; a submission to a wave that releases takes it before it writes its tallies. */
export const releaseLock = (waveId: number) => `release:${waveId}`;

/** Releases the wave's unreleased answers when they form an acceptable block; call inside transaction(). */
export async function releaseIfReady(tx: Db, waveId: number, policy: DisclosurePolicy): Promise<boolean> {
  if (!policy.rules.releasesOverTime) return false;
  // Two submissions racing on PostgreSQL must not each release a block the other completes.
  await serialize(tx, releaseLock(waveId));
  // The block as the unreleased tallies count it (kept with the answers, so no scan of the wave's answers).
  const block = await unreleasedBlock(tx, waveId);
  if (block.respondents < policy.k) return false;
  if (!policy.releasable(block)) return false;
  const [wave] = await tx.update(waves).set({ releases: sql`${waves.releases} + 1` }).where(eq(waves.id, waveId)).returning({ releases: waves.releases });
  await tx.update(responses).set({ releasedIn: wave.releases }).where(and(eq(responses.waveId, waveId), isNull(responses.releasedIn)));
  // The tallies follow exactly the responses just marked, in the same transaction.
  await releaseTallies(tx, waveId, wave.releases);
  return true;
}
