// The secretariat's per-project survey choices, validated with zod when the API saves them.
import { z } from 'zod';
import { FREE_TEXT_MAX_LENGTH, OVERRIDABLE_KEY_PATTERN } from './itemBank';
import type { Construct } from './types';

/** Constructs that can be switched on or off per behaviour. */
export const BEHAVIOUR_CONSTRUCTS = [
  'adoption',
  'old_behaviour',
  'capability',
  'opportunity',
  'motivation',
  'benefit',
  'drawback',
  'free_text',
] as const satisfies readonly Construct[];
export type BehaviourConstruct = (typeof BEHAVIOUR_CONSTRUCTS)[number];

/** Asked by default for a behaviour (benefit/drawback only appear in follow-up waves). */
export const DEFAULT_BEHAVIOUR_CONSTRUCTS: readonly BehaviourConstruct[] = [
  'adoption',
  'old_behaviour',
  'capability',
  'opportunity',
  'motivation',
  'benefit',
  'drawback',
];

export const SPEC_LIMITS = {
  textLength: 500,
  customItems: 30,
  choices: 20,
  background: 5,
  overrides: 500,
} as const;

const id = z.number().int().positive().max(2_147_483_647);
const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Use 1–40 lower-case letters, digits, - or _');
const text = z.string().trim().min(1).max(SPEC_LIMITS.textLength);
const localized = z.strictObject({ da: text, en: text });
const phases = z.enum(['baseline', 'followup', 'both']).default('both');

const behaviourSpec = z.strictObject({
  behaviourId: id,
  /** false leaves the behaviour out of the survey. */
  include: z.boolean().default(true),
  constructs: z
    .array(z.enum(BEHAVIOUR_CONSTRUCTS))
    .max(BEHAVIOUR_CONSTRUCTS.length)
    .refine((a) => new Set(a).size === a.length, 'Each construct once')
    .default([...DEFAULT_BEHAVIOUR_CONSTRUCTS]),
  /** Linked benefits not to ask about. */
  excludedBenefitIds: z.array(id).max(200).default([]),
});

const choice = z.strictObject({
  /** Stored code; keep it when rewording so waves stay comparable. */
  value: z.number().int().min(1).max(99),
  text: localized,
});

const placement = z.union([z.literal('end'), z.strictObject({ behaviourId: id })]).default('end');

const customCommon = {
  id: slug,
  text: localized,
  description: localized.optional(),
  required: z.boolean().default(false),
  phases,
  /** 'end' = a page after the behaviours; { behaviourId } = at the end of that behaviour's page. */
  placement,
};

const customItem = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('rating'),
    scale: z.enum(['agreement5', 'frequency5']),
    favourable: z.array(z.number().int().min(1).max(5)).max(5).default([]),
    ...customCommon,
  }),
  z.strictObject({
    kind: z.literal('single'),
    choices: z.array(choice).min(2).max(SPEC_LIMITS.choices),
    favourable: z.array(z.number().int()).max(SPEC_LIMITS.choices).default([]),
    ...customCommon,
  }),
  z.strictObject({
    kind: z.literal('multi'),
    choices: z.array(choice).min(2).max(SPEC_LIMITS.choices),
    favourable: z.array(z.number().int()).max(SPEC_LIMITS.choices).default([]),
    maxSelected: z.number().int().min(1).max(SPEC_LIMITS.choices).optional(),
    ...customCommon,
  }),
  z.strictObject({
    kind: z.literal('text'),
    maxLength: z.number().int().min(1).max(FREE_TEXT_MAX_LENGTH).default(FREE_TEXT_MAX_LENGTH),
    ...customCommon,
  }),
]);

const backgroundItem = z.strictObject({
  id: slug,
  text: localized,
  choices: z.array(choice).min(2).max(SPEC_LIMITS.choices),
});

const override = z
  .strictObject({ da: text.optional(), en: text.optional() })
  .refine((o) => o.da !== undefined || o.en !== undefined, 'Give da, en or both');

export const surveySpecSchema = z
  .strictObject({
    specVersion: z.literal(1).default(1),
    /** Page order = this order; behaviours not listed are appended with the defaults. */
    behaviours: z.array(behaviourSpec).max(200).default([]),
    /** The one general "what would make this easier" question at the end. */
    freeText: z.boolean().default(true),
    /** Rewording per item key, e.g. { "b12.capability": { da: "…", en: "…" } }; may use the bank placeholders. */
    overrides: z
      .record(z.string().regex(OVERRIDABLE_KEY_PATTERN, 'Not a rewordable item key'), override)
      .refine((o) => Object.keys(o).length <= SPEC_LIMITS.overrides, 'Too many rewordings')
      .default({}),
    customItems: z.array(customItem).max(SPEC_LIMITS.customItems).default([]),
    /** Background questions are only asked when added here. */
    background: z.array(backgroundItem).max(SPEC_LIMITS.background).default([]),
    /** Which items must be answered ("ved ikke" always counts as an answer). */
    required: z.enum(['none', 'adoption', 'all']).default('adoption'),
    /** Agreement items of a behaviour as one matrix (rows) or as separate questions. */
    agreementLayout: z.enum(['matrix', 'separate']).default('matrix'),
  })
  .superRefine((spec, ctx) => {
    const seenBehaviours = new Set<number>();
    spec.behaviours.forEach((b, i) => {
      if (seenBehaviours.has(b.behaviourId)) ctx.addIssue({ code: 'custom', path: ['behaviours', i, 'behaviourId'], message: 'Behaviour listed twice' });
      seenBehaviours.add(b.behaviourId);
    });
    const seenIds = new Set<string>();
    spec.customItems.forEach((item, i) => {
      if (seenIds.has(item.id)) ctx.addIssue({ code: 'custom', path: ['customItems', i, 'id'], message: 'Duplicate id' });
      seenIds.add(item.id);
      if (item.kind === 'single' || item.kind === 'multi') {
        checkChoices(item.choices, ['customItems', i], ctx);
        const values = new Set(item.choices.map((c) => c.value));
        item.favourable.forEach((v, j) => {
          if (!values.has(v)) ctx.addIssue({ code: 'custom', path: ['customItems', i, 'favourable', j], message: 'Not one of the choices' });
        });
        if (item.kind === 'multi' && item.maxSelected !== undefined && item.maxSelected > item.choices.length) {
          ctx.addIssue({ code: 'custom', path: ['customItems', i, 'maxSelected'], message: 'More than the number of choices' });
        }
      }
      if (item.kind === 'rating' && new Set(item.favourable).size !== item.favourable.length) {
        ctx.addIssue({ code: 'custom', path: ['customItems', i, 'favourable'], message: 'Duplicate value' });
      }
    });
    const seenBackground = new Set<string>();
    spec.background.forEach((item, i) => {
      if (seenBackground.has(item.id)) ctx.addIssue({ code: 'custom', path: ['background', i, 'id'], message: 'Duplicate id' });
      seenBackground.add(item.id);
      checkChoices(item.choices, ['background', i], ctx);
    });
  });

function checkChoices(choices: { value: number }[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  choices.forEach((c, j) => {
    if (seen.has(c.value)) ctx.addIssue({ code: 'custom', path: [...path, 'choices', j, 'value'], message: 'Duplicate choice value' });
    seen.add(c.value);
  });
}

/** A parsed spec (defaults filled in). */
export type SurveySpec = z.output<typeof surveySpecSchema>;
/** What may be sent/stored before defaults are filled in. */
export type SurveySpecInput = z.input<typeof surveySpecSchema>;
export type BehaviourSpec = SurveySpec['behaviours'][number];
export type CustomItemSpec = SurveySpec['customItems'][number];
export type BackgroundItemSpec = SurveySpec['background'][number];

/** Background questions the admin UI can offer; they are only asked when added to a spec. */
export const BACKGROUND_PRESETS: readonly BackgroundItemSpec[] = [
  {
    id: 'tenure',
    text: { da: 'Hvor længe har du arbejdet på dette arbejdssted?', en: 'How long have you worked at this workplace?' },
    choices: [
      { value: 1, text: { da: 'Under 1 år', en: 'Less than 1 year' } },
      { value: 2, text: { da: '1–5 år', en: '1–5 years' } },
      { value: 3, text: { da: 'Mere end 5 år', en: 'More than 5 years' } },
    ],
  },
  {
    id: 'shift',
    text: { da: 'Hvilken vagt har du oftest?', en: 'Which shift do you work most often?' },
    choices: [
      { value: 1, text: { da: 'Dag', en: 'Day' } },
      { value: 2, text: { da: 'Aften', en: 'Evening' } },
      { value: 3, text: { da: 'Nat', en: 'Night' } },
      { value: 4, text: { da: 'Skiftende', en: 'Varies' } },
    ],
  },
  {
    id: 'employment',
    text: { da: 'Hvordan er du ansat?', en: 'How are you employed?' },
    choices: [
      { value: 1, text: { da: 'Fast, fuld tid', en: 'Permanent, full time' } },
      { value: 2, text: { da: 'Fast, deltid', en: 'Permanent, part time' } },
      { value: 3, text: { da: 'Vikar eller afløser', en: 'Temporary or substitute' } },
    ],
  },
];

/** The constructs asked for a behaviour by default: old_behaviour only when there is one. */
export function defaultConstructs(behaviour: { oldBehaviour?: string | null }): BehaviourConstruct[] {
  const hasOld = !!behaviour.oldBehaviour && behaviour.oldBehaviour.trim() !== '';
  return DEFAULT_BEHAVIOUR_CONSTRUCTS.filter((c) => c !== 'old_behaviour' || hasOld);
}

/** The default spec for a project: every behaviour with the default constructs, one free-text question. */
export function defaultSpec(project: { behaviours: readonly { id: number; oldBehaviour?: string | null }[] }): SurveySpec {
  return surveySpecSchema.parse({
    behaviours: project.behaviours.map((b) => ({ behaviourId: b.id, constructs: defaultConstructs(b) })),
  });
}

/** Parses a stored or submitted spec (throws a ZodError when it is invalid). */
export function parseSpec(spec: unknown): SurveySpec {
  return surveySpecSchema.parse(spec);
}
