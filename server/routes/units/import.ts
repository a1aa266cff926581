// The HR/org CSV import's request: either JSON { csv, headcountDate? } or the raw file body (text/csv; UTF-8, or
// Windows-1252 from older Excel) with ?headcountDate= in the query.
import type { Context } from 'hono';
import { resolver } from 'hono-openapi';
import type { z } from 'zod';
import { importJsonBody, importOptions, type ImportOptions } from '../../contract/units';
import type { AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { zodDetails } from '../../http/validate';
import { decodeCsv } from '../../services/unitCsv';

export async function readImport(c: Context<AppEnv>): Promise<{ csv: string; options: ImportOptions }> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const check = <T,>(parsed: z.ZodSafeParseResult<T>) => {
    if (!parsed.success) throw new ApiError(400, 'invalid_input', 'Invalid import request', zodDetails(parsed.error.issues));
    return parsed.data;
  };
  if (mediaType === 'application/json') {
    const body: unknown = await c.req.json().catch(() => {
      throw new ApiError(400, 'bad_request', 'Malformed JSON in request body');
    });
    const { csv, ...rest } = check(importJsonBody.safeParse(body));
    return { csv, options: rest };
  }
  if (mediaType === 'text/csv' || mediaType === 'text/plain' || mediaType === 'application/octet-stream') {
    const { text } = decodeCsv(await c.req.arrayBuffer());
    return { csv: text, options: check(importOptions.safeParse({ headcountDate: c.req.query('headcountDate') })) };
  }
  throw new ApiError(415, 'unsupported_media_type', 'Send the file as text/csv, or as JSON { csv }');
}

/** The import's two request forms, for /api/openapi.json (the route reads the body itself, so no validator shows it). */
export const importRequestDoc = {
  requestBody: {
    required: true,
    content: {
      'application/json': { schema: resolver(importJsonBody) },
      'text/csv': { schema: { type: 'string' as const, description: 'The file itself (UTF-8, or Windows-1252); ?headcountDate=YYYY-MM-DD in the query' } },
    },
  },
};
