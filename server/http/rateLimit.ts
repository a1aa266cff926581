// Fixed-window rate limits that cannot be turned against the people they protect. The counts live behind the
// HitCounter interface (createApp keeps them in the database, so every instance counts together). Every key is
// an HMAC of what it counts — a client's network address, an account's e-mail, a link's token — so a key is 40
// characters whatever the request held, and no address or e-mail is stored. See docs/security.md.
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { LONGEST_WINDOW_MS, type HitCounter } from '../services/hitCounters';

export interface LimitRule {
  name: string;
  max: number;
  windowMs: number;
  /** What is counted (already hashed with limitKey); undefined skips the limit for this request. */
  key: (c: Context<AppEnv>) => string | undefined | Promise<string | undefined>;
  /** Which answers count against the budget; every attempt by default. An attempt is counted before the
   *  route runs (so a burst in parallel cannot overshoot) and given back when its answer does not count. */
  counts?: (status: number) => boolean;
}

/** Per process unless RATE_LIMIT_KEY sets one (several instances must share it to count a client together). */
const processKey = randomBytes(32);

/** A fixed-length key for a rule: the HMAC of its parts, so nothing readable (address, e-mail, token) is stored. */
export function limitKey(c: Context<AppEnv>, ...parts: string[]): string {
  const secret = c.get('config').rateLimitKey ?? processKey;
  const input = parts.join('\0');
  let keys = computedKeys.get(secret);
  if (!keys) computedKeys.set(secret, (keys = new Map<string, string>()));
  let key = keys.get(input);
  if (key === undefined) {
    key = createHmac('sha256', secret).update(input).digest('base64url').slice(0, 32);
    if (keys.size >= COMPUTED_KEYS_MAX) keys.delete(keys.keys().next().value!);
    keys.set(input, key);
  }
  return key;
}

/** Keys computed lately, per secret: the same link token and client network come with every submission, and
 *  an HMAC each time was a few per cent of one (bench/ingest.bench.ts). In memory only, and bounded (oldest
 *  first out), like the request itself. */
const computedKeys = new Map<string | Buffer, Map<string, string>>();
const COMPUTED_KEYS_MAX = 10_000;

/** The network a request comes from: the socket's peer, or with TRUST_PROXY=n the address the outermost of n
 *  trusted proxies saw (X-Forwarded-For, right to left, so a client cannot choose it). An IPv6 client is its /64,
 *  as one home or phone holds a whole /64. */
export function clientNetwork(c: Context<AppEnv>): string {
  const hops = c.get('config').trustProxy;
  if (hops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const seen = chain[chain.length - hops] ?? chain[0];
    if (seen) return networkOf(seen);
  }
  const env = c.env as { incoming?: Socketed; server?: { incoming?: Socketed } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? env?.server?.incoming?.socket?.remoteAddress;
  return peer ? networkOf(peer) : 'unknown';
}
interface Socketed {
  socket?: { remoteAddress?: string };
}

export function networkOf(address: string): string {
  const a = address.replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const kind = isIP(a);
  if (kind === 4) return a;
  if (kind !== 6) return 'invalid';
  const [head, tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The rule's check as a middleware: 429 with Retry-After once the key's budget in this window is spent. */
export const rateLimit = (counter: HitCounter, rule: LimitRule) => {
  if (rule.windowMs > LONGEST_WINDOW_MS) throw new Error(`Rate limit ${rule.name}: windows longer than ${LONGEST_WINDOW_MS} ms are pruned early`);
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = await rule.key(c);
    if (key === undefined) return next();
    const counted = `${rule.name}:${key}`;
    const now = c.get('clock').now().getTime();
    if ((await counter.hit(counted, rule.windowMs, now)) > rule.max) tooMany(c, rule.windowMs);
    await next();
    if (rule.counts && !rule.counts(c.res.status)) await counter.hit(counted, rule.windowMs, now, -1);
  });
};

/** A budget of things that happened (an answer stored): read before the route, counted after it succeeded. */
export interface OutcomeRule {
  name: string;
  windowMs: number;
  /** The budget; called only once the count reaches `floor`, so a costly lookup (a unit's headcount) is rare. */
  max: (c: Context<AppEnv>) => number | Promise<number>;
  floor: number;
  key: (c: Context<AppEnv>) => string | undefined;
  counts: (status: number) => boolean;
}

export const outcomeLimit = (counter: HitCounter, rule: OutcomeRule) => {
  if (rule.windowMs > LONGEST_WINDOW_MS) throw new Error(`Rate limit ${rule.name}: windows longer than ${LONGEST_WINDOW_MS} ms are pruned early`);
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = rule.key(c);
    if (key === undefined) return next();
    const counted = `${rule.name}:${key}`;
    const now = c.get('clock').now().getTime();
    const soFar = await counter.hit(counted, rule.windowMs, now, 0);
    if (soFar >= rule.floor && soFar >= (await rule.max(c))) tooMany(c, rule.windowMs);
    await next();
    if (rule.counts(c.res.status)) await counter.hit(counted, rule.windowMs, now);
  });
};

export function tooMany(c: Context, windowMs: number): never {
  c.header('Retry-After', String(Math.ceil(windowMs / 1000)));
  throw new ApiError(429, 'too_many_requests', 'Too many attempts; wait a little and try again');
}
