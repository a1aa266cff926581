// The API's rate limits (mounted by createApp). Each budget is of the client's own doing, so nobody can spend
// someone else's: login failures per client network, a staff link's stored answers sized from its unit, short-code
// misses per client. Decisions and their numbers: docs/security.md.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { loginBody } from '../contract/auth';
import { tokenParam } from '../contract/responses';
import { normaliseShortCode } from '../contract/waveLinks';
import type { HitCounter } from '../services/hitCounters';
import { linkHeadcount } from '../services/responses';
import type { AppEnv } from './env';
import { errorJson } from './errors';
import { clientNetwork, limitKey, outcomeLimit, rateLimit } from './rateLimit';

const MINUTE = 60_000;
/** Wrong passwords from one client network, whatever the account: then that network waits, nobody else. */
export const LOGIN_CLIENT_LIMIT = { max: 20, windowMs: 15 * MINUTE };
/** Wrong passwords for one account from anywhere: past this every answer for it comes a little later, the right
 *  password still works (a budget here must not lock the account). */
export const LOGIN_ACCOUNT_SLOWDOWN = { after: 10, windowMs: 15 * MINUTE, delayMs: 1000 };
/** Submissions that stored nothing (malformed, invalid, unknown link), per client network. */
export const SUBMIT_REFUSED_LIMIT = { max: 100, windowMs: 10 * MINUTE };
/** Stored answers per link and per client network on a link, sized from the unit's headcount: more than the
 *  unit's staff can give in 10 minutes means someone is filling it in, and one network alone cannot spend the
 *  link's budget (that needs three or more). */
export const SUBMIT_STORED = { windowMs: 10 * MINUTE, linkFloor: 60, linkPerHead: 3, clientFloor: 30, clientPerHead: 1 };
/** Short-code lookups that found no code, per client network: only the guessing network waits. */
export const CODE_MISS_LIMIT = { max: 100, windowMs: 10 * MINUTE };
/** A workshop's phones write from one room, usually over the workplace's one network: suggestions and votes per
 *  client network and workshop, enough for a large staff meeting, too few to flood the projector. */
export const WORKSHOP_WRITE_LIMIT = { max: 600, windowMs: 10 * MINUTE };
/** Workshop codes that found no workshop (GET or POST), per client network: only the guessing network waits. */
export const WORKSHOP_MISS_LIMIT = { max: 100, windowMs: 10 * MINUTE };
/** Public pages that compute the whole project report per read (a unit's feedback, the shared picture), per client
 *  network: a staff meeting opening the poster on one Wi-Fi is far below it, a loop reading it is not. */
export const PUBLIC_REPORT_LIMIT = { max: 300, windowMs: 10 * MINUTE };
/** The login body holds an e-mail and a password of at most 200 characters each. */
export const LOGIN_BODY_BYTES = 4 * 1024;

/** The unit's headcount per request: both budgets of a submission past their floors need it. */
const headcounts = new WeakMap<Context, Promise<number>>();

export interface LimitOptions {
  counter: HitCounter;
  /** Waits (the login slow-down); a test passes one that records instead. */
  sleep?: (ms: number) => Promise<void>;
}

export function rateLimits({ counter, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: LimitOptions) {
  const submitToken = (c: Context<AppEnv>) => {
    if (c.req.method !== 'POST') return undefined;
    const parsed = tokenParam.safeParse({ token: c.req.param('token') });
    return parsed.success ? parsed.data.token : undefined;
  };
  const headcountOf = (c: Context<AppEnv>) => {
    let headcount = headcounts.get(c);
    if (!headcount) headcounts.set(c, (headcount = linkHeadcount(c.get('db'), submitToken(c)!)));
    return headcount;
  };
  const stored = (status: number) => status === 201;
  const loginEmail = async (c: Context<AppEnv>) => {
    const parsed = loginBody.safeParse(await c.req.json().catch(() => null));
    return parsed.success ? parsed.data.email : undefined;
  };

  return (
    new Hono<AppEnv>()
      // The body is already read (strictBody, under the API's general limit): a login's must be small.
      .use(
        '/auth/login',
        createMiddleware<AppEnv>(async (c, next) => {
        if (c.req.method === 'POST' && (await c.req.arrayBuffer()).byteLength > LOGIN_BODY_BYTES) return errorJson(c, 413, 'payload_too_large', 'The request body is too large');
        await next();
      }),
      )
      .use(
        '/auth/login',
        rateLimit(counter, {
          name: 'login-client',
          ...LOGIN_CLIENT_LIMIT,
          key: (c) => (c.req.method === 'POST' ? limitKey(c, clientNetwork(c)) : undefined),
          counts: (status) => status === 401,
        }),
      )
      // Per account: counted after a wrong password, and only ever delays (both wrong and right passwords alike,
      // so the delay says nothing about the password).
      .use(
        '/auth/login',
        createMiddleware<AppEnv>(async (c, next) => {
        if (c.req.method !== 'POST') return next();
        const email = await loginEmail(c);
        if (email === undefined) return next();
        const key = `login-account:${limitKey(c, email)}`;
        const now = c.var.clock.now().getTime();
        const { after, windowMs, delayMs } = LOGIN_ACCOUNT_SLOWDOWN;
        if ((await counter.hit(key, windowMs, now, 0)) >= after) await sleep(delayMs);
        await next();
        if (c.res.status === 401) await counter.hit(key, windowMs, now);
      }),
      )
      .use(
        '/s/:token/responses',
        rateLimit(counter, {
          name: 'submit-refused',
          ...SUBMIT_REFUSED_LIMIT,
          key: (c) => (c.req.method === 'POST' ? limitKey(c, clientNetwork(c)) : undefined),
          counts: (status) => status >= 400,
        }),
      )
      .use(
        '/s/:token/responses',
        outcomeLimit(counter, {
          name: 'submit-link',
          windowMs: SUBMIT_STORED.windowMs,
          floor: SUBMIT_STORED.linkFloor,
          max: async (c) => Math.max(SUBMIT_STORED.linkFloor, SUBMIT_STORED.linkPerHead * (await headcountOf(c))),
          key: (c) => {
            const token = submitToken(c);
            return token && limitKey(c, token);
          },
          counts: stored,
        }),
      )
      .use(
        '/s/:token/responses',
        outcomeLimit(counter, {
          name: 'submit-client',
          windowMs: SUBMIT_STORED.windowMs,
          floor: SUBMIT_STORED.clientFloor,
          max: async (c) => Math.max(SUBMIT_STORED.clientFloor, SUBMIT_STORED.clientPerHead * (await headcountOf(c))),
          key: (c) => {
            const token = submitToken(c);
            return token && limitKey(c, token, clientNetwork(c));
          },
          counts: stored,
        }),
      )
      .use(
        '/w/:token/*',
        rateLimit(counter, {
          name: 'workshop-write',
          ...WORKSHOP_WRITE_LIMIT,
          key: (c) => (c.req.method === 'POST' ? limitKey(c, (c.req.param('token') ?? '').replace(/[\s-]+/g, '').toUpperCase(), clientNetwork(c)) : undefined),
        }),
      )
      // The phones poll every 3 seconds: a code found costs one read here, only a miss is counted.
      .use(
        '/w/*',
        outcomeLimit(counter, {
          name: 'workshop-miss',
          windowMs: WORKSHOP_MISS_LIMIT.windowMs,
          floor: WORKSHOP_MISS_LIMIT.max,
          max: () => WORKSHOP_MISS_LIMIT.max,
          key: (c) => limitKey(c, clientNetwork(c)),
          counts: (status) => status === 404,
        }),
      )
      .use(
        '/s/:token/feedback',
        rateLimit(counter, { name: 'public-report', ...PUBLIC_REPORT_LIMIT, key: (c) => (c.req.method === 'GET' ? limitKey(c, clientNetwork(c)) : undefined) }),
      )
      .use(
        '/p/:token',
        rateLimit(counter, { name: 'public-report', ...PUBLIC_REPORT_LIMIT, key: (c) => (c.req.method === 'GET' ? limitKey(c, clientNetwork(c)) : undefined) }),
      )
      .use(
        '/k/:code',
        rateLimit(counter, {
          name: 'code-miss',
          ...CODE_MISS_LIMIT,
          key: (c) => (normaliseShortCode(c.req.param('code') ?? '') ? limitKey(c, clientNetwork(c)) : undefined),
          counts: (status) => status === 404,
        }),
      )
  );
}
