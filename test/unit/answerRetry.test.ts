// The answer page's retry rule (client/answer/submission.ts): a busy server's 503 is sent again after the wait
// it asked for (Retry-After), other server trouble after a growing backoff, and what would fail again is not.
import { describe, expect, it } from 'vitest';
import { retryable, retryDelayMs } from '../../client/answer/submission';

describe('retrying a submission', () => {
  it('retries no connection, server trouble, busy, rate limit and timeout, not refusals', () => {
    for (const status of [0, 500, 503, 429, 408]) expect(retryable({ status })).toBe(true);
    for (const status of [400, 404, 409, 410, 413]) expect(retryable({ status })).toBe(false);
  });

  it('waits what Retry-After asks, at least a second, and backs off when the server did not say', () => {
    expect(retryDelayMs(0, 5)).toBe(5_000);
    expect(retryDelayMs(3, 1)).toBe(1_000);
    expect(retryDelayMs(0, 0)).toBe(1_000);
    expect(retryDelayMs(0, 10_000)).toBe(60_000);
    expect([0, 1, 2, 3, 10].map((a) => retryDelayMs(a))).toEqual([2_000, 4_000, 8_000, 16_000, 30_000]);
  });
});
