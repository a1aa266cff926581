// All tables of Gevinstspor. Dates are UTC ISO strings (timestamps) or 'YYYY-MM-DD' (calendar days).
import { sql } from 'drizzle-orm';
import type { SurveyJson } from '../surveys/generator';
import type { SurveySpec } from '../surveys/spec';
import type { ItemMap } from '../surveys/types';
import { type AnySQLiteColumn, sqliteTable, integer, text, real, primaryKey, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

const id = () => integer('id').primaryKey({ autoIncrement: true });
const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// Value lists of the enum columns, exported so request validation (server/contract/) uses the same lists.
export const unitKinds = ['forvaltning', 'center', 'enhed', 'afdeling'] as const;
/** admin: the secretariat; editor: a project lead, edits the projects they lead; manager: reads assigned units/projects. */
export const userRoles = ['admin', 'editor', 'manager'] as const;
export const accountTokenPurposes = ['invite', 'reset'] as const;
/** The languages of the interface and of the staff survey. */
export const locales = ['da', 'en'] as const;
export const projectStatuses = ['planlaegning', 'udrulning', 'gevinsthoest', 'afsluttet'] as const;
export const benefitTypes = ['oekonomi', 'tid', 'kvalitet', 'arbejdsmiljoe', 'borgeroplevelse', 'andet'] as const;
export const benefitDirections = ['positive', 'negative'] as const;
/** Baseline (nulpunktsmåling) or follow-up, of a survey version and of a wave. */
export const surveyPhases = ['baseline', 'followup'] as const;
export const waveStatuses = ['draft', 'open', 'closed'] as const;
/** Benefit realisation status set by the benefit's owner: på vej, i risiko, realiseret, opgivet. */
export const benefitStatuses = ['paa_vej', 'i_risiko', 'realiseret', 'opgivet'] as const;
/** What an action works on (COM-B): capability (train), opportunity (time, tools), motivation (explain why), other. */
export const actionTypes = ['capability', 'opportunity', 'motivation', 'other'] as const;
export const actionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
/** A workshop suggestion says what the behaviour looks like here, or what gets in its way. */
export const suggestionKinds = ['looks_like', 'barrier'] as const;
export const workshopStatuses = ['open', 'closed'] as const;

// ---------- organisation ----------

/** Organisation unit tree (forvaltning → center → enhed). Retired units keep their history. */
export const units = sqliteTable(
  'units',
  {
    id: id(),
    externalId: text('external_id'), // id in the HR/org system, for CSV re-import
    name: text('name').notNull(),
    /** English name shown in the English survey; empty = the Danish name. */
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind', { enum: unitKinds }).notNull().default('enhed'),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id, { onDelete: 'restrict' }),
    headcount: integer('headcount').notNull().default(0),
    headcountDate: text('headcount_date'),
    retiredAt: text('retired_at'),
    /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('units_external_id').on(t.externalId), index('units_parent').on(t.parentId)],
);

/** The municipality's own settings, set once by an admin: key → value (e.g. municipality_name, municipality_logo as a
 *  data: URL), shown on posters and the survey. One database is one municipality. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---------- accounts ----------

export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: userRoles }).notNull(),
  locale: text('locale', { enum: locales }).notNull().default('da'),
  /** Set with a temporary password (created or reset by an admin): the next login must choose a new one. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** Issuer + subject of the identity provider's account this user signs in with (OpenID Connect); null = password only. */
  oidcSubject: text('oidc_subject').unique(),
  /** When an admin disabled the account: it cannot log in; its history (audit log) stays. */
  disabledAt: text('disabled_at'),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** Server-side sessions: the cookie carries only a random id; the row holds its SHA-256. */
export const sessions = sqliteTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** Absolute expiry: the session ends here however active it is. */
  expiresAt: text('expires_at').notNull(),
  /** Idle expiry counts from here (null = createdAt); refreshed (coarsely) by requests. */
  lastSeenAt: text('last_seen_at'),
  createdAt: createdAt(),
});

/** One-time links an admin copies to a person: an invitation (choose a first password) or a password reset.
 *  Only the SHA-256 of the token is stored; used or expired links answer nothing. */
export const accountTokens = sqliteTable('account_tokens', {
  id: id(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: accountTokenPurposes }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: createdAt(),
});

/** Editors (project leads) of a project: they may edit it like an admin, and only it. */
export const projectEditors = sqliteTable(
  'project_editors',
  {
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

/** What a manager may see: a unit subtree and/or a project. Admins see everything. */
export const userScopes = sqliteTable('user_scopes', {
  id: id(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').references(() => units.id, { onDelete: 'cascade' }),
  projectId: integer('project_id').references(() => projects.id, { onDelete: 'cascade' }),
});

// ---------- project and benefits ----------

export const projects = sqliteTable('projects', {
  id: id(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull().default(''),
  /** English side of the texts staff read; empty = the survey shows the Danish text (the editor says so). */
  nameEn: text('name_en').notNull().default(''),
  purposeEn: text('purpose_en').notNull().default(''),
  /** Optional pairing code: answers of one person across waves are linked only by HMAC(pairingSecret, code). */
  pairingEnabled: integer('pairing_enabled', { mode: 'boolean' }).notNull().default(false),
  /** Per-project key of the pairing HMAC; set to null when the secretariat destroys it (pairs cannot be made again). */
  pairingSecret: text('pairing_secret'),
  pairingDestroyedAt: text('pairing_destroyed_at'),
  projectLead: text('project_lead').notNull().default(''),
  /** After this day raw answers and free text are deleted; only the aggregates (tallies) are kept. */
  retentionUntil: text('retention_until'),
  /** When the raw answers were deleted under retentionUntil. */
  rawDeletedAt: text('raw_deleted_at'),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  /** Version of surveySpec alone, so the survey editor and the project form do not conflict with each other. */
  surveySpecVersion: integer('survey_spec_version').notNull().default(1),
  /** What the shared picture (fælles billede) shows; null = the defaults (see server/contract/sharedPicture.ts). */
  sharedPicture: text('shared_picture', { mode: 'json' }).$type<Record<string, boolean>>(),
  status: text('status', { enum: projectStatuses }).notNull().default('planlaegning'),
  /** Minimal important difference for adoption, in percentage points. */
  mid: real('mid').notNull().default(10),
  /** The secretariat's survey choices (constructs per behaviour, rewordings, custom items); see surveys/. */
  surveySpec: text('survey_spec', { mode: 'json' }).$type<SurveySpec>(),
  archivedAt: text('archived_at'),
  createdAt: createdAt(),
});

export const goals = sqliteTable('goals', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Leverancer: the system, training, new procedures — what enables the new behaviour. */
export const enablers = sqliteTable('enablers', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const benefits = sqliteTable('benefits', {
  id: id(),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  titleEn: text('title_en').notNull().default(''),
  direction: text('direction', { enum: benefitDirections }).notNull().default('positive'),
  type: text('type', { enum: benefitTypes }).notNull().default('tid'),
  owner: text('owner').notNull().default(''),
  ownerUnitId: integer('owner_unit_id').references(() => units.id, { onDelete: 'set null' }),
  measure: text('measure').notNull().default(''),
  measureUnit: text('measure_unit').notNull().default(''),
  dataSource: text('data_source').notNull().default(''),
  baselineValue: real('baseline_value'),
  baselineDate: text('baseline_date'),
  targetValue: real('target_value'),
  targetDate: text('target_date'),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  /** The account that owns the benefit and sets its status (besides the project's admins and editors). */
  ownerUserId: integer('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** Current realisation status (null = not yet set); every change is kept in benefit_status_history. */
  status: text('status', { enum: benefitStatuses }),
  statusReason: text('status_reason').notNull().default(''),
  nextAction: text('next_action').notNull().default(''),
  statusChangedAt: text('status_changed_at'),
});

/** Every status a benefit has had, with the reason and who set it, newest last. */
export const benefitStatusHistory = sqliteTable(
  'benefit_status_history',
  {
    id: id(),
    benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
    status: text('status', { enum: benefitStatuses }).notNull(),
    reason: text('reason').notNull().default(''),
    nextAction: text('next_action').notNull().default(''),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The e-mail at the time: accounts can be deleted, the history stays readable. */
    changedByEmail: text('changed_by_email').notNull().default(''),
    changedAt: createdAt(),
  },
  (t) => [index('benefit_status_history_benefit').on(t.benefitId)],
);

export const kpiMeasurements = sqliteTable('kpi_measurements', {
  id: id(),
  benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
  value: real('value').notNull(),
  measuredOn: text('measured_on').notNull(),
  note: text('note').notNull().default(''),
});

export const benefitGoals = sqliteTable(
  'benefit_goals',
  {
    benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.benefitId, t.goalId] })],
);

// ---------- behaviours ----------

export const behaviours = sqliteTable('behaviours', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  targetGroup: text('target_group').notNull().default(''),
  situation: text('situation').notNull().default(''),
  expectedFrequency: text('expected_frequency').notNull().default(''),
  oldBehaviour: text('old_behaviour').notNull().default(''),
  isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  /** Name and unit of the system usage figure imported for this behaviour (usage_figures), e.g. "Journalnotater pr. vagt". */
  usageMeasure: text('usage_measure').notNull().default(''),
  /** The behaviour as staff read it inside a question, e.g. "læst beboerens status selv ved vagtstart"; empty = from the title. */
  questionText: text('question_text').notNull().default(''),
  titleEn: text('title_en').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  oldBehaviourEn: text('old_behaviour_en').notNull().default(''),
  questionTextEn: text('question_text_en').notNull().default(''),
  situationEn: text('situation_en').notNull().default(''),
});

export const behaviourBenefits = sqliteTable(
  'behaviour_benefits',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.benefitId] })],
);

export const behaviourEnablers = sqliteTable(
  'behaviour_enablers',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    enablerId: integer('enabler_id').notNull().references(() => enablers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.enablerId] })],
);

/** Which units a behaviour applies to; no rows means all of the project's units. */
export const behaviourUnits = sqliteTable(
  'behaviour_units',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.unitId] })],
);

/** The project's units, each with its go-live date (idriftsættelse); null = not yet planned. */
export const rollouts = sqliteTable(
  'rollouts',
  {
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    goLiveDate: text('go_live_date'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.unitId] })],
);

/** System usage per behaviour, unit and period (e.g. logins or records written per shift), imported by the
 *  secretariat from the IT system's CSV export and shown beside the self-reported adoption. System data, not answers. */
export const usageFigures = sqliteTable(
  'usage_figures',
  {
    id: id(),
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    value: real('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('usage_figures_behaviour_unit_period').on(t.behaviourId, t.unitId, t.periodStart, t.periodEnd)],
);

/** A reporting group: small units of a project combined under one name (e.g. "Nat og afløsere"), reported
 *  together wherever they would be hidden one by one. */
export const reportingGroups = sqliteTable('reporting_groups', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** A unit belongs to at most one reporting group per project. */
export const reportingGroupUnits = sqliteTable(
  'reporting_group_units',
  {
    groupId: integer('group_id').notNull().references(() => reportingGroups.id, { onDelete: 'cascade' }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), uniqueIndex('reporting_group_units_project_unit').on(t.projectId, t.unitId)],
);

// ---------- surveys, waves, responses ----------

/** An immutable generated survey: SurveyJS JSON plus the item map that says what each answer measures. */
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    phase: text('phase', { enum: surveyPhases }).notNull(),
    surveyJson: text('survey_json', { mode: 'json' }).$type<SurveyJson>().notNull(),
    itemMap: text('item_map', { mode: 'json' }).$type<ItemMap>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_versions_number').on(t.projectId, t.number)],
);

/** Måling: baseline (nulpunktsmåling) or follow-up; freezes one survey version when it opens. */
export const waves = sqliteTable('waves', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  phase: text('phase', { enum: surveyPhases }).notNull(),
  surveyVersionId: integer('survey_version_id').references(() => surveyVersions.id, { onDelete: 'restrict' }),
  status: text('status', { enum: waveStatuses }).notNull().default('draft'),
  opensOn: text('opens_on'),
  closesOn: text('closes_on'),
  /** The schedule as instants (UTC ISO), chosen in Europe/Copenhagen time; opensOn/closesOn are their Copenhagen days.
   *  The wave is open from opensAt until closesAt by the clock, without anyone pressing a button. */
  opensAt: text('opens_at'),
  closesAt: text('closes_at'),
  /** Secretariat may show results of an open wave for units at/above the threshold. */
  liveResults: integer('live_results', { mode: 'boolean' }).notNull().default(false),
  /** How many live-results releases have been made; answers with released_in ≤ this are the ones shown. */
  releases: integer('releases').notNull().default(0),
  /** Optimistic concurrency: every edit names the version it started from; a stale one answers 409. */
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** One link per wave and unit; the token attributes answers to a unit, never to a person. */
export const waveLinks = sqliteTable(
  'wave_links',
  {
    id: id(),
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    token: text('token').notNull().unique(),
    headcountAtOpen: integer('headcount_at_open').notNull().default(0),
    ineligible: integer('ineligible').notNull().default(0),
    /** The reporting group the unit belonged to when the wave opened: its answers are only ever shown combined
     *  with the other units of that group in this wave, so a later regrouping cannot be subtracted out. */
    reportGroup: text('report_group'),
    /** Short code to type at the short address on the poster, e.g. K7QM4TXH (shown as K7QM-4TXH). */
    shortCode: text('short_code'),
    /** A revoked link answers nothing; replacing a link gives it a new token and code instead. */
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('wave_links_wave_unit').on(t.waveId, t.unitId), uniqueIndex('wave_links_short_code').on(t.shortCode)],
);

/** A response keeps no IP, user agent, time of day, account or cookie — only the day of submission. */
export const responses = sqliteTable(
  'responses',
  {
    id: id(),
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    surveyVersionId: integer('survey_version_id').notNull().references(() => surveyVersions.id, { onDelete: 'restrict' }),
    /** Random id chosen by the client so a network retry is not counted twice. */
    submissionId: text('submission_id').notNull().unique(),
    submittedOn: text('submitted_on').notNull(),
    locale: text('locale', { enum: locales }).notNull().default('da'),
    complete: integer('complete', { mode: 'boolean' }).notNull().default(true),
    /** Live results: the release (1, 2, …) whose snapshot first showed this response; null = not yet shown.
     *  Releases come in blocks of at least k answers, so this says no more about order than the block does. */
    releasedIn: integer('released_in'),
    /** HMAC of the optional pairing code under the project's pairing secret; null without one. */
    pairKey: text('pair_key'),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('responses_wave_unit').on(t.waveId, t.unitId)],
);

/** One row per answered item, so analysis counts with GROUP BY instead of parsing JSON. A response's rows are
 *  read through it (its wave's responses first), never by item alone, so the primary key is the only index: on
 *  SQLite the table is WITHOUT ROWID (migration 0008, hand-written: drizzle cannot declare it — a future
 *  migration that rebuilds this table must keep it), and a response's 19 rows land together in one page instead
 *  of in three B-trees, 19 of them scattered (bench/ingest.bench.ts). */
export const responseValues = sqliteTable(
  'response_values',
  {
    responseId: integer('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    /** Scale position 1..K, 0 for "ved ikke / ikke relevant"; null for text answers. */
    valueNum: integer('value_num'),
    valueText: text('value_text'),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.itemKey] })],
);

/** Answer counts per wave, unit, item and value (0 = "ved ikke"), kept in the transaction that stores or releases
 *  the answers, so the report reads ~groups rows instead of scanning response_values. `released` mirrors
 *  responses.released_in IS NOT NULL. Only numeric answers are counted; rows never hold n = 0. On SQLite this
 *  table, respondent_tallies and workshop_votes are WITHOUT ROWID (migration 0009, hand-written like 0008; a
 *  migration that rebuilds them must keep it): a rowid would number the rows in the order answers created them. */
export const answerTallies = sqliteTable(
  'answer_tallies',
  {
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    itemKey: text('item_key').notNull(),
    valueNum: integer('value_num').notNull(),
    released: integer('released', { mode: 'boolean' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.unitId, t.itemKey, t.valueNum, t.released] })],
);

/** Respondents per wave, unit and completeness, kept like answer_tallies (for response rates and counts). */
export const respondentTallies = sqliteTable(
  'respondent_tallies',
  {
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    complete: integer('complete', { mode: 'boolean' }).notNull(),
    released: integer('released', { mode: 'boolean' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.unitId, t.complete, t.released] })],
);

// ---------- shared request state ----------

/** Fixed-window rate-limit counters, shared by every app instance over the same database. */
export const rateLimitHits = sqliteTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    /** Start of the window in epoch milliseconds. */
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_hits_window').on(t.windowStart)],
);

/** Who changed what, who logged in, and who viewed or exported unit-level results. No foreign keys: an entry
 *  outlives the account and the project it names. Never holds answers, tokens or submission ids. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: createdAt(),
    actorId: integer('actor_id'),
    /** The actor's e-mail at the time (accounts can be deleted); empty for anonymous requests. */
    actorEmail: text('actor_email').notNull().default(''),
    /** e.g. 'project.update', 'auth.login', 'report.view' */
    action: text('action').notNull(),
    method: text('method').notNull(),
    /** The route pattern, e.g. /api/projects/:projectId/report — never a staff link's token. */
    route: text('route').notNull(),
    projectId: integer('project_id'),
    targetId: integer('target_id'),
    status: integer('status').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_project').on(t.projectId)],
);

// ---------- the change loop: shared picture, workshops, descriptions, actions ----------

/** Read-only share links to a project's shared picture, optionally for one unit (its own descriptions shown).
 *  The token is kept (like wave_links) so the secretariat can show the link again; it grants reading the
 *  published picture only, and a revoked link answers nothing. */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    revokedAt: text('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('share_links_project').on(t.projectId)],
);

/** A staff-meeting workshop on one behaviour in one unit: staff join anonymously by the token (QR on the projector). */
export const workshops = sqliteTable(
  'workshops',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    status: text('status', { enum: workshopStatuses }).notNull().default('open'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('workshops_unit_behaviour').on(t.unitId, t.behaviourId)],
);

/** What staff wrote in a workshop. No identity, device, IP or time beyond the workshop's own. */
export const workshopSuggestions = sqliteTable(
  'workshop_suggestions',
  {
    id: id(),
    workshopId: integer('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: suggestionKinds }).notNull(),
    text: text('text').notNull(),
    votes: integer('votes').notNull().default(0),
    /** Hidden by the leader (e.g. names a colleague or a citizen); never shown to the room again. */
    hiddenAt: text('hidden_at'),
  },
  (t) => [index('workshop_suggestions_workshop').on(t.workshopId)],
);

/** One vote per device and suggestion: voterKey is a hash of a random id the phone made for this workshop alone. */
export const workshopVotes = sqliteTable(
  'workshop_votes',
  {
    suggestionId: integer('suggestion_id').notNull().references(() => workshopSuggestions.id, { onDelete: 'cascade' }),
    voterKey: text('voter_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.voterKey] })],
);

/** The unit's agreed description of a behaviour ("sådan gør vi hos os"), recorded by its leader. */
export const unitBehaviourDescriptions = sqliteTable(
  'unit_behaviour_descriptions',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    /** The workshop it came from, if any. */
    workshopId: integer('workshop_id').references(() => workshops.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.unitId] })],
);

/** A manager's action for a unit and behaviour against the barrier the survey points to. */
export const actions = sqliteTable(
  'actions',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    type: text('type', { enum: actionTypes }).notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull().default(''),
    dueDate: text('due_date'),
    status: text('status', { enum: actionStatuses }).notNull().default('planned'),
    note: text('note').notNull().default(''),
    /** When it was done (status done), for the timeline marker; else the creation day is used. */
    doneOn: text('done_on'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('actions_project').on(t.projectId), index('actions_unit_behaviour').on(t.unitId, t.behaviourId)],
);
