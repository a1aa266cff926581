// The request body's size limit (413 payload_too_large). A declared Content-Length is checked from the header
// alone; only a body without one (chunked) goes through hono's bodyLimit, which counts the bytes as they stream.
// hono's bodyLimit on every request read `c.req.raw.body`, which makes @hono/node-server build a full web
// Request with a ReadableStream for each submission instead of reading the socket directly (its fast path):
// about a tenth of a submission's CPU under load (bench/ingest.bench.ts).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorJson } from './errors';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function limitBodySize(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) => errorJson(c, 413, 'payload_too_large', 'The request body is too large');
  const streaming = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (!WITH_BODY.has(c.req.method)) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      // Node's HTTP parser already refuses a malformed Content-Length; this is for other servers in front.
      if (!/^\d+$/.test(declared)) return errorJson(c, 400, 'bad_request', 'Content-Length is not a number');
      return Number(declared) > maxSize ? tooLarge(c) : next();
    }
    return streaming(c, next);
  };
}
