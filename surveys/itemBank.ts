// The item bank: our own wording (Danish first, English second) for every construct the generator asks.
// No text here is taken from a published instrument, and no model name is shown to respondents.
//
// Placeholders, filled in a single pass by the generator (text.ts `fill`):
//   {behaviourDone} the behaviour as a verb phrase in the perfect participle, e.g. "læst beboernes status
//                   ved vagtens start" (the behaviour's question wording, or the suggestion from its title)
//   {oldBehaviourDone} the old behaviour the same way when it starts with a verb ("lyttet til den mundtlige
//                   overlevering"), else "gjort det på den gamle måde: " and its text (surveys/wording.ts)
//   {behaviour}     the behaviour's title          {oldBehaviour}  the old behaviour it replaces, as it reads
//                   inside a sentence (lower-case first letter unless a name or acronym, no brackets or end stop)
//   {benefit}       a linked benefit's title       {minText}       the free-text anonymity threshold
// Each language gets its own values: the English survey gets the English texts where the secretariat wrote
// them, else the Danish ones (and the editor lists what lacks English). Rewordings (spec.overrides) may use the
// same placeholders.
import type { Construct, Localized, Phase, ScaleId } from './types';

/** Bump when the wording of an existing item changes (analysis flags changed wording per item anyway). */
export const BANK_VERSION = 3;

export const FREE_TEXT_MAX_LENGTH = 2000;

export type PhaseSelection = Phase | 'both';

/** What a bank item is asked about, and so how often it appears. */
export type BankScope =
  | 'behaviour' // once per behaviour
  | 'positive_benefit' // once per positive benefit linked to the behaviour
  | 'negative_benefit' // once per negative benefit linked to the behaviour
  | 'no_negative_benefit' // once per behaviour that has no linked negative benefit (general drawbacks)
  | 'survey'; // once per survey

export interface BankItem {
  /** Identifies the bank entry (stable). */
  id: string;
  construct: Construct;
  /** Stable key template; `{behaviourId}` / `{benefitId}` are filled with numeric ids. */
  keyTemplate: string;
  scope: BankScope;
  type: 'scale' | 'text';
  scale?: ScaleId;
  /** Favourable stored values; for the old behaviour and drawbacks, the low end is favourable. */
  favourable?: number[];
  phases: PhaseSelection;
  /** Only when the behaviour names an old behaviour. */
  needsOldBehaviour?: boolean;
  maxLength?: number;
  /** Question title (or matrix row text). */
  text: Localized;
  /** English title when the behaviour has no English question wording: it quotes the (Danish) title instead. */
  enWithoutWording?: string;
  /** Optional help under the question. */
  description?: Localized;
}

const LAST_WEEK_HELP: Localized = {
  da: 'Tænk kun på de dage, hvor du var på arbejde. Var du ikke på arbejde i den seneste uge, så vælg "Ved ikke / ikke relevant".',
  en: 'Think only of the days you were at work. If you were not at work in the last week, choose "Don\'t know / not relevant".',
};

const FREE_TEXT_HELP: Localized = {
  da: 'Valgfrit. Skriv ikke navne eller andet, der kan afsløre, hvem du eller andre er. Kommentarer vises kun for grupper med mindst {minText} besvarelser.',
  en: 'Optional. Do not write names or anything else that could reveal who you or others are. Comments are only shown for groups of at least {minText} responses.',
};

export const ITEM_BANK: readonly BankItem[] = [
  {
    id: 'adoption',
    construct: 'adoption',
    keyTemplate: 'b{behaviourId}.adoption',
    scope: 'behaviour',
    type: 'scale',
    scale: 'frequency5',
    favourable: [4, 5],
    phases: 'both',
    text: {
      da: 'Hvor ofte har du i den seneste uge {behaviourDone}?',
      en: 'In the last week, how often have you {behaviourDone}?',
    },
    enWithoutWording: 'In the last week, how often did you do this: {behaviour}',
    description: LAST_WEEK_HELP,
  },
  {
    id: 'old_behaviour',
    construct: 'old_behaviour',
    keyTemplate: 'b{behaviourId}.old_behaviour',
    scope: 'behaviour',
    type: 'scale',
    scale: 'frequency5',
    favourable: [1, 2],
    phases: 'both',
    needsOldBehaviour: true,
    text: {
      da: 'Hvor ofte har du i den seneste uge stadig {oldBehaviourDone}?',
      en: 'In the last week, how often have you still {oldBehaviourDone}?',
    },
    description: LAST_WEEK_HELP,
  },
  {
    id: 'capability',
    construct: 'capability',
    keyTemplate: 'b{behaviourId}.capability',
    scope: 'behaviour',
    type: 'scale',
    scale: 'agreement5',
    favourable: [4, 5],
    phases: 'both',
    text: { da: 'Jeg ved, hvordan jeg gør det', en: 'I know how to do it' },
  },
  {
    id: 'opportunity',
    construct: 'opportunity',
    keyTemplate: 'b{behaviourId}.opportunity',
    scope: 'behaviour',
    type: 'scale',
    scale: 'agreement5',
    favourable: [4, 5],
    phases: 'both',
    text: { da: 'Jeg har den tid og de redskaber, der skal til', en: 'I have the time and the tools it takes' },
  },
  {
    id: 'motivation',
    construct: 'motivation',
    keyTemplate: 'b{behaviourId}.motivation',
    scope: 'behaviour',
    type: 'scale',
    scale: 'agreement5',
    favourable: [4, 5],
    phases: 'both',
    text: { da: 'Det giver mening for mig at gøre det', en: 'It makes sense to me to do it' },
  },
  {
    id: 'benefit',
    construct: 'benefit',
    keyTemplate: 'b{behaviourId}.benefit.{benefitId}',
    scope: 'positive_benefit',
    type: 'scale',
    scale: 'agreement5',
    favourable: [4, 5],
    phases: 'followup',
    text: { da: 'Jeg har selv mærket denne fordel: {benefit}', en: 'I have noticed this benefit myself: {benefit}' },
  },
  {
    id: 'drawback',
    construct: 'drawback',
    keyTemplate: 'b{behaviourId}.drawback.{benefitId}',
    scope: 'negative_benefit',
    type: 'scale',
    scale: 'agreement5',
    favourable: [1, 2],
    phases: 'followup',
    text: { da: 'Jeg har selv mærket denne ulempe: {benefit}', en: 'I have noticed this drawback myself: {benefit}' },
  },
  {
    id: 'drawback_general',
    construct: 'drawback',
    keyTemplate: 'b{behaviourId}.drawback',
    scope: 'no_negative_benefit',
    type: 'scale',
    scale: 'agreement5',
    favourable: [1, 2],
    phases: 'followup',
    text: {
      da: 'Jeg har mærket ulemper ved den nye måde at gøre det på',
      en: 'I have noticed drawbacks of the new way of doing it',
    },
  },
  {
    id: 'free_text_behaviour',
    construct: 'free_text',
    keyTemplate: 'b{behaviourId}.free_text',
    scope: 'behaviour',
    type: 'text',
    phases: 'both',
    maxLength: FREE_TEXT_MAX_LENGTH,
    text: {
      da: 'Hvad ville gøre det lettere for dig at gøre det på den nye måde?',
      en: 'What would make it easier for you to do it the new way?',
    },
    description: FREE_TEXT_HELP,
  },
  {
    id: 'free_text',
    construct: 'free_text',
    keyTemplate: 'free_text',
    scope: 'survey',
    type: 'text',
    phases: 'both',
    maxLength: FREE_TEXT_MAX_LENGTH,
    text: {
      da: 'Hvad ville gøre det lettere for dig at arbejde på den nye måde?',
      en: 'What would make it easier for you to work the new way?',
    },
    description: FREE_TEXT_HELP,
  },
];

export function bankItem(id: string): BankItem {
  const item = ITEM_BANK.find((i) => i.id === id);
  if (!item) throw new Error(`Unknown bank item ${id}`);
  return item;
}

export function inPhase(phases: PhaseSelection, phase: Phase): boolean {
  return phases === 'both' || phases === phase;
}

/** Fills a key template with numeric ids. */
export function itemKey(template: string, ids: { behaviourId?: number; benefitId?: number }): string {
  return template.replace(/\{(behaviourId|benefitId)\}/g, (_m, name: 'behaviourId' | 'benefitId') => {
    const id = ids[name];
    if (id === undefined || !Number.isSafeInteger(id)) throw new Error(`Missing ${name} for key ${template}`);
    return String(id);
  });
}

/** Keys the secretariat may reword (spec.overrides): every bank key pattern. */
export const OVERRIDABLE_KEY_PATTERN =
  /^(?:free_text|b\d{1,9}\.(?:adoption|old_behaviour|capability|opportunity|motivation|free_text|drawback|benefit\.\d{1,9}|drawback\.\d{1,9}))$/;

/** Fixed texts around the items: pages, group questions, intro and completion. */
export const SURVEY_TEXT = {
  // The page title above is the behaviour itself, so "det" and "den nye måde" need no pasted title.
  statementsTitle: {
    da: 'Hvor enig er du i udsagnene om den nye måde at gøre det på? Tænk på den seneste uge.',
    en: 'How much do you agree with the statements about the new way of doing it? Think of the last week.',
  },
  effectsTitle: {
    da: 'Hvad har du oplevet, siden I begyndte at gøre det på den nye måde?',
    en: 'What have you noticed since you started doing it the new way?',
  },
  situation: { da: 'Hvornår: {situation}', en: 'When: {situation}' },
  requiredScale: {
    da: 'Vælg et svar. Du kan også vælge "Ved ikke / ikke relevant".',
    en: 'Please choose an answer. You can also choose "Don\'t know / not relevant".',
  },
  introTitle: { da: 'Om spørgeskemaet', en: 'About this survey' },
  introProject: { da: 'Projekt: {project}', en: 'Project: {project}' },
  introPurpose: { da: 'Formål: {purpose}', en: 'Purpose: {purpose}' },
  introWhy: {
    da: 'Vi spørger, hvordan du arbejder i hverdagen, så vi kan se, om den nye måde at arbejde på er kommet godt i gang, og hvad der eventuelt står i vejen. Der er ingen rigtige eller forkerte svar.',
    en: 'We ask how you work day to day, so we can see whether the new way of working has taken hold and what may stand in its way. There are no right or wrong answers.',
  },
  introAnonymous: {
    da: 'Dine svar er anonyme. Vi spørger ikke om dit navn og gemmer hverken e-mail, IP-adresse eller klokkeslæt – kun dagen og hvilken enhed linket hører til.',
    en: 'Your answers are anonymous. We do not ask for your name and store no e-mail, IP address or time of day – only the date and which unit the link belongs to.',
  },
  introThresholds: {
    da: 'Resultater vises kun for grupper med mindst {min} besvarelser, og kommentarer kun for grupper med mindst {minText}.',
    en: 'Results are only shown for groups of at least {min} responses, and comments only for groups of at least {minText}.',
  },
  introWhoSees: {
    da: 'Ledere og digitaliseringssekretariatet ser samlede resultater for enheder og projekter – aldrig den enkelte besvarelse. Kommentarer vises ordret, men uden oplysninger om, hvem der har skrevet dem.',
    en: 'Managers and the digitalisation secretariat see combined results for units and projects – never a single response. Comments are shown word for word, but without anything saying who wrote them.',
  },
  introDuration: { da: 'Det tager ca. {duration} at svare.', en: 'It takes about {duration} to answer.' },
  introDontKnow: {
    da: 'Passer et spørgsmål ikke på dig, så vælg "Ved ikke / ikke relevant".',
    en: 'If a question does not fit you, choose "Don\'t know / not relevant".',
  },
  customPageTitle: { da: 'Andre spørgsmål', en: 'Other questions' },
  backgroundPageTitle: { da: 'Lidt om dig (valgfrit)', en: 'A little about you (optional)' },
  backgroundPageDescription: {
    da: 'Svarene bruges kun til at dele resultaterne op, og kun for grupper med mindst {min} besvarelser.',
    en: 'The answers are only used to split the results, and only for groups of at least {min} responses.',
  },
  preferNotToSay: { da: 'Ønsker ikke at svare', en: 'Prefer not to say' },
  finalPageTitle: { da: 'Til sidst', en: 'Finally' },
  /** completedHtml is HTML: it is built only from these static strings, never from user text. */
  completedHtml: {
    da: '<h3>Tak for dine svar!</h3><p>Du kan nu lukke siden.</p>',
    en: '<h3>Thank you for your answers!</h3><p>You can now close this page.</p>',
  },
} as const satisfies Record<string, Localized>;
