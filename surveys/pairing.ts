// The optional pairing code: three short questions only the respondent knows and HR does not hold, asked on one
// page when the project has pairing on. The answers are never stored: the server turns them into
// HMAC(project secret, code) (server/services/pairing.ts) and drops them before answer validation, so they are in
// no item map, no `answers`, no response_values and no tallies. Pure, no I/O, no crypto (the client may bundle it).
import { locString, type LocString } from './text';
import type { Localized } from './types';

/** A SurveyJS single-line text question (only the pairing page uses it). */
export interface TextJson {
  type: 'text';
  name: string;
  title: LocString;
  description?: LocString;
  /** Never required: the whole page is optional. */
  isRequired?: boolean;
  requiredErrorText?: LocString;
  maxLength: number;
  /** Browsers must not offer to fill it in from other forms. */
  autocomplete: 'off';
}

export const PAIRING_PAGE = 'pairing';

/** What each answer may be once normalised: letters (any script, so æ, ø, å stay) or one digit. */
type Shape = 'letters' | 'digit';

interface PairingQuestion {
  name: string;
  shape: Shape;
  maxLength: number;
  text: Localized;
  hint: Localized;
}

/**
 * Never a birth date, initials, employee number or phone number: HR holds those. Two letters rather than one for
 * the names, so that two colleagues rarely get the same code (a key seen twice in one wave is dropped).
 */
export const PAIRING_QUESTIONS: readonly PairingQuestion[] = [
  {
    name: 'pairing.mother',
    shape: 'letters',
    maxLength: 2,
    text: { da: 'De to første bogstaver i din mors fornavn', en: "The first two letters of your mother's first name" },
    hint: { da: 'Fx "ka" for Karen.', en: 'E.g. "ka" for Karen.' },
  },
  {
    name: 'pairing.house',
    shape: 'digit',
    maxLength: 1,
    text: { da: 'Det sidste ciffer i husnummeret, hvor du voksede op', en: 'The last digit of the house number where you grew up' },
    hint: { da: 'Et ciffer fra 0 til 9.', en: 'One digit from 0 to 9.' },
  },
  {
    name: 'pairing.school',
    shape: 'letters',
    maxLength: 2,
    text: { da: 'De to første bogstaver i navnet på din første skole', en: 'The first two letters of the name of your first school' },
    hint: { da: 'Fx "øs" for Østre Skole.', en: 'E.g. "øs" for Østre Skole.' },
  },
];

export const PAIRING_TEXT = {
  title: { da: 'Valgfrit: en kode, der kobler dine svar', en: 'Optional: a code that links your answers' },
  description: {
    da: 'Svarer du på de tre spørgsmål, kan dine svar nu sammenlignes med dine svar i næste måling, uden at nogen ved, hvem du er. Svarene gemmes ikke: serveren laver dem om til en kode med en hemmelig nøgle. Svar på alle tre, eller spring dem over.',
    en: 'If you answer these three questions, your answers now can be compared with your answers in the next survey, without anyone knowing who you are. The answers are not stored: the server turns them into a code with a secret key. Answer all three, or skip them.',
  },
} satisfies Record<string, Localized>;

/** The pairing page of a survey whose project has pairing on. */
export function pairingPage(): { name: string; title: LocString; description: LocString; elements: TextJson[] } {
  return {
    name: PAIRING_PAGE,
    title: locString(PAIRING_TEXT.title),
    description: locString(PAIRING_TEXT.description),
    elements: PAIRING_QUESTIONS.map((q) => ({ type: 'text', name: q.name, title: locString(q.text), description: locString(q.hint), maxLength: q.maxLength, autocomplete: 'off' })),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a stored survey asks the pairing questions (only such a survey's answers may carry them). */
export function asksPairing(surveyJson: unknown): boolean {
  if (!isRecord(surveyJson) || !Array.isArray(surveyJson.pages)) return false;
  return surveyJson.pages.some((p) => isRecord(p) && p.name === PAIRING_PAGE);
}

/** Trimmed, without inner spaces, NFC, lower case in Danish (Æ → æ, Å → å). */
export function normalisePart(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, '').toLocaleLowerCase('da');
}

export interface PairingAnswers {
  /** The answers without the pairing questions: what answer validation sees. */
  rest: Record<string, unknown>;
  /** The normalised code ("ka|3|øs"), or null when the questions were skipped or only partly answered. */
  code: string | null;
  /** Answers of the wrong shape (a number, too long, not letters): the response is refused. */
  errors: { path: string[]; code: 'invalid_pairing'; message: string }[];
}

const SHAPES: Record<Shape, RegExp> = { letters: /^\p{L}{1,2}$/u, digit: /^[0-9]$/ };

/** Takes the pairing answers out of submitted SurveyJS data. A code needs all three; none or some gives none. */
export function takePairing(answers: Record<string, unknown>): PairingAnswers {
  const rest: Record<string, unknown> = {};
  const names = new Set(PAIRING_QUESTIONS.map((q) => q.name));
  for (const [key, value] of Object.entries(answers)) if (!names.has(key)) rest[key] = value;
  const errors: PairingAnswers['errors'] = [];
  const parts: string[] = [];
  for (const q of PAIRING_QUESTIONS) {
    const raw = answers[q.name];
    if (raw === undefined || raw === null || raw === '') continue;
    const part = typeof raw === 'string' ? normalisePart(raw) : null;
    if (part === '') continue; // only spaces: not answered
    if (part === null || !SHAPES[q.shape].test(part)) {
      // The message names the rule, never the value.
      errors.push({ path: [q.name], code: 'invalid_pairing', message: q.shape === 'digit' ? 'One digit from 0 to 9' : 'One or two letters' });
      continue;
    }
    parts.push(part);
  }
  return { rest, code: errors.length === 0 && parts.length === PAIRING_QUESTIONS.length ? parts.join('|') : null, errors };
}
