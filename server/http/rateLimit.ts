// Simple fixed-window rate limits (login guessing, floods on a public link). The counter is an interface so
// several app instances can later share one store; the default keeps counts in this process.
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export interface HitCounter {
  /** Counts one hit for key in the current window and returns the count so far. */
  hit(key: string, windowMs: number, now: number): number;
}

export class MemoryHitCounter implements HitCounter {
  private windows = new Map<string, { start: number; count: number }>();

  hit(key: string, windowMs: number, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (this.windows.size > 10_000) this.prune(windowMs, now);
      this.windows.set(key, { start: now, count: 1 });
      return 1;
    }
    w.count += 1;
    return w.count;
  }

  private prune(windowMs: number, now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}

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
    if (key !== undefined && counter.hit(`${rule.name}:${key}`, rule.windowMs, Date.now()) > rule.max) {
      c.header('Retry-After', String(Math.ceil(rule.windowMs / 1000)));
      throw new ApiError(429, 'too_many_requests', 'Too many attempts; wait a little and try again');
    }
    await next();
  });
