// Request shapes of /api/projects: a project's own fields, a new project with its first goals, enablers and
// primary behaviours, the order of its items, and the list's query.
import { z } from 'zod';
import { projectStatuses } from '../../db/schema';
import { ids, longText, shortText, somethingToChange, title } from './common';
import { version } from './versions';

export const projectBody = z.strictObject({
  name: title,
  purpose: longText.optional(),
  /** English side of the name and purpose staff read; empty = the English survey shows the Danish text. */
  nameEn: shortText.optional(),
  purposeEn: longText.optional(),
  projectLead: shortText.optional(),
  status: z.enum(projectStatuses).optional(),
  /** Minimal important difference for adoption, in percentage points. */
  mid: z.number().min(1).max(50).optional(),
});
export type ProjectInput = z.infer<typeof projectBody>;

export const projectPatchBody = somethingToChange(projectBody.partial().extend({ version }));
export type ProjectPatch = z.infer<typeof projectPatchBody>;

/** On creation the secretariat may declare goals, enablers and the primary behaviour(s) up front. */
export const newProjectBody = projectBody.extend({
  goals: z.array(title).max(50).optional(),
  enablers: z.array(title).max(50).optional(),
  primaryBehaviours: z.array(title).max(20).optional(),
});
export type NewProjectInput = z.infer<typeof newProjectBody>;

/** Drag-and-drop order: each list given is the new order of those items. */
export const projectOrderBody = z.strictObject({ goalIds: ids.optional(), enablerIds: ids.optional(), benefitIds: ids.optional(), behaviourIds: ids.optional() });
export type ProjectOrder = z.infer<typeof projectOrderBody>;

export const projectListQuery = z.object({ includeArchived: z.enum(['true', 'false']).default('false') });
export type ProjectListQuery = z.infer<typeof projectListQuery>;
