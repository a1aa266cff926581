// Structured logs that a data-protection officer can accept: one line per request and per error, to stdout.
// A line holds only what operations need — time, method, the route *pattern* (/api/s/:token/responses, never the
// token), status, duration and a random request id. Never e-mails, tokens, IPs, user agents, query strings, bodies,
// cookies, or error messages (a database error's message can quote submitted values): errors keep their name,
// code and stack frames only.
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { z } from 'zod';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export type LogFormat = 'json' | 'pretty';
type Fields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** The same logger with `fields` on every line (the tenant's id, say). */
  child(fields: Fields): Logger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where a finished line goes; stdout by default. */
  write?: (line: string) => void;
  fields?: Fields;
}

/**
 * stdout, one write per turn of the event loop: stdout to a pipe (a container's log, journald, the bench) is a
 * synchronous write, and one per request line was a few per cent of a submission's CPU (bench/README.md). The
 * lines of the turn go out together, in order; the ones left when the process exits are written before it ends.
 */
function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    process.stdout.write(text);
  };
  process.once('exit', () => {
    if (pending.length) writeSync(1, pending.join(''));
    pending = [];
  });
  return (line) => {
    if (pending.push(`${line}\n`) === 1) setImmediate(flush);
  };
}
let stdoutWriter: ((line: string) => void) | undefined;
const writeStdout = (line: string) => (stdoutWriter ??= batchedStdout())(line);

export function createLogger({ level = 'info', format = 'json', write = writeStdout, fields = {} }: LoggerOptions = {}): Logger {
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, extra?: Fields) => {
    if (rank[lvl] < rank[level]) return;
    const entry = { time: new Date().toISOString(), level: lvl, msg, ...fields, ...extra };
    write(format === 'json' ? JSON.stringify(entry) : pretty(entry));
  };
  return {
    level,
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (more) => createLogger({ level, format, write, fields: { ...fields, ...more } }),
  };
}

/** For a person at a terminal: `10:13:06.123 INFO  request POST /api/health 200 1.2ms id=…`. */
function pretty({ time, level, msg, ...rest }: Fields & { time: string; level: string; msg: string }) {
  const { method, route, status, ms, requestId, error, ...other } = rest;
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const head = [time.slice(11, 23), level.toUpperCase().padEnd(5), msg];
  if (method) head.push(text(method), text(route), text(status), `${text(ms)}ms`);
  if (requestId) head.push(`id=${text(requestId)}`);
  for (const [k, v] of Object.entries(other)) head.push(`${k}=${text(v)}`);
  const err = error as ReturnType<typeof errorFields>['error'] | undefined;
  return err ? `${head.join(' ')}\n  ${err.name}${err.code ? ` (${err.code})` : ''}\n${err.stack.map((f) => `    ${f}`).join('\n')}` : head.join(' ');
}

const envSchema = z.object({
  LOG_LEVEL: z.enum(logLevels).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

/**
 * LOG_LEVEL (debug | info | warn | error | silent; info by default) and LOG_FORMAT (json | pretty). The format is
 * JSON unless stdout is a terminal outside production, where one readable line per request is easier on the eyes.
 */
export function loggerFromEnv(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): Logger {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  const format = parsed.data.LOG_FORMAT ?? (isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  return createLogger({ level: parsed.data.LOG_LEVEL ?? 'info', format });
}

/** What createApp logs when given no logger (the tests): unhandled errors only, so a failing test still shows them. */
export const errorsOnlyLogger = createLogger({ level: 'error', format: 'pretty', write: (line) => console.error(line) });

const STACK_FRAME = /^\s+at /;
/** Error codes are short constants (SQLITE_BUSY, 23505, ERR_…); anything else could carry a value. */
const SAFE_CODE = /^[A-Z0-9_]{1,40}$/;

/** An error as a log may hold it: name, code and stack frames of it and its causes, never a message. */
export function errorFields(err: unknown): { error: { name: string; code?: string; stack: string[]; cause?: { name: string; code?: string }[] } } {
  if (!(err instanceof Error)) return { error: { name: typeof err, stack: [] } };
  const code = (e: unknown) => {
    const c = (e as { code?: unknown }).code;
    return typeof c === 'string' && SAFE_CODE.test(c) ? c : typeof c === 'number' ? String(c) : undefined;
  };
  const cause: { name: string; code?: string }[] = [];
  for (let e = err.cause, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) cause.push({ name: e.name, code: code(e) });
  // The stack's first lines are "Name: message" (the message can span lines): only the frames are kept.
  const stack = (err.stack ?? '').split('\n').filter((l) => STACK_FRAME.test(l)).map((l) => l.trim()).slice(0, 20);
  return { error: { name: err.name, code: code(err), stack, ...(cause.length ? { cause } : {}) } };
}

const requestIds = new WeakMap<Context, string>();
/** The id the request log gave this request (for the error line of the same request). */
export const requestIdOf = (c: Context) => requestIds.get(c);

/**
 * One line per request after it is answered. The route is the pattern Hono matched (the handler that answered, or
 * the middleware that refused): a staff link's token or a short code never reaches the log. The request id is
 * random and also sent back as X-Request-Id, so a user's report can be found without logging who they are.
 */
export function requestLogging(log: Logger, skip?: (c: Context) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (skip?.(c)) return next();
    const started = performance.now();
    const requestId = randomUUID();
    requestIds.set(c, requestId);
    // Set before the response exists, so it is part of the response the route builds; set after, Hono would
    // copy the whole response to add one header.
    c.header('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      if (c.res.headers.get('X-Request-Id') !== requestId) c.header('X-Request-Id', requestId);
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const status = c.res.status;
      const fields = { method: c.req.method, route: routePath(c) || 'unmatched', status, ms, requestId };
      if (status >= 500) log.warn('request', fields);
      else log.info('request', fields);
    }
  };
}
