// Request shapes of the staff side (/api/s/:token): the link token and one anonymous response.
import { z } from 'zod';
import { locales } from '../../db/schema';

export const tokenParam = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Not a survey link') });
export type TokenParam = z.infer<typeof tokenParam>;

export const responseBody = z.strictObject({
  /** Random id chosen by the client so a network retry is not counted twice. Lower case, as stored: a UUID in
   *  capitals is the same id, and must not count as a second answer. */
  submissionId: z
    .string()
    .uuid()
    .transform((s) => s.toLowerCase()),
  // A "__proto__" key (own property after JSON.parse) is refused outright; copying would silently drop it.
  answers: z
    .unknown()
    .refine((v) => !(v && typeof v === 'object' && Object.hasOwn(v, '__proto__')), 'Not a question name: __proto__')
    .pipe(z.record(z.string().max(200), z.unknown())),
  locale: z.enum(locales).default('da'),
});
/** A response as validated: the locale is filled in ('da' when the client sent none). */
export type ResponseInput = z.infer<typeof responseBody>;
