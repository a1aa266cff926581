// Survey versions: generated from the project's behaviours and the secretariat's spec, stored immutably.
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { serialize, transaction, type Db, type DbLike } from '../../db/client';
import { projects, rollouts, surveyVersions, units, waves } from '../../db/schema';
import { generateSurvey, generatorInputOf, type GenerateOptions, type GeneratorInput, type MissingEnglish } from '../../surveys';
import type { Phase } from '../../surveys/types';
import type { SpecInput } from '../contract/surveys';
import type { AppConfig } from '../config';
import { invalid, notFound } from './errors';
import { getProjectDetail, getProjectRow, type ProjectDetail } from './projects';
import { claimVersion } from './versioned';

/** The generator's input from the project (surveys/generatorInput.ts; the survey editor uses the same). */
export function generatorInput(detail: ProjectDetail): GeneratorInput {
  return generatorInputOf(detail);
}

/** The configured anonymity thresholds; the generated intro and comment texts promise them to staff. */
export type SurveyThresholds = Pick<AppConfig, 'anonymityThreshold' | 'freeTextThreshold'>;

export function generateOptions(thresholds: SurveyThresholds): GenerateOptions {
  return { minGroupSize: thresholds.anonymityThreshold, minGroupSizeText: thresholds.freeTextThreshold };
}

/** What the survey would look like now, without storing anything (the preview). */
export async function previewSurvey(db: DbLike, projectId: number, phase: Phase, thresholds: SurveyThresholds) {
  const detail = await getProjectDetail(db, projectId);
  return generateSurvey(generatorInput(detail), phase, detail.surveySpec ?? undefined, generateOptions(thresholds));
}

/**
 * The preview the survey editor shows: the survey as previewSurvey makes it, with the names the answer page's
 * heading shows beside it (each active unit of the project, each wave of the phase not yet closed) added to
 * missingEnglish where they have no English name, so the editor's "Mangler engelsk" lists every text staff see.
 */
export async function editorPreview(db: DbLike, projectId: number, phase: Phase, thresholds: SurveyThresholds) {
  const generated = await previewSurvey(db, projectId, phase, thresholds);
  const unitRows = await db
    .select({ id: units.id, name: units.name, nameEn: units.nameEn })
    .from(rollouts)
    .innerJoin(units, eq(units.id, rollouts.unitId))
    .where(and(eq(rollouts.projectId, projectId), isNull(units.retiredAt)))
    .orderBy(asc(units.name), asc(units.id));
  const waveRows = await db
    .select({ id: waves.id, name: waves.name, nameEn: waves.nameEn })
    .from(waves)
    .where(and(eq(waves.projectId, projectId), eq(waves.phase, phase), ne(waves.status, 'closed')))
    .orderBy(asc(waves.id));
  const missing: MissingEnglish[] = [
    ...unitRows.filter((u) => !u.nameEn.trim()).map((u) => ({ field: 'unitName' as const, unitId: u.id, da: u.name })),
    ...waveRows.filter((w) => !w.nameEn.trim()).map((w) => ({ field: 'waveName' as const, waveId: w.id, da: w.name })),
  ];
  return { ...generated, missingEnglish: [...generated.missingEnglish, ...missing] };
}

/** Returns the latest stored version for the phase if it is still what the generator makes, else stores a new one. */
export async function ensureSurveyVersion(db: DbLike, projectId: number, phase: Phase, thresholds: SurveyThresholds) {
  return transaction(db, async (tx) => {
    // Two requests at once must neither both take the same next number nor both store the same new version.
    await serialize(tx, `survey-version:${projectId}`);
    const generated = await previewSurvey(tx, projectId, phase, thresholds);
    const [latest] = await tx
      .select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.projectId, projectId), eq(surveyVersions.phase, phase)))
      .orderBy(desc(surveyVersions.number))
      .limit(1);
    if (latest && JSON.stringify(latest.surveyJson) === JSON.stringify(generated.survey) && JSON.stringify(latest.itemMap) === JSON.stringify(generated.itemMap)) {
      return latest;
    }
    const [last] = await tx.select({ number: surveyVersions.number }).from(surveyVersions).where(eq(surveyVersions.projectId, projectId)).orderBy(desc(surveyVersions.number)).limit(1);
    const [created] = await tx
      .insert(surveyVersions)
      .values({ projectId, phase, number: (last?.number ?? 0) + 1, surveyJson: generated.survey, itemMap: generated.itemMap })
      .returning();
    return created;
  });
}

export async function listSurveyVersions(db: Db, projectId: number) {
  return db
    .select({ id: surveyVersions.id, number: surveyVersions.number, phase: surveyVersions.phase, createdAt: surveyVersions.createdAt })
    .from(surveyVersions)
    .where(eq(surveyVersions.projectId, projectId))
    .orderBy(desc(surveyVersions.number));
}

type SurveyVersionRow = typeof surveyVersions.$inferSelect;

/**
 * A survey version never changes once stored, so every staff request need not read and parse its JSON again.
 * Only committed reads are kept (never inside a transaction that could roll back); ids are never reused.
 */
const versionCache = new WeakMap<Db, Map<number, SurveyVersionRow>>();
const VERSION_CACHE_SIZE = 200;

export async function getSurveyVersion(db: DbLike, versionId: number): Promise<SurveyVersionRow> {
  const cache = db.inTransaction ? undefined : versionCache.get(db) ?? versionCache.set(db, new Map()).get(db)!;
  const cached = cache?.get(versionId);
  if (cached) return cached;
  const [row] = await db.select().from(surveyVersions).where(eq(surveyVersions.id, versionId)).limit(1);
  if (!row) throw notFound('Survey version');
  if (cache) {
    if (cache.size >= VERSION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(versionId, row);
  }
  return row;
}

/** Saves the secretariat's survey choices; they apply to the next version, never to an opened wave. */
export async function saveSurveySpec(db: Db, projectId: number, spec: SpecInput['spec'], version: number, thresholds: SurveyThresholds) {
  const detail = await getProjectDetail(db, projectId);
  const ownBehaviours = new Set(detail.behaviours.map((b) => b.id));
  const ownBenefits = new Set(detail.benefits.map((b) => b.id));
  // Every id the spec names must be this project's, so a spec never silently asks about something else.
  const foreign: { path: string; id: number }[] = [];
  (spec?.behaviours ?? []).forEach((b, i) => {
    if (!ownBehaviours.has(b.behaviourId)) foreign.push({ path: `spec.behaviours.${i}.behaviourId`, id: b.behaviourId });
    (b.excludedBenefitIds ?? []).forEach((id, j) => {
      if (!ownBenefits.has(id)) foreign.push({ path: `spec.behaviours.${i}.excludedBenefitIds.${j}`, id });
    });
  });
  (spec?.customItems ?? []).forEach((item, i) => {
    const placement = item.placement;
    if (placement && typeof placement === 'object' && !ownBehaviours.has(placement.behaviourId)) foreign.push({ path: `spec.customItems.${i}.placement.behaviourId`, id: placement.behaviourId });
  });
  if (foreign.length) {
    throw invalid('link_outside_project', 'The survey spec names behaviours or benefits of another project', foreign.map((f) => ({ path: f.path, code: 'link_outside_project', message: `${f.id} is not in this project` })));
  }
  // From the spec version the editor loaded only: of two saves from the same version, one wins (versioned.ts).
  const surveySpecVersion = await claimVersion(
    db,
    projects,
    projectId,
    version,
    { what: 'survey', read: () => getSurveySpec(db, projectId), sent: spec ?? {}, versionOf: (c) => c.surveySpecVersion, compareWith: (c) => c.spec ?? {} },
    { surveySpec: spec },
    'surveySpecVersion',
  );
  return { ...(await previewSurvey(db, projectId, 'followup', thresholds)), surveySpecVersion };
}

/** The secretariat's survey choices (null: none saved) and their own version, apart from the project's. */
export async function getSurveySpec(db: DbLike, projectId: number) {
  const project = await getProjectRow(db, projectId);
  return { spec: project.surveySpec ?? null, surveySpecVersion: project.surveySpecVersion };
}
