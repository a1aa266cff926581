// server/contract/ is the one place request shapes are defined: each module holds a resource's zod schemas and
// their inferred types. Routes validate with the schemas, services take the inferred types (import type), and the
// client gets them through hc<App>. Enum lists come from db/schema.ts, so a request cannot name a value the table lacks.
//
// This module: input shapes shared by several resources. Texts are trimmed; dates are calendar days (YYYY-MM-DD).
import { z } from 'zod';
import { surveyPhases } from '../../db/schema';

// Texts people type are stored as NFC (the same word always compares and sorts the same) and refuse what can
// make a name look like another or break a line where none is expected: control characters (NUL, CR/LF in a
// one-line name), bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width characters
// (U+200B–U+200D, U+2060, U+FEFF). Lone surrogates never reach here (server/http/strictBody.ts refuses them).
const BIDI_OR_ZERO_WIDTH = /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as CONTROL, but a line break or tab is allowed
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const invisible = { message: 'Contains an invisible or direction-changing character (bidi override, zero-width)' };

/** A one-line name or title: trimmed, NFC, no control, bidi or zero-width characters. */
export const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'Must be one line without control characters' })
    .refine((s) => !BIDI_OR_ZERO_WIDTH.test(s), invisible);
/** A text that may span lines (descriptions): CRLF becomes LF; other control, bidi and zero-width characters refused. */
export const multiLine = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .trim()
        .normalize('NFC')
        .max(max)
        .refine((s) => !CONTROL_BUT_LINES.test(s), { message: 'Contains a control character' })
        .refine((s) => !BIDI_OR_ZERO_WIDTH.test(s), invisible),
    );
/** A required one-line name. */
export const requiredName = (max: number) => singleLine(max).refine((s) => s.length > 0, { message: 'Required' });

export const title = requiredName(300);
export const longText = multiLine(5000);
export const shortText = singleLine(300);

/** A PATCH body must change something: besides the version it starts from, at least one field (else 400, not a
 *  no-op or a 500 from an empty UPDATE). Wrap every PATCH body schema in it. */
export const somethingToChange = <T extends z.ZodType<Record<string, unknown>>>(schema: T) =>
  schema.refine((body) => Object.entries(body).some(([k, v]) => k !== 'version' && v !== undefined), { message: 'Nothing to change: send at least one field' });
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date');
export const ids = z.array(z.number().int().positive()).max(500);
export const phase = z.enum(surveyPhases);
/** A KPI value: a benefit's baseline and target, and each measurement of it. */
export const kpiValue = z.number().min(-1e12).max(1e12);
