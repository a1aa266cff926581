// /api/units/import/{preview,commit} — the HR/org CSV import. The file comes either as JSON { csv, headcountDate? }
// or as the raw file body (text/csv; UTF-8, or Windows-1252 from older Excel) with ?headcountDate= in the query.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { zodDetails } from '../http/validate';
import { decodeCsv } from '../services/unitCsv';
import { commitUnitImport, previewUnitImport, type ImportOptions } from '../services/unitImport';
import { isoDay } from './schemas';

const options = z.object({ headcountDate: isoDay.nullable().optional() });
const jsonBody = options.extend({ csv: z.string().min(1, 'Choose a file') });

async function readImport(c: Context<AppEnv>): Promise<{ csv: string; options: ImportOptions }> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const check = <T,>(parsed: z.ZodSafeParseResult<T>) => {
    if (!parsed.success) throw new ApiError(400, 'invalid_input', 'Invalid import request', zodDetails(parsed.error.issues));
    return parsed.data;
  };
  if (mediaType === 'application/json') {
    const body = await c.req.json().catch(() => {
      throw new ApiError(400, 'bad_request', 'Malformed JSON in request body');
    });
    const { csv, ...rest } = check(jsonBody.safeParse(body));
    return { csv, options: rest };
  }
  if (mediaType === 'text/csv' || mediaType === 'text/plain' || mediaType === 'application/octet-stream') {
    const { text } = decodeCsv(await c.req.arrayBuffer());
    return { csv: text, options: check(options.safeParse({ headcountDate: c.req.query('headcountDate') })) };
  }
  throw new ApiError(415, 'unsupported_media_type', 'Send the file as text/csv, or as JSON { csv }');
}

export const unitImportRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .post('/preview', async (c) => {
    const { csv, options: opts } = await readImport(c);
    return c.json({ preview: previewUnitImport(c.var.db, csv, opts) });
  })
  .post('/commit', async (c) => {
    const { csv, options: opts } = await readImport(c);
    return c.json({ result: commitUnitImport(c.var.db, csv, opts) });
  });
