// Simple fixed-window rate limits (login guessing, floods on a public link). The counts live behind the
// HitCounter interface; createApp keeps them in the database so every instance counts together.
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import type { HitCounter } from '../services/hitCounters';

export interface LimitRule {
  name: string;
  max: number;
  windowMs: number;
  /** What is counted; undefined skips the limit for this request. */
  key: (c: Context<AppEnv>) => string | undefined | Promise<string | undefined>;
}

export const rateLimit = (counter: HitCounter, rule: LimitRule) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = await rule.key(c);
    if (key !== undefined && (await counter.hit(`${rule.name}:${key}`, rule.windowMs, c.var.clock.now().getTime())) > rule.max) {
      c.header('Retry-After', String(Math.ceil(rule.windowMs / 1000)));
      throw new ApiError(429, 'too_many_requests', 'Too many attempts; wait a little and try again');
    }
    await next();
  });
