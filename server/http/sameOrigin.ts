// Writes must come from Gevinstspor's own pages. Hono's csrf() only looks at form-like content types, so a
// cross-site JSON or CSV write slipped through; this checks every write, whatever its body. A browser always
// says where a request comes from (Origin, and Sec-Fetch-Site in current browsers); a request that says
// nothing is not from a browser (a script of the municipality's BI team) and cannot carry a victim's cookie
// by accident, so it passes.
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOriginWrites = createMiddleware(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== new URL(c.req.url).origin);
    if (crossSite) throw new ApiError(403, 'forbidden_origin', "This request did not come from Gevinstspor's own pages");
  }
  await next();
});
