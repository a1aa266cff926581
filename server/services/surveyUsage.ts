// Which behaviours and benefits a stored survey version measures. Those must survive (archived, never
// deleted), or the answers given to that version would lose what they were about.
import { asc, eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client';
import { surveyVersions } from '../../db/schema';
import type { ItemMap } from '../../surveys/types';

export interface SurveyReferences {
  behaviourIds: Set<number>;
  benefitIds: Set<number>;
}

export async function surveyReferences(db: DbLike, projectId: number): Promise<SurveyReferences> {
  const refs: SurveyReferences = { behaviourIds: new Set(), benefitIds: new Set() };
  const versions = await db.select({ itemMap: surveyVersions.itemMap }).from(surveyVersions).where(eq(surveyVersions.projectId, projectId)).orderBy(asc(surveyVersions.id));
  for (const v of versions) {
    for (const item of (v.itemMap as ItemMap | null)?.items ?? []) {
      if (item.behaviourId != null) refs.behaviourIds.add(item.behaviourId);
      if (item.benefitId != null) refs.benefitIds.add(item.benefitId);
    }
  }
  return refs;
}

/** Why deleting would archive instead: what the UI shows before the user confirms. */
export type ArchiveReason = 'used_by_survey' | 'has_measurements';
