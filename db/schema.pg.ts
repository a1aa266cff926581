// PostgreSQL mirror of ./schema.ts, read only by drizzle-kit to generate db/migrations/postgres.
// The services always query through the SQLite table objects in ./schema.ts: every column here has the storage
// type that makes drizzle map values identically on both engines (booleans 0/1 in integer, JSON and dates in
// text, reals in double precision). test/api/schemaParity.test.ts keeps the two migrated schemas identical.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, pgTable, bigint, integer, text, doublePrecision, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';

const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
const createdAt = () => text('created_at').notNull().default(sql`to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

// ---------- organisation ----------

/** Organisation unit tree (forvaltning → center → enhed). Retired units keep their history. */
export const units = pgTable(
  'units',
  {
    id: id(),
    externalId: text('external_id'), // id in the HR/org system, for CSV re-import
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind').notNull().default('enhed'),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id, { onDelete: 'restrict' }),
    headcount: integer('headcount').notNull().default(0),
    headcountDate: text('headcount_date'),
    retiredAt: text('retired_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('units_external_id').on(t.externalId), index('units_parent').on(t.parentId)],
);

/** The municipality's own settings, set once by an admin: key → value (e.g. municipality_name, municipality_logo as a
 *  data: URL), shown on posters and the survey. One database is one municipality. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---------- accounts ----------

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  locale: text('locale').notNull().default('da'),
  mustChangePassword: integer('must_change_password').notNull().default(0),
  oidcSubject: text('oidc_subject').unique(),
  disabledAt: text('disabled_at'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** Server-side sessions: the cookie carries only a random id; the row holds its SHA-256. */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: text('expires_at').notNull(),
  lastSeenAt: text('last_seen_at'),
  createdAt: createdAt(),
});

export const accountTokens = pgTable('account_tokens', {
  id: id(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: createdAt(),
});

export const projectEditors = pgTable(
  'project_editors',
  {
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

/** What a manager may see: a unit subtree and/or a project. Admins see everything. */
export const userScopes = pgTable('user_scopes', {
  id: id(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').references(() => units.id, { onDelete: 'cascade' }),
  projectId: integer('project_id').references(() => projects.id, { onDelete: 'cascade' }),
});

// ---------- project and benefits ----------


export const projects = pgTable('projects', {
  id: id(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull().default(''),
  /** English side of the texts staff read; empty = the survey shows the Danish text (the editor says so). */
  nameEn: text('name_en').notNull().default(''),
  purposeEn: text('purpose_en').notNull().default(''),
  /** Optional pairing code: answers of one person across waves are linked only by HMAC(pairingSecret, code). */
  pairingEnabled: integer('pairing_enabled').notNull().default(0),
  /** Per-project key of the pairing HMAC; set to null when the secretariat destroys it (pairs cannot be made again). */
  pairingSecret: text('pairing_secret'),
  pairingDestroyedAt: text('pairing_destroyed_at'),
  projectLead: text('project_lead').notNull().default(''),
  retentionUntil: text('retention_until'),
  rawDeletedAt: text('raw_deleted_at'),
  version: integer('version').notNull().default(1),
  surveySpecVersion: integer('survey_spec_version').notNull().default(1),
  sharedPicture: text('shared_picture'),
  status: text('status').notNull().default('planlaegning'),
  /** Minimal important difference for adoption, in percentage points. */
  mid: doublePrecision('mid').notNull().default(10),
  /** The secretariat's survey choices (constructs per behaviour, rewordings, custom items); see surveys/. */
  surveySpec: text('survey_spec'),
  archivedAt: text('archived_at'),
  createdAt: createdAt(),
});

export const goals = pgTable('goals', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  version: integer('version').notNull().default(1),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Leverancer: the system, training, new procedures — what enables the new behaviour. */
export const enablers = pgTable('enablers', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  version: integer('version').notNull().default(1),
  sortOrder: integer('sort_order').notNull().default(0),
});


export const benefits = pgTable('benefits', {
  id: id(),
  version: integer('version').notNull().default(1),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  titleEn: text('title_en').notNull().default(''),
  direction: text('direction').notNull().default('positive'),
  type: text('type').notNull().default('tid'),
  owner: text('owner').notNull().default(''),
  ownerUnitId: integer('owner_unit_id').references(() => units.id, { onDelete: 'set null' }),
  measure: text('measure').notNull().default(''),
  measureUnit: text('measure_unit').notNull().default(''),
  dataSource: text('data_source').notNull().default(''),
  baselineValue: doublePrecision('baseline_value'),
  baselineDate: text('baseline_date'),
  targetValue: doublePrecision('target_value'),
  targetDate: text('target_date'),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
  ownerUserId: integer('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
  status: text('status'),
  statusReason: text('status_reason').notNull().default(''),
  nextAction: text('next_action').notNull().default(''),
  statusChangedAt: text('status_changed_at'),
});

export const benefitStatusHistory = pgTable(
  'benefit_status_history',
  {
    id: id(),
    benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    nextAction: text('next_action').notNull().default(''),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedByEmail: text('changed_by_email').notNull().default(''),
    changedAt: createdAt(),
  },
  (t) => [index('benefit_status_history_benefit').on(t.benefitId)],
);

export const kpiMeasurements = pgTable('kpi_measurements', {
  id: id(),
  benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
  value: doublePrecision('value').notNull(),
  measuredOn: text('measured_on').notNull(),
  note: text('note').notNull().default(''),
});

export const benefitGoals = pgTable(
  'benefit_goals',
  {
    benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.benefitId, t.goalId] })],
);

// ---------- behaviours ----------

export const behaviours = pgTable('behaviours', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  targetGroup: text('target_group').notNull().default(''),
  situation: text('situation').notNull().default(''),
  expectedFrequency: text('expected_frequency').notNull().default(''),
  oldBehaviour: text('old_behaviour').notNull().default(''),
  isPrimary: integer('is_primary').notNull().default(0),
  sortOrder: integer('sort_order').notNull().default(0),
  archivedAt: text('archived_at'),
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

export const behaviourBenefits = pgTable(
  'behaviour_benefits',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    benefitId: integer('benefit_id').notNull().references(() => benefits.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.benefitId] })],
);

export const behaviourEnablers = pgTable(
  'behaviour_enablers',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    enablerId: integer('enabler_id').notNull().references(() => enablers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.enablerId] })],
);

/** Which units a behaviour applies to; no rows means all of the project's units. */
export const behaviourUnits = pgTable(
  'behaviour_units',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.unitId] })],
);

/** The project's units, each with its go-live date (idriftsættelse); null = not yet planned. */
export const rollouts = pgTable(
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
export const usageFigures = pgTable(
  'usage_figures',
  {
    id: id(),
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    value: doublePrecision('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('usage_figures_behaviour_unit_period').on(t.behaviourId, t.unitId, t.periodStart, t.periodEnd)],
);

/** A reporting group: small units of a project combined under one name (e.g. "Nat og afløsere"), reported
 *  together wherever they would be hidden one by one. */
export const reportingGroups = pgTable('reporting_groups', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** A unit belongs to at most one reporting group per project. */
export const reportingGroupUnits = pgTable(
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
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    phase: text('phase').notNull(),
    surveyJson: text('survey_json').notNull(),
    itemMap: text('item_map').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_versions_number').on(t.projectId, t.number)],
);

/** Måling: baseline (nulpunktsmåling) or follow-up; freezes one survey version when it opens. */
export const waves = pgTable('waves', {
  id: id(),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  phase: text('phase').notNull(),
  surveyVersionId: integer('survey_version_id').references(() => surveyVersions.id, { onDelete: 'restrict' }),
  status: text('status').notNull().default('draft'),
  opensOn: text('opens_on'),
  closesOn: text('closes_on'),
  /** The schedule as instants (UTC ISO), chosen in Europe/Copenhagen time; opensOn/closesOn are their Copenhagen days.
   *  The wave is open from opensAt until closesAt by the clock, without anyone pressing a button. */
  opensAt: text('opens_at'),
  closesAt: text('closes_at'),
  /** Secretariat may show results of an open wave for units at/above the threshold. */
  liveResults: integer('live_results').notNull().default(0),
  /** How many live-results releases have been made; answers with released_in ≤ this are the ones shown. */
  releases: integer('releases').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** One link per wave and unit; the token attributes answers to a unit, never to a person. */
export const waveLinks = pgTable(
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
export const responses = pgTable(
  'responses',
  {
    id: id(),
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    surveyVersionId: integer('survey_version_id').notNull().references(() => surveyVersions.id, { onDelete: 'restrict' }),
    /** Random id chosen by the client so a network retry is not counted twice. */
    submissionId: text('submission_id').notNull().unique(),
    submittedOn: text('submitted_on').notNull(),
    locale: text('locale').notNull().default('da'),
    complete: integer('complete').notNull().default(1),
    /** Live results: the release (1, 2, …) whose snapshot first showed this response; null = not yet shown.
     *  Releases come in blocks of at least k answers, so this says no more about order than the block does. */
    releasedIn: integer('released_in'),
    /** HMAC of the optional pairing code under the project's pairing secret; null without one. */
    pairKey: text('pair_key'),
    answers: text('answers').notNull(),
  },
  (t) => [index('responses_wave_unit').on(t.waveId, t.unitId)],
);

/** One row per answered item, so analysis counts with GROUP BY instead of parsing JSON. */
export const responseValues = pgTable(
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

/** Answer counts per wave, unit, item and value, kept with the answers (see ./schema.ts). */
export const answerTallies = pgTable(
  'answer_tallies',
  {
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    itemKey: text('item_key').notNull(),
    valueNum: integer('value_num').notNull(),
    released: integer('released').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.unitId, t.itemKey, t.valueNum, t.released] })],
);

/** Respondents per wave, unit and completeness, kept like answer_tallies. */
export const respondentTallies = pgTable(
  'respondent_tallies',
  {
    waveId: integer('wave_id').notNull().references(() => waves.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    complete: integer('complete').notNull(),
    released: integer('released').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.unitId, t.complete, t.released] })],
);

// ---------- shared request state ----------

/** Fixed-window rate-limit counters, shared by every app instance over the same database. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    /** Start of the window in epoch milliseconds. */
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_hits_window').on(t.windowStart)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: createdAt(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email').notNull().default(''),
    action: text('action').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    projectId: integer('project_id'),
    targetId: integer('target_id'),
    status: integer('status').notNull(),
    details: text('details'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_project').on(t.projectId)],
);

// ---------- the change loop: shared picture, workshops, descriptions, actions ----------

export const shareLinks = pgTable(
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

export const workshops = pgTable(
  'workshops',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    status: text('status').notNull().default('open'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('workshops_unit_behaviour').on(t.unitId, t.behaviourId)],
);

export const workshopSuggestions = pgTable(
  'workshop_suggestions',
  {
    id: id(),
    workshopId: integer('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    votes: integer('votes').notNull().default(0),
    hiddenAt: text('hidden_at'),
  },
  (t) => [index('workshop_suggestions_workshop').on(t.workshopId)],
);

export const workshopVotes = pgTable(
  'workshop_votes',
  {
    suggestionId: integer('suggestion_id').notNull().references(() => workshopSuggestions.id, { onDelete: 'cascade' }),
    voterKey: text('voter_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.voterKey] })],
);

export const unitBehaviourDescriptions = pgTable(
  'unit_behaviour_descriptions',
  {
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    workshopId: integer('workshop_id').references(() => workshops.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.behaviourId, t.unitId] })],
);

export const actions = pgTable(
  'actions',
  {
    id: id(),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    behaviourId: integer('behaviour_id').notNull().references(() => behaviours.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull().default(''),
    dueDate: text('due_date'),
    status: text('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
    doneOn: text('done_on'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('actions_project').on(t.projectId), index('actions_unit_behaviour').on(t.unitId, t.behaviourId)],
);
