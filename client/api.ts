// The client's one way to the Gevinstspor API: Hono's typed client (hc<App>) over the server's own route types,
// plus a thin wrapper that keeps our behaviour — every failure becomes an ApiError carrying the server's code
// (pages show a translated message per code), 401 tells the staff app to show the login page, cookies are
// same-origin (HttpOnly session cookie). Only *types* come from the server: `import type` is erased by the
// build, so no server code (and none of its zod schemas) reaches the browser.
//
// This module is shared by the staff answer page and the staff app, so it holds only the wrapper, the public
// (answer page) calls and auth. The admin calls live in admin/api.ts, admin/workspace/api.ts, admin/users/api.ts
// and dashboard/api.ts.
import { hc, type ClientResponse, type InferRequestType, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { App } from '../server/app';

// ---------- errors ----------

/**
 * One field problem of a 400 answer: { path: "spec.customItems.0.text.da", code, message }. This is the error
 * envelope, not a route's answer: the server's error handler types `details` as unknown, and the validator's 400
 * variant is not reliably part of App (see ApiError.fieldProblems, which checks the shape at run time).
 */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds the server asked to wait before a retry (Retry-After on 503 / 429), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems from a 400 answer ({ path, code, message }[]), if the server sent them. */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details) ? (this.details as FieldProblem[]).filter((d) => d && typeof d.path === 'string') : [];
  }
}

/** Thrown when the server could not be reached at all (offline, DNS, aborted connection). */
export const isNetworkError = (e: unknown) => e instanceof ApiError && e.status === 0;

// ---------- the typed client ----------

/**
 * The client type, named once (Hono's documented pattern for apps with many routes). Within this one tsc program
 * it costs the same as hc<App> inline; it pays off if the type is ever emitted as a .d.ts by its own build.
 */
export type Client = ReturnType<typeof hc<App>>;
const hcWithType = (...args: Parameters<typeof hc>): Client => hc<App>(...args);

/** The JSON a route answers with on success (any 2xx), exactly as the server declares it. */
export type Ok<Endpoint> = InferResponseType<Endpoint, SuccessStatusCode>;
/** The JSON body a route accepts, exactly as the server's validator declares it. */
export type JsonBody<Endpoint> = InferRequestType<Endpoint> extends { json: infer J } ? J : never;

export const UNAUTHENTICATED_EVENT = 'gevinstspor:unauthenticated';

/** Routes whose 401 is an answer, not an expired session: the login form and the public survey links. */
const ownsItsUnauthenticated = (pathname: string) => pathname.startsWith('/api/auth/') || pathname.startsWith('/api/s/');

/** fetch for hc: JSON in, our error shape (or a proxy's) turned into ApiError, a 401 announced. */
async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  // A POST without a body still sends {} as JSON, as the client always has.
  if (method === 'POST' && init.body == null) {
    const headers = new Headers(init.headers);
    headers.set('Content-Type', 'application/json');
    init = { ...init, headers, body: '{}' };
  }
  let res: Response;
  try {
    res = await fetch(input, init);
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : 'Network error');
  }
  if (res.ok) return res;
  const data = await readJson(res);
  const url = typeof input === 'string' || input instanceof URL ? input : input.url;
  // A session that ran out: tell the staff app so it can show the login page.
  if (res.status === 401 && !ownsItsUnauthenticated(new URL(url, window.location.href).pathname)) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  const err = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const retryAfter = Number(res.headers.get('Retry-After') ?? NaN);
  if (err && typeof err.code === 'string') {
    throw new ApiError(res.status, err.code, typeof err.message === 'string' ? err.message : res.statusText, err.details, retryAfter >= 0 ? retryAfter : undefined);
  }
  // A proxy or gateway answered without our error shape.
  const code = res.status >= 500 ? 'internal' : res.status === 401 ? 'unauthenticated' : res.status === 404 ? 'not_found' : 'http_error';
  throw new ApiError(res.status, code, res.statusText || `HTTP ${res.status}`);
}

/** The body as JSON; an empty or non-JSON body is undefined. */
async function readJson(res: { text(): Promise<string> }): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every route under /api, typed from the server: api.projects[':projectId'].$get({ param: { projectId } }). */
export const api = hcWithType('/', {
  fetch: apiFetch,
  headers: { Accept: 'application/json' },
  init: { credentials: 'same-origin' },
}).api;

/** The success JSON of a ClientResponse (its 2xx variants; error variants never reach here, apiFetch throws). */
type OkBody<R> = R extends ClientResponse<infer T, infer S, infer F> ? (S extends SuccessStatusCode ? (F extends 'json' ? T : never) : never) : never;

/**
 * Awaits an hc call and returns its success JSON, typed from the route:
 *   const { project } = await call(api.projects[':projectId'].$get({ param: { projectId: id(7) } }));
 * Failures throw ApiError (status 0 'network_error' when the server could not be reached).
 */
export async function call<R extends { text(): Promise<string> }>(request: Promise<R>): Promise<OkBody<R>> {
  return (await readJson(await request)) as OkBody<R>;
}

/**
 * A runtime list of every member of a union from the server's types (benefit types, unit kinds, …), in the order
 * the page wants: an unknown member fails tsc, and so does a member the server added that the list lacks.
 *   export const UNIT_KINDS = everyMember<UnitKind>()(['forvaltning', 'center', 'afdeling', 'enhed']);
 */
export const everyMember =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): readonly T[] =>
    list;

/** A path parameter: ids as text, anything else percent-encoded (hc puts params into the path as they are). */
export const id = (value: number) => String(value);
export const segment = (value: string) => encodeURIComponent(value);

// ---------- public (staff, no login) ----------

const survey = api.s[':token'];

/** The survey behind a staff link: the wave, the project's name and the stored version's SurveyJS JSON. */
export type PublicSurvey = Ok<typeof survey.$get>;
/** SurveyJS JSON as generated on the server; the client hands it to SurveyJS untouched. */
export type SurveyJson = PublicSurvey['survey'];
export type Phase = PublicSurvey['wave']['phase'];
export type SubmitInput = JsonBody<typeof survey.responses.$post>;

export const publicApi = {
  getSurvey: (token: string) => call(survey.$get({ param: { token: segment(token) } })),
  submit: (token: string, json: SubmitInput) => call(survey.responses.$post({ param: { token: segment(token) }, json })),
};

// ---------- auth ----------

/** The logged-in account and the server's configured anonymity thresholds (ANONYMITY_THRESHOLD, FREE_TEXT_THRESHOLD). */
export type SignedIn = Ok<typeof api.auth.me.$get>;
export type User = SignedIn['user'];
export type Thresholds = SignedIn['thresholds'];

export const authApi = {
  me: (): Promise<SignedIn> => call(api.auth.me.$get()),
  login: (email: string, password: string): Promise<SignedIn> => call(api.auth.login.$post({ json: { email, password } })),
  logout: () => call(api.auth.logout.$post()),
};
