// Stopping cleanly (docker stop, systemd, Kubernetes, Ctrl-C): an answer a staff member is sending when the
// service stops is still stored and acknowledged, and nothing is half-written.
import type { Server } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { transaction, type Db } from '../db/client';
import type { Logger } from './http/logging';
import type { Lifecycle } from './http/probes';

/** SHUTDOWN_TIMEOUT_MS: how long open requests may take to finish; below Docker's 10 s before it kills. */
export function shutdownTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = z.coerce.number().int().min(100).max(10 * 60_000).default(8000).safeParse(env.SHUTDOWN_TIMEOUT_MS);
  if (!parsed.success) throw new Error(`Invalid environment:\n  SHUTDOWN_TIMEOUT_MS: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** While stopping, every answer closes its connection, so a keep-alive client cannot keep the server open. */
export const closeConnectionsWhileStopping = (lifecycle: Lifecycle): MiddlewareHandler => async (c, next) => {
  await next();
  if (lifecycle.stopping) c.header('Connection', 'close');
};

interface ShutdownOptions {
  server: Server;
  databases: readonly Db[];
  lifecycle: Lifecycle;
  log: Logger;
  timeoutMs: number;
  exit?: (code: number) => void;
}

/**
 * On the first SIGTERM or SIGINT: readiness turns 503, the server stops accepting connections and closes idle ones,
 * open requests finish (a submission gets its 201 only after the commit that holds it), SQLite's queued
 * transactions are flushed, the databases close, and the process exits 0. Past the timeout, or on a second signal,
 * it exits 1 at once; an answer cut off then was never acknowledged, so its sender retries with the same
 * submissionId and it is stored once.
 */
export function stopOnSignals({ server, databases, lifecycle, log, timeoutMs, exit = (code) => process.exit(code) }: ShutdownOptions) {
  const stop = (signal: NodeJS.Signals) => {
    if (lifecycle.stopping) {
      log.warn('shutdown_forced', { signal });
      exit(1);
      return;
    }
    lifecycle.stopping = true;
    const started = Date.now();
    log.info('shutdown_started', { signal, timeoutMs });
    setTimeout(() => {
      log.error('shutdown_timeout', { timeoutMs });
      server.closeAllConnections();
      exit(1);
    }, timeoutMs).unref();
    server.close(() => {
      void (async () => {
        for (const db of databases) {
          // The queue is FIFO: once an empty transaction has its turn, every one queued before it has committed.
          if (db.engine === 'sqlite') await transaction(db, async () => undefined).catch(() => undefined);
          await db.close().catch((e: unknown) => log.warn('database_close_failed', { error: e instanceof Error ? e.name : 'unknown' }));
        }
        log.info('shutdown_done', { ms: Date.now() - started });
        exit(0);
      })();
    });
    // Connections that sit idle between keep-alive requests would hold close() open until they time out.
    server.closeIdleConnections();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
}
