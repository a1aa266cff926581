// Request shapes of action plans (handlinger): what a unit's leader does against the barrier the survey points to,
// for one unit and one behaviour of a project. The unit and behaviour are fixed once recorded (a new pair is a new
// action); everything else may change, from the version the edit started from.
import { z } from 'zod';
import { actionStatuses, actionTypes } from '../../db/schema';
import { isoDay, multiLine, requiredName, singleLine, somethingToChange } from './common';
import { version } from './versions';

/** Calendar days an action may name: a typo such as 0202 or 20266 is refused, not stored. */
const actionDay = isoDay.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Use a date between 2000 and 2100');

const actionFields = {
  /** capability: train; opportunity: free time or tools; motivation: explain the why; other. */
  type: z.enum(actionTypes),
  title: requiredName(200),
  /** Who does it, in free text (a name or a role: "Teamleder Anna"). */
  owner: singleLine(200).optional(),
  dueDate: actionDay.nullable().optional(),
  status: z.enum(actionStatuses).optional(),
  note: multiLine(2000).optional(),
  /** The day it was done; left out, marking it done records today (Europe/Copenhagen). */
  doneOn: actionDay.nullable().optional(),
};

export const actionBody = z.strictObject({
  unitId: z.number().int().positive(),
  behaviourId: z.number().int().positive(),
  ...actionFields,
});
export type ActionInput = z.infer<typeof actionBody>;

export const actionPatchBody = somethingToChange(z.strictObject({ ...actionFields, type: actionFields.type.optional(), title: actionFields.title.optional(), version }));
export type ActionPatch = z.infer<typeof actionPatchBody>;

/** Narrows a project's action list to one unit and/or behaviour (the action plan page's ?unit=&behaviour=). */
export const actionListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  behaviourId: z.coerce.number().int().positive().optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuery>;
