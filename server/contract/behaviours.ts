// Request shapes of behaviours (ny adfærd): a new behaviour, and a change to one.
import { z } from 'zod';
import { ids, longText, shortText, somethingToChange, title } from './common';
import { version } from './versions';

export const behaviourBody = z.strictObject({
  title,
  description: longText.optional(),
  targetGroup: shortText.optional(),
  situation: longText.optional(),
  expectedFrequency: shortText.optional(),
  oldBehaviour: longText.optional(),
  /** The behaviour inside a question, in the perfect participle ("læst beboernes status …"); empty = suggested from the title. */
  questionText: shortText.optional(),
  /** English side of what staff read; empty = the English survey shows the Danish text (and the editor says so). */
  titleEn: shortText.optional(),
  descriptionEn: longText.optional(),
  oldBehaviourEn: longText.optional(),
  questionTextEn: shortText.optional(),
  situationEn: longText.optional(),
  isPrimary: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  benefitIds: ids.optional(),
  enablerIds: ids.optional(),
  /** Units it applies to; empty means all of the project's units. */
  unitIds: ids.optional(),
  /** Name and unit of the system usage figure imported for it, e.g. "Journalnotater pr. vagt" (usage.ts). */
  usageMeasure: shortText.optional(),
});
export type BehaviourInput = z.infer<typeof behaviourBody>;

export const behaviourPatchBody = somethingToChange(behaviourBody.partial().extend({ version }));
export type BehaviourPatch = z.infer<typeof behaviourPatchBody>;
