// The survey editor's model: the project's SurveySpec (surveys/spec.ts) with every live behaviour listed in
// page order, plus the pure helpers around it. The default wording shown as placeholders comes from the same
// generator the server uses, run on this project with every question switched on and no rewording, so it is
// exactly the item-map text a survey without rewording would have.
import type { FieldProblem } from '../../api';
import type { ProjectDetail, StoredSurveySpec } from '../api';
import { generateSurvey, type GeneratorInput } from '../../../surveys/generator';
import { generatorInputOf } from '../../../surveys/generatorInput';
import { BACKGROUND_PRESETS, BEHAVIOUR_CONSTRUCTS, defaultConstructs, surveySpecSchema, type BehaviourConstruct, type CustomItemSpec, type SurveySpec, type SurveySpecInput } from '../../../surveys/spec';
import type { Localized } from '../../../surveys/types';
import type { SurveyEditorKey } from '../../i18n/surveyEditor';

export { BACKGROUND_PRESETS, BEHAVIOUR_CONSTRUCTS };
export type { BehaviourConstruct, CustomItemSpec, SurveySpec };

export type Behaviour = ProjectDetail['behaviours'][number];
export type Benefit = ProjectDetail['benefits'][number];

export const liveBehaviours = (p: ProjectDetail) => p.behaviours.filter((b) => !b.archivedAt);
export const liveBenefits = (p: ProjectDetail) => p.benefits.filter((b) => !b.archivedAt);
export const hasOldBehaviour = (b: { oldBehaviour?: string | null }) => !!b.oldBehaviour && b.oldBehaviour.trim() !== '';

/** The linked, live benefits of a behaviour (those the follow-up can ask about). */
export function linkedBenefits(project: ProjectDetail, behaviour: Behaviour): Benefit[] {
  const live = liveBenefits(project);
  return behaviour.benefitIds.map((id) => live.find((g) => g.id === id)).filter((g): g is Benefit => !!g);
}

/** The generator's input, exactly as the server builds it. */
export const generatorInput = (project: ProjectDetail): GeneratorInput => generatorInputOf(project);

/**
 * The editor's starting point: the stored spec (defaults filled in) or the default one, listing exactly the
 * project's live behaviours — stored order first, the others appended with their default questions, as the
 * generator does. "The old behaviour" is dropped where the behaviour has none (the generator would skip it).
 * The stored spec is parsed with the schema, as the generator does, so defaults added since it was saved are filled in.
 */
export function initialSpec(project: ProjectDetail, stored: StoredSurveySpec): SurveySpec {
  const parsed = stored ? surveySpecSchema.safeParse(stored) : null;
  const base: SurveySpec = parsed?.success ? parsed.data : surveySpecSchema.parse({});
  const live = liveBehaviours(project);
  const byId = new Map(live.map((b) => [b.id, b]));
  const listed = base.behaviours.filter((b) => byId.has(b.behaviourId));
  const seen = new Set(listed.map((b) => b.behaviourId));
  const behaviours = [
    ...listed,
    ...live.filter((b) => !seen.has(b.id)).map((b) => ({ behaviourId: b.id, include: true, constructs: defaultConstructs(b), excludedBenefitIds: [] as number[] })),
  ].map((bs) => {
    const b = byId.get(bs.behaviourId)!;
    return hasOldBehaviour(b) ? bs : { ...bs, constructs: bs.constructs.filter((c) => c !== 'old_behaviour') };
  });
  return { ...base, behaviours };
}

/** What is sent: rewordings trimmed, empty languages and empty rewordings left out. */
export function specForSaving(spec: SurveySpec): SurveySpecInput {
  const overrides: Record<string, { da?: string; en?: string }> = {};
  for (const [key, o] of Object.entries(spec.overrides)) {
    const da = o.da?.trim();
    const en = o.en?.trim();
    if (da || en) overrides[key] = { ...(da ? { da } : {}), ...(en ? { en } : {}) };
  }
  return { ...spec, overrides };
}

/** Stable comparison for "unsaved changes". */
export const specFingerprint = (spec: SurveySpec) => JSON.stringify(specForSaving(spec));

/** Default (bank) wording per rewordable item key for this project: the generator with everything switched on. */
export function defaultWording(project: ProjectDetail): Map<string, Localized> {
  const out = new Map<string, Localized>();
  try {
    const all = liveBehaviours(project).map((b) => ({ behaviourId: b.id, include: true, constructs: [...BEHAVIOUR_CONSTRUCTS], excludedBenefitIds: [] }));
    const { itemMap } = generateSurvey(generatorInput(project), 'followup', { behaviours: all, freeText: true });
    for (const item of itemMap.items) out.set(item.key, item.text);
  } catch {
    // A project the generator cannot handle yet (e.g. a behaviour without a title): no placeholders.
  }
  return out;
}

export interface RewordItem {
  key: string;
  /** Dictionary key and variables for the item's plain-language name. */
  label: { key: SurveyEditorKey; vars?: Record<string, string> };
  defaults?: Localized;
}

/** The rewordable items of a behaviour under the current choices, in survey order. */
export function rewordItems(project: ProjectDetail, spec: SurveySpec, behaviour: Behaviour, defaults: Map<string, Localized>): RewordItem[] {
  const bs = spec.behaviours.find((b) => b.behaviourId === behaviour.id);
  if (!bs || !bs.include) return [];
  const on = new Set(bs.constructs);
  const b = behaviour.id;
  const items: RewordItem[] = [];
  const push = (key: string, label: RewordItem['label']) => items.push({ key, label, defaults: defaults.get(key) });
  if (on.has('adoption')) push(`b${b}.adoption`, { key: 'construct_adoption' });
  if (on.has('old_behaviour') && hasOldBehaviour(behaviour)) push(`b${b}.old_behaviour`, { key: 'construct_old_behaviour' });
  for (const c of ['capability', 'opportunity', 'motivation'] as const) if (on.has(c)) push(`b${b}.${c}`, { key: `construct_${c}` });
  const linked = linkedBenefits(project, behaviour).filter((g) => !bs.excludedBenefitIds.includes(g.id));
  if (on.has('benefit')) for (const g of linked.filter((x) => x.direction === 'positive')) push(`b${b}.benefit.${g.id}`, { key: 'itemBenefit', vars: { benefit: g.title } });
  if (on.has('drawback')) {
    const negatives = linked.filter((x) => x.direction === 'negative');
    for (const g of negatives) push(`b${b}.drawback.${g.id}`, { key: 'itemDrawback', vars: { benefit: g.title } });
    if (negatives.length === 0) push(`b${b}.drawback`, { key: 'itemDrawbackGeneral' });
  }
  if (on.has('free_text')) push(`b${b}.free_text`, { key: 'construct_free_text' });
  return items;
}

// ---------- custom items ----------

export type CustomKind = 'agreement5' | 'frequency5' | 'single' | 'multi' | 'text';

export const kindOf = (item: CustomItemSpec): CustomKind => (item.kind === 'rating' ? item.scale : item.kind);

/** A key not used by another custom item: q1, q2, … */
export function nextCustomId(spec: SurveySpec): string {
  const used = new Set(spec.customItems.map((c) => c.id));
  for (let n = spec.customItems.length + 1; ; n++) if (!used.has(`q${n}`)) return `q${n}`;
}

const emptyText = (): { da: string; en: string } => ({ da: '', en: '' });

export function newCustomItem(spec: SurveySpec): CustomItemSpec {
  return { kind: 'single', id: nextCustomId(spec), text: emptyText(), required: false, phases: 'both', placement: 'end', choices: [{ value: 1, text: emptyText() }, { value: 2, text: emptyText() }], favourable: [] };
}

/** Changes the answer type, keeping what the types share (key, wording, phases, placement, required). */
export function withKind(item: CustomItemSpec, kind: CustomKind): CustomItemSpec {
  const { id, text, description, required, phases, placement } = item;
  const common = { id, text, ...(description ? { description } : {}), required, phases, placement };
  const choices = item.kind === 'single' || item.kind === 'multi' ? item.choices : [{ value: 1, text: emptyText() }, { value: 2, text: emptyText() }];
  const favourable = item.kind === 'single' || item.kind === 'multi' ? item.favourable : [];
  switch (kind) {
    case 'agreement5':
    case 'frequency5':
      return { ...common, kind: 'rating', scale: kind, favourable: item.kind === 'rating' ? item.favourable : [4, 5] };
    case 'single':
      return { ...common, kind: 'single', choices, favourable };
    case 'multi':
      return { ...common, kind: 'multi', choices, favourable };
    case 'text':
      return { ...common, kind: 'text', maxLength: 2000 };
  }
}

/** The next free choice code (codes stay fixed; a removed code is not reused while a higher one exists). */
export const nextChoiceValue = (choices: { value: number }[]) => Math.min(99, Math.max(0, ...choices.map((c) => c.value)) + 1);

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const copy = [...list];
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

// ---------- errors ----------

/** A DOM id for a spec path ("customItems.0.text.da" → "spec-customItems-0-text-da"). */
export const fieldId = (path: string) => `spec-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The field an error path belongs to. Problems below a field (a choice's code, one favourable value) are shown
 * at the nearest field the editor draws; anything else at the form.
 */
export function anchorOf(path: string): string {
  let m: RegExpExecArray | null;
  if (/^overrides\..+\.(da|en)$/.test(path)) return path;
  if (/^overrides\..+$/.test(path)) return `${path}.da`;
  if (/^customItems\.\d+\.(text|description)\.(da|en)$/.test(path)) return path;
  if (/^customItems\.\d+\.choices\.\d+\.text\.(da|en)$/.test(path)) return path;
  if ((m = /^customItems\.(\d+)\.(choices|favourable)(\.|$)/.exec(path))) return `customItems.${m[1]}.${m[2]}`;
  if (/^customItems\.\d+\.(id|maxSelected)$/.test(path)) return path;
  if ((m = /^customItems\.(\d+)/.exec(path))) return `customItems.${m[1]}`;
  if ((m = /^behaviours\.(\d+)/.exec(path))) return `behaviours.${m[1]}`;
  if (/^background/.test(path)) return 'background';
  return 'form';
}

/** The words for a field problem, by the server's (or zod's) code and message. */
export function errorKey(p: Pick<FieldProblem, 'path' | 'code' | 'message'>): SurveyEditorKey {
  switch (p.message) {
    case 'Duplicate id':
      return 'err_duplicateId';
    case 'Duplicate choice value':
      return 'err_duplicateChoice';
    case 'Not one of the choices':
      return 'err_notChoice';
    case 'More than the number of choices':
      return 'err_maxSelected';
  }
  if (p.code === 'link_outside_project') return 'err_behaviour';
  if (/\.id$/.test(p.path) && (p.code === 'invalid_format' || p.code === 'too_small' || p.code === 'too_big' || p.code === 'invalid_string')) return 'err_slug';
  if (/\.maxSelected$/.test(p.path)) return 'err_number';
  if (/\.choices$/.test(p.path)) return p.code === 'too_big' ? 'err_tooMany' : 'err_choicesMin';
  if (p.code === 'too_small') return 'err_required';
  if (p.code === 'too_big') return /\.(da|en)$/.test(p.path) ? 'err_tooLong' : 'err_tooMany';
  return 'err_invalid';
}

/** Checks the spec with the server's own schema before sending, so errors appear without a round trip. */
export function localProblems(spec: SurveySpecInput): FieldProblem[] {
  const r = surveySpecSchema.safeParse(spec);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

/** Server problems for PUT { spec } carry paths like "spec.customItems.0.text.da". */
export const withoutSpecPrefix = (p: FieldProblem): FieldProblem => ({ ...p, path: p.path.replace(/^spec\.?/, '') });

// ---------- warnings ----------

export type WarningText = { key: SurveyEditorKey; vars: Record<string, string> } | { raw: string };

/** Words the generator's English warnings (see surveys/generator.ts) by pattern; unknown ones are shown as they are. */
export function warningText(w: string, titleOf: (id: number) => string, itemName: (key: string) => string, phaseName: (p: 'baseline' | 'followup') => string, phase: 'baseline' | 'followup'): WarningText {
  let m: RegExpExecArray | null;
  if ((m = /^Behaviour (\d+) has no old behaviour/.exec(w))) return { key: 'warn_noOld', vars: { title: titleOf(Number(m[1])) } };
  if ((m = /^Rewording for (\S+) is not used in the (baseline|followup) survey$/.exec(w))) return { key: 'warn_unusedOverride', vars: { item: itemName(m[1]), phase: phaseName(m[2] as 'baseline' | 'followup') } };
  if (/^Custom item .* is placed on behaviour/.test(w)) return { key: 'warn_customEnd', vars: {} };
  if ((m = /^Behaviour (\d+) has no questions in this phase$/.exec(w))) return { key: 'warn_noQuestions', vars: { title: titleOf(Number(m[1])), phase: phaseName(phase) } };
  if (/^Spec names behaviour/.test(w)) return { key: 'warn_unknownBehaviour', vars: {} };
  return { raw: w };
}

// ---------- what every part of the editor gets ----------

export interface EditorContext {
  project: ProjectDetail;
  spec: SurveySpec;
  update: (change: (spec: SurveySpec) => SurveySpec) => void;
  /** Error text per anchor path (see anchorOf). */
  errors: Record<string, string>;
  /** Says something in the polite live region (moves, resets). */
  announce: (message: string) => void;
  defaults: Map<string, Localized>;
}
