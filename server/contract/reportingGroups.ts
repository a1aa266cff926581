// Request shapes of reporting groups (rapporteringsgrupper): small units of a project combined under one name.
// A group needs at least one unit; a group whose headcount stays under the anonymity threshold is allowed, but
// the answer carries a warning (the report would still hide it).
import { z } from 'zod';
import { ids, requiredName, somethingToChange } from './common';
import { version } from './versions';

/** Group names are shown as a row label in the report, so they are kept short. */
export const GROUP_NAME_MAX = 120;

export const groupName = requiredName(GROUP_NAME_MAX);
const groupUnitIds = ids.min(1, 'Choose at least one unit').refine((xs) => new Set(xs).size === xs.length, 'A unit is listed twice');

export const reportingGroupBody = z.strictObject({ name: groupName, unitIds: groupUnitIds });
export type ReportingGroupInput = z.infer<typeof reportingGroupBody>;

/** Either field may be left out; unitIds, when given, replaces the members. */
export const reportingGroupPatchBody = somethingToChange(z.strictObject({ name: groupName.optional(), unitIds: groupUnitIds.optional(), version }));
export type ReportingGroupPatch = z.infer<typeof reportingGroupPatchBody>;
