// Input shapes of a project's rollouts (which units go live when).
import { z } from 'zod';
import { isoDay } from '../common.schemas';

export const rolloutBody = z.object({ goLiveDate: isoDay.nullable() });
export type RolloutBody = z.infer<typeof rolloutBody>;
