// Request shapes of a project's rollouts: a unit's go-live date (null = not planned yet).
import { z } from 'zod';
import { isoDay } from './common';

export const rolloutBody = z.strictObject({ goLiveDate: isoDay.nullable() });
export type RolloutInput = z.infer<typeof rolloutBody>;
