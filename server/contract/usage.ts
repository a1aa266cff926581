// Request shapes of system usage figures (systemdata): the CSV import for one behaviour (JSON { csv } or the raw
// file as text/csv), and the parameters of the list and delete routes.
import { z } from 'zod';

export const usageImportJsonBody = z.strictObject({ csv: z.string().min(1, 'Choose a file') });
export type UsageImportJsonInput = z.infer<typeof usageImportJsonBody>;
