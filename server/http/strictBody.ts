// Bodies are read strictly before any route sees them: a JSON body must be valid UTF-8 without lone surrogates
// (raw or as \ud800 escapes), parse (400 invalid_json, never {}), and nest at most MAX_DEPTH deep; a route that
// takes no body refuses one (anything but empty or {}), so junk is never silently accepted.
import { createMiddleware } from 'hono/factory';
import { uniqueSymbol } from 'hono-openapi';
import { findTargetHandler } from 'hono/utils/handler';
import { ApiError } from './errors';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** Does one of the matched handlers read a body (a json validator, or a documented request body)? */
function takesBody(routes: readonly { handler: unknown }[]) {
  return routes.some(({ handler }) => {
    const meta = (findTargetHandler(handler as never) as unknown as Record<symbol, { target?: string; spec?: { requestBody?: unknown } } | undefined>)[uniqueSymbol];
    return meta?.target === 'json' || meta?.spec?.requestBody !== undefined;
  });
}

/** Walks without recursion: lone surrogates in any string or key, and the nesting depth. */
function checkParsed(value: unknown) {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!wellFormed(v)) throw new ApiError(400, 'invalid_text', 'The body holds a lone surrogate (invalid Unicode)');
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_DEPTH) throw new ApiError(400, 'too_deep', `The body nests deeper than ${MAX_DEPTH} levels`);
      for (const [k, child] of Object.entries(v)) {
        if (!wellFormed(k)) throw new ApiError(400, 'invalid_text', 'The body holds a lone surrogate (invalid Unicode)');
        stack.push([child, depth + 1]);
      }
    }
  }
}

export const strictBody = createMiddleware(async (c, next) => {
  if (!WRITES.has(c.req.method)) return next();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const isJson = JSON_TYPE.test(c.req.header('content-type') ?? '');
  if (!takesBody(c.req.matchedRoutes)) {
    const text = new TextDecoder().decode(bytes).replace(/\s/g, '');
    if (text !== '' && !(isJson && text === '{}')) throw new ApiError(400, 'unexpected_body', 'This action takes no request body');
    return next();
  }
  if (!isJson) return next();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_utf8', 'The body is not valid UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON');
  }
  checkParsed(parsed);
  // The route's validator reads the body again as text (c.req.json()): hand it the text decoded here, or Hono
  // would build a Response from the cached bytes to decode them a second time.
  // (Hono keeps the pending read, a promise, in bodyCache, whatever its type says.)
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
  await next();
});
