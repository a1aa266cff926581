// Request shapes of a benefit's realisation status (issue 12): set by its owner, an editor of the project or the
// secretariat, with a reason and the next action; every change is kept in benefit_status_history.
import { z } from 'zod';
import { benefitStatuses } from '../../db/schema';
import { multiLine } from './common';
import { version } from './versions';

/** Long enough for a few sentences to a steering group; a longer text belongs in the project's own documents. */
export const STATUS_TEXT_MAX = 1000;

/** Statuses that must say why: a steering group acts on "i risiko" and "opgivet", so the reason is required. */
export const STATUSES_NEEDING_REASON = ['i_risiko', 'opgivet'] as const satisfies readonly (typeof benefitStatuses)[number][];

export const benefitStatusBody = z
  .strictObject({
    status: z.enum(benefitStatuses),
    reason: multiLine(STATUS_TEXT_MAX).optional(),
    nextAction: multiLine(STATUS_TEXT_MAX).optional(),
    version,
  })
  .superRefine((body, ctx) => {
    if ((STATUSES_NEEDING_REASON as readonly string[]).includes(body.status) && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why: a reason is required when the benefit is at risk or abandoned', params: { code: 'reason_required' } });
    }
  });
export type BenefitStatusInput = z.infer<typeof benefitStatusBody>;
