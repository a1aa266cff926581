// Input shapes of behaviours (ny adfærd).
import { z } from 'zod';
import { ids, longText, shortText, title } from '../common.schemas';

export const behaviourBody = z.object({
  title,
  description: longText.optional(),
  targetGroup: shortText.optional(),
  situation: longText.optional(),
  expectedFrequency: shortText.optional(),
  oldBehaviour: longText.optional(),
  isPrimary: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  benefitIds: ids.optional(),
  enablerIds: ids.optional(),
  unitIds: ids.optional(),
});
export type BehaviourBody = z.infer<typeof behaviourBody>;

export const behaviourPatchBody = behaviourBody.partial();
export type BehaviourPatchBody = z.infer<typeof behaviourPatchBody>;
