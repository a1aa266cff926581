// Typed fetch wrappers for the Gevinstspor API. Every error becomes an ApiError carrying the server's code,
// so pages show a translated message per code. Cookies are same-origin (HttpOnly session cookie).
import type { listProjects, ProjectDetail } from '../server/services/projects';
import type { createBehaviour } from '../server/services/behaviours';
import type { listUnits, setRollout } from '../server/services/units';
import type { getWaveRow, listLinks, listWaves } from '../server/services/waves';
import type { getSurveyVersion, listSurveyVersions } from '../server/services/surveys';
import type { SurveySpecInput } from '../surveys/spec';
import type { ItemMap, Phase } from '../surveys/types';
import type { Report } from './dashboard/reportTypes';

export type { Phase, ProjectDetail };
export type ProjectSummary = ReturnType<typeof listProjects>[number];
export type ProjectStatus = ProjectDetail['status'];
export type Behaviour = ReturnType<typeof createBehaviour>;
export type Unit = ReturnType<typeof listUnits>[number];
export type Rollout = ReturnType<typeof setRollout>;
export type WaveRow = ReturnType<typeof getWaveRow>;
export type WaveSummary = ReturnType<typeof listWaves>[number];
export type WaveLink = ReturnType<typeof listLinks>[number];
export type SurveyVersionSummary = ReturnType<typeof listSurveyVersions>[number];
export type SurveyVersionDetail = ReturnType<typeof getSurveyVersion>;
export type { SurveySpecInput };

/** SurveyJS JSON as generated on the server; the client hands it to SurveyJS untouched. */
export type SurveyJson = Record<string, unknown>;

export interface User {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'manager';
  locale: 'da' | 'en';
}

export interface SurveyPreview {
  survey: SurveyJson;
  itemMap: ItemMap;
  estimatedSeconds: number;
  /** Spec entries the generator could not apply (English, for the log; the editor words them by pattern). */
  warnings?: string[];
}

export interface PublicSurvey {
  survey: SurveyJson;
  wave: { name: string; phase: Phase; closesOn: string | null };
  unit: { name: string };
  project: { name: string };
}

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
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems from a 400 answer ({ path, code, message }[]), if the server sent them. */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details) ? (this.details as FieldProblem[]).filter((d) => d && typeof d.path === 'string') : [];
  }
}

export const UNAUTHENTICATED_EVENT = 'gevinstspor:unauthenticated';

/** Thrown when the server could not be reached at all (offline, DNS, aborted connection). */
export const isNetworkError = (e: unknown) => e instanceof ApiError && e.status === 0;

/** The one fetch wrapper: JSON in and out, our error shape turned into ApiError. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : 'Network error');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    // A session that ran out: tell the staff app so it can show the login page.
    if (res.status === 401 && !path.startsWith('/auth/') && !path.startsWith('/s/')) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    const err = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    if (err && typeof err.code === 'string') {
      throw new ApiError(res.status, err.code, typeof err.message === 'string' ? err.message : res.statusText, err.details);
    }
    // A proxy or gateway answered without our error shape.
    const code = res.status >= 500 ? 'internal' : res.status === 401 ? 'unauthenticated' : res.status === 404 ? 'not_found' : 'http_error';
    throw new ApiError(res.status, code, res.statusText || `HTTP ${res.status}`);
  }
  return data as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
const del = <T>(path: string) => request<T>('DELETE', path);

// ---------- public (staff, no login) ----------

export const publicApi = {
  getSurvey: (token: string) => get<PublicSurvey>(`/s/${encodeURIComponent(token)}`),
  submit: (token: string, body: { submissionId: string; answers: Record<string, unknown>; locale: 'da' | 'en' }) =>
    post<{ id: number; duplicate?: boolean }>(`/s/${encodeURIComponent(token)}/responses`, body),
};

// ---------- auth ----------

export const authApi = {
  me: () => get<{ user: User }>('/auth/me').then((r) => r.user),
  login: (email: string, password: string) => post<{ user: User }>('/auth/login', { email, password }).then((r) => r.user),
  logout: () => post<{ ok: true }>('/auth/logout'),
};

// ---------- projects, behaviours, units ----------

export interface ProjectInput {
  name: string;
  purpose?: string;
  projectLead?: string;
  status?: ProjectStatus;
  mid?: number;
}

/** A new project may declare its goals, enablers and primary behaviours up front. */
export interface NewProjectInput extends ProjectInput {
  goals?: string[];
  enablers?: string[];
  primaryBehaviours?: string[];
}

export interface BehaviourInput {
  title: string;
  description?: string;
  targetGroup?: string;
  situation?: string;
  expectedFrequency?: string;
  oldBehaviour?: string;
  benefitIds?: number[];
}

export interface UnitInput {
  name: string;
  headcount: number;
  parentId?: number | null;
  kind?: Unit['kind'];
}

export const projectApi = {
  list: () => get<{ projects: ProjectSummary[] }>('/projects').then((r) => r.projects),
  create: (input: NewProjectInput) => post<{ project: ProjectSummary }>('/projects', input).then((r) => r.project),
  get: (id: number) => get<{ project: ProjectDetail }>(`/projects/${id}`).then((r) => r.project),
  update: (id: number, input: Partial<ProjectInput>) => patch<{ project: ProjectSummary }>(`/projects/${id}`, input).then((r) => r.project),
  addBehaviour: (projectId: number, input: BehaviourInput) => post<{ behaviour: Behaviour }>(`/projects/${projectId}/behaviours`, input).then((r) => r.behaviour),
  updateBehaviour: (id: number, input: Partial<BehaviourInput>) => patch<{ behaviour: Behaviour }>(`/behaviours/${id}`, input).then((r) => r.behaviour),
  deleteBehaviour: (id: number) => del<{ archived: boolean }>(`/behaviours/${id}`),
  setRollout: (projectId: number, unitId: number, goLiveDate: string | null) =>
    put<{ rollout: Rollout }>(`/projects/${projectId}/rollouts/${unitId}`, { goLiveDate }).then((r) => r.rollout),
  removeRollout: (projectId: number, unitId: number) => del<{ ok: true }>(`/projects/${projectId}/rollouts/${unitId}`),
  previewSurvey: (projectId: number, phase: Phase) => get<SurveyPreview>(`/projects/${projectId}/survey/preview?phase=${phase}`),
  surveyVersions: (projectId: number) => get<{ versions: SurveyVersionSummary[] }>(`/projects/${projectId}/survey-versions`).then((r) => r.versions),
  createSurveyVersion: (projectId: number, phase: Phase) => post<{ version: unknown }>(`/projects/${projectId}/survey-versions`, { phase }),
  surveyVersion: (projectId: number, versionId: number) => get<{ version: SurveyVersionDetail }>(`/projects/${projectId}/survey-versions/${versionId}`).then((r) => r.version),
  surveySpec: (projectId: number) => get<{ spec: SurveySpecInput | null }>(`/projects/${projectId}/survey/spec`).then((r) => r.spec),
  /** null restores the default survey. Answers 400 invalid_input with details[].path ("spec.customItems.0.text.da"). */
  saveSurveySpec: (projectId: number, spec: SurveySpecInput | null) =>
    put<{ ok: true; warnings: string[]; estimatedSeconds: number }>(`/projects/${projectId}/survey/spec`, { spec }),
};

export const unitApi = {
  list: () => get<{ units: Unit[] }>('/units').then((r) => r.units),
  create: (input: UnitInput) => post<{ unit: Unit }>('/units', input).then((r) => r.unit),
};

// ---------- waves ----------

export interface WaveInput {
  name: string;
  phase: Phase;
  unitIds?: number[];
  opensOn?: string | null;
  closesOn?: string | null;
}

export const waveApi = {
  list: (projectId: number) => get<{ waves: WaveSummary[] }>(`/projects/${projectId}/waves`).then((r) => r.waves),
  create: (projectId: number, input: WaveInput) => post<{ wave: WaveRow }>(`/projects/${projectId}/waves`, input).then((r) => r.wave),
  open: (id: number) => post<{ wave: WaveRow }>(`/waves/${id}/open`).then((r) => r.wave),
  close: (id: number) => post<{ wave: WaveRow }>(`/waves/${id}/close`).then((r) => r.wave),
  update: (id: number, input: { liveResults?: boolean; closesOn?: string | null; name?: string }) => patch<{ wave: WaveRow }>(`/waves/${id}`, input).then((r) => r.wave),
  remove: (id: number) => del<{ ok: true }>(`/waves/${id}`),
  links: (id: number) => get<{ wave: WaveRow; links: WaveLink[] }>(`/waves/${id}/links`),
  /** The QR code is an SVG made by the server; used as an <img src>. */
  qrUrl: (waveId: number, linkId: number) => `/api/waves/${waveId}/links/${linkId}/qr.svg`,
};

// ---------- report ----------

export const reportApi = {
  get: (projectId: number) => get<{ report: Report }>(`/projects/${projectId}/report`).then((r) => r.report),
  comments: (projectId: number) => get<{ comments: Comments }>(`/projects/${projectId}/comments`).then((r) => r.comments),
};

export type Comments = ReturnType<typeof import('../server/services/comments').getComments>;
