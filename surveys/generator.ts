// Project → SurveyJS JSON + item map. Pure and deterministic: the same input gives byte-identical output.
import { durationText, SECONDS_PER_ITEM } from './duration';
import { bankItem, BANK_VERSION, FREE_TEXT_MAX_LENGTH, inPhase, itemKey, SURVEY_TEXT, type BankItem } from './itemBank';
import { SCALES, scaleValues } from './scales';
import { defaultConstructs, parseSpec, type BehaviourConstruct, type CustomItemSpec, type SurveySpec, type SurveySpecInput } from './spec';
import { fillLocalized, locString, oneLine, type LocString } from './text';
import { PAIRING_QUESTIONS, pairingPage, type TextJson } from './pairing';
import { DONT_KNOW, type ItemMap, type ItemMapEntry, type Localized, type Phase, type ScaleId } from './types';
import { midSentence, oldBehaviourWording, questionWording } from './wording';

export { durationText, SECONDS_PER_ITEM };

// ---------- input ----------

export interface GeneratorBehaviour {
  id: number;
  title: string;
  description?: string | null;
  targetGroup?: string | null;
  situation?: string | null;
  expectedFrequency?: string | null;
  /** The old behaviour this one replaces; empty or missing when there is none. */
  oldBehaviour?: string | null;
  /** The behaviour inside a question, in the perfect participle ("læst beboernes status …"); empty = suggested from the title (wording.ts). */
  questionText?: string | null;
  /** English texts; empty = the English survey shows the Danish text, and missingEnglish says so. */
  titleEn?: string | null;
  descriptionEn?: string | null;
  oldBehaviourEn?: string | null;
  situationEn?: string | null;
  /** Empty = suggested from titleEn; with no titleEn either, the English question quotes the Danish title. */
  questionTextEn?: string | null;
}

export interface GeneratorBenefit {
  id: number;
  title: string;
  titleEn?: string | null;
  direction: 'positive' | 'negative';
}

export interface GeneratorInput {
  project: { name: string; purpose: string; nameEn?: string | null; purposeEn?: string | null };
  behaviours: readonly GeneratorBehaviour[];
  benefits: readonly GeneratorBenefit[];
  /** behaviourId → linked benefitIds (JSON object keys are strings, so both work). */
  links: Readonly<Record<number, readonly number[]>>;
  /** The project asks the optional pairing code (surveys/pairing.ts): one more page, no items. */
  pairing?: boolean;
}

export interface GenerateOptions {
  /** Smallest group whose results are shown (default 5); stated on the intro page. */
  minGroupSize?: number;
  /** Smallest group whose comments are shown (default 10). */
  minGroupSizeText?: number;
}

// ---------- SurveyJS JSON (the subset we generate) ----------

export interface ChoiceJson {
  value: number;
  text: LocString;
}
export interface RowJson {
  value: string;
  text: LocString;
}
interface QuestionBase {
  name: string;
  title: LocString;
  description?: LocString;
  isRequired?: boolean;
  requiredErrorText?: LocString;
}
export interface RadiogroupJson extends QuestionBase {
  type: 'radiogroup';
  choices: ChoiceJson[];
  colCount: number;
}
export interface CheckboxJson extends QuestionBase {
  type: 'checkbox';
  choices: ChoiceJson[];
  colCount: number;
  maxSelectedChoices?: number;
}
export interface MatrixJson extends QuestionBase {
  type: 'matrix';
  columns: ChoiceJson[];
  rows: RowJson[];
  eachRowRequired?: boolean;
}
export interface CommentJson extends QuestionBase {
  type: 'comment';
  maxLength: number;
  rows: number;
  autoGrow: boolean;
}
export type QuestionJson = RadiogroupJson | CheckboxJson | MatrixJson | CommentJson | TextJson;

export interface PageJson {
  name: string;
  title?: LocString;
  description?: LocString;
  elements: QuestionJson[];
}

export interface SurveyJson {
  locale: 'da';
  title?: LocString;
  showQuestionNumbers: 'off';
  firstPageIsStartPage: true;
  showProgressBar: boolean;
  progressBarType: 'pages';
  completedHtml: LocString;
  pages: PageJson[];
}

/** Which text a respondent sees has no English side, so the English survey shows the Danish text there. */
export type MissingEnglishField =
  | 'projectName'
  | 'projectPurpose'
  | 'behaviourTitle'
  | 'behaviourDescription'
  | 'behaviourSituation'
  | 'oldBehaviour'
  | 'questionText'
  | 'benefitTitle'
  | 'rewording'
  // Not in the survey itself but on the answer page's heading (the preview adds them: server/services/surveys.ts).
  | 'unitName'
  | 'waveName';

export interface MissingEnglish {
  field: MissingEnglishField;
  behaviourId?: number;
  benefitId?: number;
  unitId?: number;
  waveId?: number;
  /** The item key of a rewording given in Danish only. */
  key?: string;
  /** The Danish text the English survey shows instead. */
  da: string;
}

export interface GeneratedSurvey {
  survey: SurveyJson;
  itemMap: ItemMap;
  estimatedSeconds: number;
  /** Spec entries that could not be applied (unknown behaviour, no old behaviour, …). */
  warnings: string[];
  /** Texts of this survey without English, in survey order (the editor shows them as "Mangler engelsk"). */
  missingEnglish: MissingEnglish[];
}

// ---------- answer time (worded in duration.ts) ----------

export function estimateSeconds(items: readonly Pick<ItemMapEntry, 'type'>[] | ItemMap): number {
  const list = Array.isArray(items) ? items : (items as ItemMap).items;
  return list.length * SECONDS_PER_ITEM;
}

// ---------- generator ----------

function nonEmpty(text: string | null | undefined): string {
  return (text ?? '').trim();
}

function choicesOf(scale: ScaleId): ChoiceJson[] {
  const def = SCALES[scale];
  return [...def.points, def.dontKnow].map((p) => ({ value: p.value, text: locString(p.text) }));
}

function assertPositiveInt(value: number, what: string) {
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${what} must be a positive integer, got ${value}`);
}

interface Planned {
  question: QuestionJson;
  items: ItemMapEntry[];
}

/**
 * Generates the survey for one phase. Keys are stable: the same behaviour/benefit/custom id gives the
 * same key in every phase and every regeneration. `spec` may be a stored (unparsed) spec; it is parsed
 * with surveySpecSchema and throws a ZodError when invalid.
 */
export function generateSurvey(input: GeneratorInput, phase: Phase, spec?: SurveySpec | SurveySpecInput | null, options: GenerateOptions = {}): GeneratedSurvey {
  if (phase !== 'baseline' && phase !== 'followup') throw new Error(`Unknown phase ${String(phase)}`);
  const minGroup = options.minGroupSize ?? 5;
  const minText = options.minGroupSizeText ?? 10;
  assertPositiveInt(minGroup, 'minGroupSize');
  assertPositiveInt(minText, 'minGroupSizeText');
  const parsed: SurveySpec = parseSpec(spec ?? {});
  const warnings: string[] = [];
  const missingEnglish: MissingEnglish[] = [];
  const seenMissing = new Set<string>();
  /** The text in both languages: the English side when written, else the Danish one, noted as missing. */
  const bilingual = (da: string, en: string | null | undefined, missing: Omit<MissingEnglish, 'da'>): Localized => {
    const english = oneLine(en ?? '') === '' ? '' : (en ?? '').trim();
    if (da !== '' && english === '') {
      const id = JSON.stringify(missing);
      if (!seenMissing.has(id)) missingEnglish.push({ ...missing, da });
      seenMissing.add(id);
    }
    return { da, en: english || da };
  };
  const benefitTitle = (g: GeneratorBenefit) => bilingual(oneLine(g.title), oneLine(nonEmpty(g.titleEn)), { field: 'benefitTitle', benefitId: g.id });

  // Input checks: ids are what keys are made of.
  const behaviourById = new Map<number, GeneratorBehaviour>();
  for (const b of input.behaviours) {
    assertPositiveInt(b.id, 'Behaviour id');
    if (behaviourById.has(b.id)) throw new Error(`Behaviour ${b.id} appears twice`);
    if (oneLine(b.title ?? '') === '') throw new Error(`Behaviour ${b.id} has no title`);
    behaviourById.set(b.id, b);
  }
  const benefitById = new Map<number, GeneratorBenefit>();
  for (const g of input.benefits) {
    assertPositiveInt(g.id, 'Benefit id');
    if (benefitById.has(g.id)) throw new Error(`Benefit ${g.id} appears twice`);
    if (g.direction !== 'positive' && g.direction !== 'negative') throw new Error(`Benefit ${g.id} has no direction`);
    benefitById.set(g.id, g);
  }

  // Behaviour order and constructs: the spec's order first, then the rest with the defaults.
  const plan: { behaviour: GeneratorBehaviour; constructs: Set<BehaviourConstruct>; excluded: Set<number> }[] = [];
  const listed = new Set<number>();
  for (const bs of parsed.behaviours) {
    listed.add(bs.behaviourId);
    const behaviour = behaviourById.get(bs.behaviourId);
    if (!behaviour) {
      warnings.push(`Spec names behaviour ${bs.behaviourId}, which is not in the project`);
      continue;
    }
    if (!bs.include) continue;
    plan.push({ behaviour, constructs: new Set(bs.constructs), excluded: new Set(bs.excludedBenefitIds) });
  }
  for (const behaviour of input.behaviours) {
    if (!listed.has(behaviour.id)) plan.push({ behaviour, constructs: new Set(defaultConstructs(behaviour)), excluded: new Set() });
  }
  const includedBehaviours = new Set(plan.map((p) => p.behaviour.id));

  const required = (construct: 'adoption' | 'other') => parsed.required === 'all' || (parsed.required === 'adoption' && construct === 'adoption');
  const usedOverrides = new Set<string>();

  type Vars = { da: Record<string, string>; en: Record<string, string>; enWording: boolean };
  /**
   * Wording of a bank item for a key: the secretariat's rewording if any, else the bank text; then filled with
   * each language's values. Without English question wording the English side quotes the title instead.
   */
  const wording = (bank: BankItem, key: string, vars: Vars): Localized => {
    const o = Object.prototype.hasOwnProperty.call(parsed.overrides, key) ? parsed.overrides[key] : undefined;
    if (o) usedOverrides.add(key);
    if (o?.da !== undefined && o.en === undefined) {
      const id = JSON.stringify({ field: 'rewording', key });
      if (!seenMissing.has(id)) missingEnglish.push({ field: 'rewording', key, da: o.da });
      seenMissing.add(id);
    }
    const bankEn = !vars.enWording && bank.enWithoutWording ? bank.enWithoutWording : bank.text.en;
    const template = { da: o?.da ?? bank.text.da, en: o?.en ?? bankEn };
    return fillLocalized(template, vars);
  };
  const helpText = (bank: BankItem): Localized | undefined =>
    bank.description ? fillLocalized(bank.description, { da: { minText: String(minText) }, en: { minText: String(minText) } }) : undefined;

  const scaleEntry = (bank: BankItem, key: string, text: Localized, question: string, row: string | undefined, extra: Partial<ItemMapEntry>): ItemMapEntry => ({
    key,
    construct: bank.construct,
    ...extra,
    type: 'scale',
    scale: bank.scale,
    values: scaleValues(bank.scale!),
    favourable: [...(bank.favourable ?? [])],
    allowDontKnow: true,
    required: extra.required ?? false,
    question,
    ...(row !== undefined ? { row } : {}),
    text,
  });

  const radiogroup = (name: string, title: Localized, scale: ScaleId, isRequired: boolean, description?: Localized): RadiogroupJson => ({
    type: 'radiogroup',
    name,
    title: locString(title),
    ...(description ? { description: locString(description) } : {}),
    ...(isRequired ? { isRequired: true, requiredErrorText: locString(SURVEY_TEXT.requiredScale) } : {}),
    choices: choicesOf(scale),
    colCount: 1,
  });

  const comment = (name: string, title: Localized, maxLength: number, isRequired: boolean, description?: Localized): CommentJson => ({
    type: 'comment',
    name,
    title: locString(title),
    ...(description ? { description: locString(description) } : {}),
    ...(isRequired ? { isRequired: true } : {}),
    maxLength,
    rows: 4,
    autoGrow: true,
  });

  /** Agreement rows: one matrix (rows = item keys), or separate radiogroups, or one radiogroup for one row. */
  const agreementGroup = (name: string, title: Localized, rows: { bank: BankItem; key: string; text: Localized; extra: Partial<ItemMapEntry> }[]): Planned[] => {
    if (rows.length === 0) return [];
    if (rows.length === 1 || parsed.agreementLayout === 'separate') {
      return rows.map((r) => ({
        question: radiogroup(r.key, r.text, 'agreement5', !!r.extra.required),
        items: [scaleEntry(r.bank, r.key, r.text, r.key, undefined, r.extra)],
      }));
    }
    const anyRequired = rows.some((r) => r.extra.required);
    const question: MatrixJson = {
      type: 'matrix',
      name,
      title: locString(title),
      ...(anyRequired ? { isRequired: true, eachRowRequired: true, requiredErrorText: locString(SURVEY_TEXT.requiredScale) } : {}),
      columns: choicesOf('agreement5'),
      rows: rows.map((r) => ({ value: r.key, text: locString(r.text) })),
    };
    // A matrix requires all rows or none; keep the item map honest about it.
    const items = rows.map((r) => scaleEntry(r.bank, r.key, r.text, name, r.key, { ...r.extra, required: anyRequired }));
    return [{ question, items }];
  };

  const customPlanned = (item: CustomItemSpec, behaviourId?: number): Planned => {
    const key = `custom.${item.id}`;
    const base = { key, construct: 'custom' as const, ...(behaviourId !== undefined ? { behaviourId } : {}), required: item.required, question: key, text: { ...item.text } };
    switch (item.kind) {
      case 'rating':
        return {
          question: radiogroup(key, item.text, item.scale, item.required, item.description),
          items: [{ ...base, type: 'scale', scale: item.scale, values: scaleValues(item.scale), favourable: [...item.favourable], allowDontKnow: true }],
        };
      case 'single':
      case 'multi': {
        const choices = item.choices.map((c) => ({ value: c.value, text: locString(c.text) }));
        const common = { name: key, title: locString(item.text), ...(item.description ? { description: locString(item.description) } : {}), ...(item.required ? { isRequired: true } : {}), choices, colCount: 1 };
        const values = item.choices.map((c) => c.value);
        if (item.kind === 'single') {
          return { question: { type: 'radiogroup', ...common }, items: [{ ...base, type: 'choice', values, favourable: [...item.favourable] }] };
        }
        return {
          question: { type: 'checkbox', ...common, ...(item.maxSelected !== undefined ? { maxSelectedChoices: item.maxSelected } : {}) },
          items: [{ ...base, type: 'multi', values, favourable: [...item.favourable], ...(item.maxSelected !== undefined ? { maxSelected: item.maxSelected } : {}) }],
        };
      }
      case 'text':
        return { question: comment(key, item.text, item.maxLength, item.required, item.description), items: [{ ...base, type: 'text', maxLength: item.maxLength }] };
    }
  };

  const customs = parsed.customItems.filter((c) => inPhase(c.phases, phase));
  const customsFor = (behaviourId: number) => customs.filter((c) => c.placement !== 'end' && c.placement.behaviourId === behaviourId);
  const endCustoms = customs.filter((c) => {
    if (c.placement === 'end') return true;
    if (!includedBehaviours.has(c.placement.behaviourId)) {
      warnings.push(`Custom item ${c.id} is placed on behaviour ${c.placement.behaviourId}, which is not in the survey; it is asked at the end`);
      return true;
    }
    return false;
  });

  // ---------- behaviour pages ----------
  const contentPages: { page: Omit<PageJson, 'elements'>; planned: Planned[] }[] = [];
  for (const { behaviour, constructs, excluded } of plan) {
    const b = behaviour.id;
    const missingBefore = missingEnglish.length;
    const title = bilingual(oneLine(behaviour.title), oneLine(nonEmpty(behaviour.titleEn)), { field: 'behaviourTitle', behaviourId: b });
    const oldDa = oneLine(nonEmpty(behaviour.oldBehaviour));
    const asksOld = constructs.has('old_behaviour') && oldDa !== '';
    const old = asksOld ? bilingual(oldDa, oneLine(nonEmpty(behaviour.oldBehaviourEn)), { field: 'oldBehaviour', behaviourId: b }) : { da: oldDa, en: oldDa };
    // The old behaviour sits inside a sentence: lower-case, unbracketed, and where it starts with a verb, conjugated.
    const oldDone = oldBehaviourWording(old.da, nonEmpty(behaviour.oldBehaviourEn) ? old.en : null);
    const done = questionWording(behaviour);
    if (constructs.has('adoption') && done.en === null) missingEnglish.push({ field: 'questionText', behaviourId: b, da: done.da });
    const vars: Vars = {
      da: { behaviour: title.da, oldBehaviour: midSentence(old.da), oldBehaviourDone: oldDone.da, behaviourDone: done.da },
      en: { behaviour: title.en, oldBehaviour: midSentence(old.en, 'en'), oldBehaviourDone: oldDone.en, behaviourDone: done.en ?? done.da },
      enWording: done.en !== null,
    };
    const withBenefit = (benefit: Localized): Vars => ({ ...vars, da: { ...vars.da, benefit: benefit.da }, en: { ...vars.en, benefit: benefit.en } });
    const planned: Planned[] = [];
    const ids = { behaviourId: b };

    for (const construct of ['adoption', 'old_behaviour'] as const) {
      if (!constructs.has(construct)) continue;
      const bank = bankItem(construct);
      if (bank.needsOldBehaviour && oldDa === '') {
        warnings.push(`Behaviour ${b} has no old behaviour, so ${construct} is not asked`);
        continue;
      }
      const key = itemKey(bank.keyTemplate, ids);
      const text = wording(bank, key, vars);
      const req = required(construct === 'adoption' ? 'adoption' : 'other');
      planned.push({
        question: radiogroup(key, text, bank.scale!, req, helpText(bank)),
        items: [scaleEntry(bank, key, text, key, undefined, { behaviourId: b, required: req })],
      });
    }

    const statementRows = (['capability', 'opportunity', 'motivation'] as const)
      .filter((c) => constructs.has(c))
      .map((c) => {
        const bank = bankItem(c);
        const key = itemKey(bank.keyTemplate, ids);
        return { bank, key, text: wording(bank, key, vars), extra: { behaviourId: b, required: required('other') } };
      });
    planned.push(...agreementGroup(`b${b}.statements`, fillLocalized(SURVEY_TEXT.statementsTitle, vars), statementRows));

    if (phase === 'followup') {
      const linked = [...new Set(input.links[b] ?? [])];
      for (const benefitId of linked) {
        if (!benefitById.has(benefitId)) warnings.push(`Behaviour ${b} links to benefit ${benefitId}, which is not in the project`);
      }
      const benefits = linked.map((id) => benefitById.get(id)).filter((g): g is GeneratorBenefit => !!g && !excluded.has(g.id));
      const effectRows: { bank: BankItem; key: string; text: Localized; extra: Partial<ItemMapEntry> }[] = [];
      const req = required('other');
      if (constructs.has('benefit')) {
        for (const g of benefits.filter((x) => x.direction === 'positive')) {
          const bank = bankItem('benefit');
          const key = itemKey(bank.keyTemplate, { behaviourId: b, benefitId: g.id });
          effectRows.push({ bank, key, text: wording(bank, key, withBenefit(benefitTitle(g))), extra: { behaviourId: b, benefitId: g.id, required: req } });
        }
      }
      if (constructs.has('drawback')) {
        const negatives = benefits.filter((x) => x.direction === 'negative');
        for (const g of negatives) {
          const bank = bankItem('drawback');
          const key = itemKey(bank.keyTemplate, { behaviourId: b, benefitId: g.id });
          effectRows.push({ bank, key, text: wording(bank, key, withBenefit(benefitTitle(g))), extra: { behaviourId: b, benefitId: g.id, required: req } });
        }
        if (negatives.length === 0) {
          const bank = bankItem('drawback_general');
          const key = itemKey(bank.keyTemplate, ids);
          effectRows.push({ bank, key, text: wording(bank, key, vars), extra: { behaviourId: b, required: req } });
        }
      }
      planned.push(...agreementGroup(`b${b}.effects`, fillLocalized(SURVEY_TEXT.effectsTitle, vars), effectRows));
    }

    if (constructs.has('free_text')) {
      const bank = bankItem('free_text_behaviour');
      const key = itemKey(bank.keyTemplate, ids);
      const text = wording(bank, key, vars);
      planned.push({
        question: comment(key, text, FREE_TEXT_MAX_LENGTH, false, helpText(bank)),
        items: [{ key, construct: 'free_text', behaviourId: b, type: 'text', maxLength: FREE_TEXT_MAX_LENGTH, required: false, question: key, text }],
      });
    }

    for (const c of customsFor(b)) planned.push(customPlanned(c, b));

    if (planned.length === 0) {
      warnings.push(`Behaviour ${b} has no questions in this phase`);
      missingEnglish.length = missingBefore; // no page, so none of its texts is shown
      continue;
    }
    // Page description: the behaviour's description as written, then the situation it applies to.
    const situationDa = oneLine(nonEmpty(behaviour.situation));
    const situation = situationDa ? bilingual(situationDa, oneLine(nonEmpty(behaviour.situationEn)), { field: 'behaviourSituation', behaviourId: b }) : undefined;
    const situationLine = situation ? fillLocalized(SURVEY_TEXT.situation, { da: { situation: situation.da }, en: { situation: situation.en } }) : undefined;
    const descriptionDa = nonEmpty(behaviour.description);
    const own = descriptionDa ? bilingual(descriptionDa, nonEmpty(behaviour.descriptionEn), { field: 'behaviourDescription', behaviourId: b }) : { da: '', en: '' };
    const joinLines = (lang: 'da' | 'en') => [own[lang], situationLine?.[lang] ?? ''].filter(Boolean).join('\n');
    const description: Localized = { da: joinLines('da'), en: joinLines('en') };
    contentPages.push({
      page: { name: `b${b}`, title: locString(title), ...(description.da ? { description: locString(description) } : {}) },
      planned,
    });
  }

  if (endCustoms.length > 0) {
    contentPages.push({ page: { name: 'custom', title: locString(SURVEY_TEXT.customPageTitle) }, planned: endCustoms.map((c) => customPlanned(c)) });
  }

  if (parsed.background.length > 0) {
    const minVars = { min: String(minGroup) };
    contentPages.push({
      page: {
        name: 'background',
        title: locString(SURVEY_TEXT.backgroundPageTitle),
        description: locString(fillLocalized(SURVEY_TEXT.backgroundPageDescription, { da: minVars, en: minVars })),
      },
      planned: parsed.background.map((bg) => {
        const key = `background.${bg.id}`;
        const choices = [...bg.choices, { value: DONT_KNOW, text: SURVEY_TEXT.preferNotToSay }];
        return {
          question: { type: 'radiogroup', name: key, title: locString(bg.text), choices: choices.map((c) => ({ value: c.value, text: locString(c.text) })), colCount: 1 },
          items: [{ key, construct: 'background', type: 'choice', values: choices.map((c) => c.value), allowDontKnow: true, required: false, question: key, text: { ...bg.text } }],
        };
      }),
    });
  }

  // The pairing questions are in no item map: the server turns them into a key and stores nothing of them.
  if (input.pairing) {
    const { elements, ...page } = pairingPage();
    contentPages.push({ page, planned: elements.map((question) => ({ question, items: [] })) });
  }

  if (parsed.freeText) {
    const bank = bankItem('free_text');
    const key = bank.keyTemplate;
    const text = wording(bank, key, { da: {}, en: {}, enWording: true });
    contentPages.push({
      page: { name: 'final', title: locString(SURVEY_TEXT.finalPageTitle) },
      planned: [
        {
          question: comment(key, text, FREE_TEXT_MAX_LENGTH, false, helpText(bank)),
          items: [{ key, construct: 'free_text', type: 'text', maxLength: FREE_TEXT_MAX_LENGTH, required: false, question: key, text }],
        },
      ],
    });
  }

  for (const key of Object.keys(parsed.overrides)) {
    if (!usedOverrides.has(key)) warnings.push(`Rewording for ${key} is not used in the ${phase} survey`);
  }

  const items = contentPages.flatMap((p) => p.planned.flatMap((q) => q.items));
  assertUnique(items.map((i) => i.key), 'item key');
  assertUnique(contentPages.flatMap((p) => p.planned.map((q) => q.question.name)), 'question name');

  const estimatedSeconds = estimateSeconds(items) + (input.pairing ? PAIRING_QUESTIONS.length * SECONDS_PER_ITEM : 0);

  // ---------- intro (start page) ----------
  const nameDa = oneLine(input.project.name ?? '');
  const purposeDa = nonEmpty(input.project.purpose);
  const projectName = nameDa ? bilingual(nameDa, oneLine(nonEmpty(input.project.nameEn)), { field: 'projectName' }) : null;
  const purpose = purposeDa ? bilingual(purposeDa, nonEmpty(input.project.purposeEn), { field: 'projectPurpose' }) : null;
  // The project texts come first on the page: list them first too.
  missingEnglish.sort((a, b) => Number(b.field.startsWith('project')) - Number(a.field.startsWith('project')));
  const duration = durationText(estimatedSeconds);
  const fillBoth = (t: Localized, v: Record<string, string>) => fillLocalized(t, { da: v, en: v });
  // Four short paragraphs: what and why; anonymity and who sees what; how long and "ved ikke".
  const lines = (parts: Localized[], sep: string): Localized => ({ da: parts.map((p) => p.da).join(sep), en: parts.map((p) => p.en).join(sep) });
  const introParts: Localized[] = [
    lines(
      [
        ...(projectName ? [fillLocalized(SURVEY_TEXT.introProject, { da: { project: projectName.da }, en: { project: projectName.en } })] : []),
        ...(purpose ? [fillLocalized(SURVEY_TEXT.introPurpose, { da: { purpose: purpose.da }, en: { purpose: purpose.en } })] : []),
      ],
      '\n',
    ),
    SURVEY_TEXT.introWhy,
    lines([SURVEY_TEXT.introAnonymous, fillBoth(SURVEY_TEXT.introThresholds, { min: String(minGroup), minText: String(minText) }), SURVEY_TEXT.introWhoSees], ' '),
    lines([fillLocalized(SURVEY_TEXT.introDuration, { da: { duration: duration.da }, en: { duration: duration.en } }), SURVEY_TEXT.introDontKnow], ' '),
  ].filter((p) => p.da !== '');
  const intro: PageJson = {
    name: 'intro',
    title: locString(SURVEY_TEXT.introTitle),
    description: locString(lines(introParts, '\n\n')),
    elements: [],
  };

  const survey: SurveyJson = {
    locale: 'da',
    ...(projectName ? { title: locString(projectName) } : {}),
    showQuestionNumbers: 'off',
    firstPageIsStartPage: true,
    showProgressBar: true,
    progressBarType: 'pages',
    completedHtml: { default: SURVEY_TEXT.completedHtml.da, en: SURVEY_TEXT.completedHtml.en },
    pages: [intro, ...contentPages.map((p) => ({ ...p.page, elements: p.planned.map((q) => q.question) }))],
  };

  // Frozen with the version, so the answer page can tell English respondents that some texts are Danish only.
  const itemMap: ItemMap = { phase, bankVersion: BANK_VERSION, items, ...(missingEnglish.length ? { untranslated: missingEnglish.length } : {}) };
  return { survey, itemMap, estimatedSeconds, warnings, missingEnglish };
}

function assertUnique(values: string[], what: string) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new Error(`Duplicate ${what} ${v}`);
    seen.add(v);
  }
}
