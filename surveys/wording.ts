// The behaviour as staff read it inside a question: a verb phrase in the perfect participle, so the adoption
// question reads "Hvor ofte har du i den seneste uge læst beboernes status …?" instead of pasting the title.
// The secretariat writes it on the behaviour (questionText / questionTextEn); when it is empty, the generator
// uses the suggestion made here from the title. The suggestion says whether it is sure: a title that does not
// start with a verb we know is still turned into a guess, shown in the form as a suggestion to check.
//
// Pure and dependency-free: the behaviour form (client) and the generator (server and client) both import it.

export interface WordingSuggestion {
  /** The verb phrase, e.g. "læst beboernes status ved vagtens start". */
  text: string;
  /** False when the first word was not recognised as a verb: check the suggestion before relying on it. */
  sure: boolean;
}

// ---------- Danish ----------

/** Present tense → perfect participle of verbs whose participle no simple rule gives (and common ones). */
const DA_PARTICIPLES: Readonly<Record<string, string>> = {
  beder: 'bedt',
  binder: 'bundet',
  bliver: 'blevet',
  bruger: 'brugt',
  byder: 'budt',
  arbejder: 'arbejdet',
  ændrer: 'ændret',
  sikrer: 'sikret',
  hindrer: 'hindret',
  forbedrer: 'forbedret',
  bærer: 'båret',
  drager: 'draget',
  driver: 'drevet',
  river: 'revet',
  deler: 'delt',
  drikker: 'drukket',
  er: 'været',
  finder: 'fundet',
  flytter: 'flyttet',
  fortæller: 'fortalt',
  fryser: 'frosset',
  følger: 'fulgt',
  fører: 'ført',
  får: 'fået',
  gemmer: 'gemt',
  giver: 'givet',
  glemmer: 'glemt',
  gør: 'gjort',
  går: 'gået',
  har: 'haft',
  hedder: 'heddet',
  hjælper: 'hjulpet',
  holder: 'holdt',
  husker: 'husket',
  hører: 'hørt',
  kan: 'kunnet',
  kender: 'kendt',
  kommer: 'kommet',
  kører: 'kørt',
  køber: 'købt',
  lader: 'ladet',
  ligger: 'ligget',
  lukker: 'lukket',
  lyder: 'lydt',
  lægger: 'lagt',
  lærer: 'lært',
  læser: 'læst',
  løber: 'løbet',
  løser: 'løst',
  låner: 'lånt',
  melder: 'meldt',
  mener: 'ment',
  møder: 'mødt',
  må: 'måttet',
  nævner: 'nævnt',
  ringer: 'ringet',
  rækker: 'rakt',
  rører: 'rørt',
  ser: 'set',
  sender: 'sendt',
  sidder: 'siddet',
  siger: 'sagt',
  skal: 'skullet',
  skriver: 'skrevet',
  skærer: 'skåret',
  slår: 'slået',
  spiser: 'spist',
  spørger: 'spurgt',
  stiller: 'stillet',
  bestiller: 'bestilt',
  stjæler: 'stjålet',
  står: 'stået',
  synes: 'syntes',
  sætter: 'sat',
  søger: 'søgt',
  sørger: 'sørget',
  tager: 'taget',
  taler: 'talt',
  tjener: 'tjent',
  trækker: 'trukket',
  tæller: 'talt',
  tænker: 'tænkt',
  tømmer: 'tømt',
  vender: 'vendt',
  ved: 'vidst',
  vil: 'villet',
  viser: 'vist',
  vælger: 'valgt',
  betaler: 'betalt',
  aftaler: 'aftalt',
  behøver: 'behøvet',
  kræver: 'krævet',
  svarer: 'svaret',
  klarer: 'klaret',
  forklarer: 'forklaret',
  sparer: 'sparet',
  åbner: 'åbnet',
  tegner: 'tegnet',
  regner: 'regnet',
  samler: 'samlet',
  handler: 'handlet',
  skifter: 'skiftet',
  tjekker: 'tjekket',
};

/** Verb prefixes: "modtager" = mod + tager → modtaget, "beskriver" → beskrevet, "udfylder" → udfyldt. */
const DA_PREFIXES = ['sammen', 'videre', 'tilbage', 'gennem', 'efter', 'frem', 'over', 'under', 'igen', 'plan', 'imod', 'gen', 'ind', 'del', 'med', 'mod', 'ned', 'til', 'fra', 'for', 'af', 'an', 'be', 'er', 'om', 'op', 'på', 'ud', 'ved'];

/** Rules on the present tense (most specific first): the ending to replace, its participle ending, and how sure. */
const DA_RULES: readonly [RegExp, string, boolean][] = [
  [/erer$/, 'eret', true], // registrerer → registreret, dokumenterer → dokumenteret
  [/([^aeiouyæøå])rer$/, '$1ret', false], // ændrer → ændret, sikrer → sikret (but the imperative "registrer")
  [/([bdfgklpst])\1er$/, '$1$1et', true], // lukker → lukket, logger → logget, sletter → slettet, passer → passet
  [/([mnr])\1er$/, '$1$1et', false], // scanner → scannet, but stemmer → stemt
  [/cker$/, 'cket', true],
  [/ker$/, 'ket', true], // husker → husket, booker → booket
  [/ter$/, 'tet', true], // starter → startet, taster → tastet, henter → hentet
  [/jer$/, 'jet', true], // tilføjer → tilføjet
  [/ver$/, 'vet', true], // laver → lavet, prøver → prøvet
  [/nder$/, 'ndt', true], // anvender → anvendt, sender → sendt
  [/lder$/, 'ldt', true], // udfylder → udfyldt, melder → meldt
  [/ser$/, 'st', true], // læser → læst, viser → vist
  [/([øæ])rer$/, '$1rt', true], // hører → hørt, lærer → lært
  [/ger$/, 'get', false], // sørger → sørget, but søger → søgt
  [/ler$/, 'let', false], // samler → samlet, but deler → delt
  [/ner$/, 'net', false], // åbner → åbnet, but mener → ment
  [/der$/, 'det', false],
  [/er$/, 'et', false], // the commonest participle ending; check it
];

/** Words a title may begin with before the verb ("Jeg læser …", "Medarbejderne læser …"). */
const DA_SUBJECTS = /^(?:jeg|vi|man|du|medarbejderen|medarbejderne|personalet|alle)\s+/i;

/** Reflexive and possessive words of a third-person title, as the respondent ("du") is asked. */
const DA_PERSON: Readonly<Record<string, string>> = { sin: 'din', sit: 'dit', sine: 'dine', sig: 'dig', hans: 'din', hendes: 'din', deres: 'jeres' };

/** Sentence adverbs that go before the participle in a main clause. */
const DA_ADVERBS = new Set(['selv', 'altid', 'også', 'straks', 'først', 'aldrig', 'ikke']);

function lookupDa(word: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(DA_PARTICIPLES, word)) return DA_PARTICIPLES[word];
  for (const prefix of DA_PREFIXES) {
    if (word.length > prefix.length + 1 && word.startsWith(prefix)) {
      const rest = word.slice(prefix.length);
      if (Object.prototype.hasOwnProperty.call(DA_PARTICIPLES, rest)) return prefix + DA_PARTICIPLES[rest];
    }
  }
  return undefined;
}

/** The participle of a Danish present-tense verb, or undefined when it does not look like one. */
export function danishParticiple(present: string): WordingSuggestion | undefined {
  const word = present.toLocaleLowerCase('da-DK');
  const known = lookupDa(word);
  if (known) return { text: known, sure: true };
  if (!/r$/.test(word) || word.length < 3) return undefined;
  for (const [ending, replacement, sure] of DA_RULES) {
    if (ending.test(word)) return { text: word.replace(ending, replacement), sure };
  }
  return undefined;
}

/** The present tenses a Danish imperative or infinitive first word may stand for ("Læs" → "læser", "gå" → "går"). */
function danishPresentCandidates(word: string): string[] {
  const w = word.toLocaleLowerCase('da-DK');
  const out: string[] = [];
  if (/[aeiouyæøå]$/.test(w)) out.push(`${w}r`); // infinitive or short verb: læse → læser, gå → går, se → ser
  out.push(`${w}er`); // imperative: læs → læser, brug → bruger
  if (/[^aeiouyæøå]$/.test(w)) out.push(`${w}${w.slice(-1)}er`); // tjek → tjekker
  return out;
}

const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '"': '"', '“': '”', '„': '“', '»': '«', '«': '»', "'": "'" };

/** The text without brackets or quotes around all of it: "(Lytter til …)" → "Lytter til …", but "(a) og (b)" stays. */
function unwrap(text: string): string {
  const open = text[0];
  const close = BRACKETS[open];
  if (!close || text.length < 2 || text[text.length - 1] !== close) return text;
  // The bracket that opens the text must be the one that closes it at the end.
  let end = -1;
  if (open === close || open === '„') end = text.indexOf(close, 1);
  else {
    let depth = 0;
    for (let i = 0; i < text.length && end < 0; i++) {
      if (text[i] === open) depth++;
      else if (text[i] === close && --depth === 0) end = i;
    }
  }
  return end === text.length - 1 ? text.slice(1, -1).trim() : text;
}

function tidy(title: string): string {
  const one = title.replace(/\s+/g, ' ').trim().replace(/[.!?:;,…]+$/, '').trim();
  const inner = unwrap(one);
  return inner === one ? one : tidy(inner);
}

/** A first word to keep as written inside a sentence: an acronym or name with capitals inside (FMK, MitID, SharePoint, eBoks) or a digit. */
const keepsCase = (word: string) => /^.[^\s]*[\p{Lu}\d]/u.test(word);

/**
 * A title placed inside a sentence, e.g. after a colon: brackets or quotes around it all and the end punctuation
 * gone, and a lower-case first letter unless the first word looks like an acronym or a name (see keepsCase).
 * "(Fælles højtlæsning ved vagtskiftet.)" → "fælles højtlæsning ved vagtskiftet"; "FMK-listen" stays.
 */
export function midSentence(title: string, locale: 'da' | 'en' = 'da'): string {
  const text = tidy(title);
  const first = text.split(' ')[0] ?? '';
  if (text === '' || keepsCase(first)) return text;
  return text[0].toLocaleLowerCase(locale === 'da' ? 'da-DK' : 'en-GB') + text.slice(1);
}

/**
 * The Danish question wording suggested from a behaviour title in the present tense ("Læser beboernes status
 * ved vagtens start" → "læst beboernes status ved vagtens start"); imperative ("Læs …") and infinitive
 * ("At læse …") titles work too. "sin/sine/sig" become "din/dine/dig", since the respondent is asked.
 */
export function suggestQuestionText(title: string): WordingSuggestion {
  const tidied = tidy(title).replace(DA_SUBJECTS, '');
  const infinitive = /^at\s+/i.test(tidied);
  const clean = tidied.replace(/^at\s+/i, '');
  if (clean === '') return { text: '', sure: false };
  const [first, ...rest] = clean.split(' ');
  // "Læser selv …" → "selv læst …": the questions are main clauses ("Hvor ofte har du selv læst …?").
  const adverb = rest.length > 1 && DA_ADVERBS.has(rest[0].toLocaleLowerCase('da-DK')) ? `${rest.shift()} ` : '';
  const restText = rest.map((w) => DA_PERSON[w.toLocaleLowerCase('da-DK')] ?? w).join(' ');
  const join = (verb: string) => `${adverb}${verb}${restText ? ` ${restText}` : ''}`;
  const direct = danishParticiple(first);
  if (direct) return { text: join(direct.text), sure: direct.sure };
  const candidates = danishPresentCandidates(first);
  for (const present of candidates) {
    const known = lookupDa(present);
    if (known) return { text: join(known), sure: true };
  }
  // "At udfylde …": an infinitive is a verb for certain, so the present-tense rules apply to it.
  const fromInfinitive = infinitive && /e$/i.test(first) ? danishParticiple(candidates[0]) : undefined;
  if (fromInfinitive) return { text: join(fromInfinitive.text), sure: fromInfinitive.sure };
  // Not a verb we know (a noun phrase such as "Digital overlevering"): say what it is, and ask to check.
  return { text: `gjort dette: ${midSentence(clean)}`, sure: false };
}

// ---------- English ----------

/** Base form → past participle of common irregular verbs. */
const EN_PARTICIPLES: Readonly<Record<string, string>> = {
  be: 'been',
  begin: 'begun',
  bring: 'brought',
  build: 'built',
  buy: 'bought',
  choose: 'chosen',
  come: 'come',
  do: 'done',
  draw: 'drawn',
  drink: 'drunk',
  drive: 'driven',
  eat: 'eaten',
  feel: 'felt',
  find: 'found',
  forget: 'forgotten',
  get: 'got',
  give: 'given',
  go: 'gone',
  have: 'had',
  hear: 'heard',
  hold: 'held',
  keep: 'kept',
  know: 'known',
  lead: 'led',
  leave: 'left',
  lend: 'lent',
  let: 'let',
  lie: 'lain',
  lose: 'lost',
  make: 'made',
  meet: 'met',
  pay: 'paid',
  put: 'put',
  read: 'read',
  ring: 'rung',
  run: 'run',
  say: 'said',
  see: 'seen',
  sell: 'sold',
  send: 'sent',
  set: 'set',
  show: 'shown',
  shut: 'shut',
  sit: 'sat',
  speak: 'spoken',
  spend: 'spent',
  stand: 'stood',
  take: 'taken',
  teach: 'taught',
  tell: 'told',
  think: 'thought',
  understand: 'understood',
  wake: 'woken',
  wear: 'worn',
  win: 'won',
  write: 'written',
};
const EN_PREFIXES = ['under', 'over', 'with', 'fore', 'out', 'mis', 're', 'up'];
const EN_THIRD_PERSON: Readonly<Record<string, string>> = { is: 'be', has: 'have', does: 'do', goes: 'go' };
const EN_PERSON: Readonly<Record<string, string>> = { their: 'your', his: 'your', her: 'your', its: 'your', themselves: 'yourself', himself: 'yourself', herself: 'yourself', theirs: 'yours' };
const EN_SUBJECTS = /^(?:i|we|staff|the staff|employees|everyone)\s+/i;

/** The start of an English suggestion from a title with no verb. */
const EN_NO_VERB = 'done this: ';

function lookupEn(base: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(EN_PARTICIPLES, base)) return EN_PARTICIPLES[base];
  for (const prefix of EN_PREFIXES) {
    const rest = base.slice(prefix.length);
    if (base.startsWith(prefix) && rest.length > 1 && Object.prototype.hasOwnProperty.call(EN_PARTICIPLES, rest)) return prefix + EN_PARTICIPLES[rest];
  }
  return undefined;
}

/** "reads" → "read", "checks" → "check", "copies" → "copy", "discusses" → "discuss"; undefined if no -s. */
function englishBaseOfThirdPerson(word: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(EN_THIRD_PERSON, word)) return EN_THIRD_PERSON[word];
  if (/[^aeiou]ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(?:ss|sh|ch|x|z|o)es$/.test(word)) return word.replace(/es$/, '');
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return undefined;
}

function regularEnglish(base: string): WordingSuggestion {
  if (/e$/.test(base)) return { text: `${base}d`, sure: true };
  if (/[^aeiou]y$/.test(base)) return { text: base.replace(/y$/, 'ied'), sure: true };
  const vowelGroups = base.match(/[aeiouy]+/g)?.length ?? 0;
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) {
    // One syllable: double the consonant (log → logged); longer words depend on the stress: check.
    return vowelGroups <= 1 ? { text: `${base}${base.slice(-1)}ed`, sure: true } : { text: `${base}ed`, sure: false };
  }
  return { text: `${base}ed`, sure: true };
}

/**
 * The English question wording suggested from an English behaviour title ("Reads the resident's status at the
 * start of the shift" → "read the resident's status at the start of the shift"); base forms ("Read …",
 * "To read …") work too. "their/themselves" become "your/yourself".
 */
export function suggestQuestionTextEn(title: string): WordingSuggestion {
  const clean = tidy(title).replace(EN_SUBJECTS, '').replace(/^to\s+/i, '');
  if (clean === '') return { text: '', sure: false };
  const [first, ...rest] = clean.split(' ');
  const restText = rest.map((w) => EN_PERSON[w.toLowerCase()] ?? w).join(' ');
  const join = (verb: string) => (restText ? `${verb} ${restText}` : verb);
  const word = first.toLowerCase();
  const infinitive = /^to\s+/i.test(tidy(title).replace(EN_SUBJECTS, ''));
  const fromThird = englishBaseOfThirdPerson(word);
  for (const base of fromThird ? [fromThird, word] : [word]) {
    const known = lookupEn(base);
    if (known) return { text: join(known), sure: true };
  }
  if (fromThird) return { text: join(regularEnglish(fromThird).text), sure: regularEnglish(fromThird).sure };
  // "To document …" is a verb we do not know: a guess to check. "Digital handover" may be no verb at all.
  if (infinitive) return { text: join(regularEnglish(word).text), sure: false };
  return { text: `${EN_NO_VERB}${midSentence(clean, 'en')}`, sure: false };
}

// ---------- what the generator uses ----------

export interface WordingSource {
  title: string;
  questionText?: string | null;
  titleEn?: string | null;
  questionTextEn?: string | null;
}

/**
 * The wording the generator puts into the questions: the secretariat's own text, else the suggestion from the
 * title. English: questionTextEn, else the suggestion from titleEn, else null (the survey says so).
 */
export function questionWording(b: WordingSource): { da: string; en: string | null } {
  const da = tidy(b.questionText ?? '') || suggestQuestionText(b.title).text;
  const enOwn = tidy(b.questionTextEn ?? '');
  const titleEn = tidy(b.titleEn ?? '');
  const en = enOwn || (titleEn ? suggestQuestionTextEn(titleEn).text : '');
  return { da, en: en || null };
}

/**
 * The old behaviour inside "Hvor ofte har du i den seneste uge stadig …?": the participle phrase suggested from it
 * when its first word is a verb ("Lytter til den mundtlige overlevering" → "lyttet til den mundtlige overlevering"),
 * else "gjort det på den gamle måde: " and the text as it reads inside a sentence. Nobody rewords the old behaviour
 * in the behaviour form, so Danish takes only a participle the suggestion is sure of (the unsure Danish rules guess
 * wrong often: søger → søget); English takes any verb it found (its guesses differ only in a doubled consonant).
 * English from the English old behaviour; without one (en null), the Danish text after the English words.
 */
export function oldBehaviourWording(da: string, en: string | null): { da: string; en: string } {
  const daVerb = suggestQuestionText(da);
  const enVerb = en ? suggestQuestionTextEn(en) : undefined;
  const enIsVerb = !!enVerb && (enVerb.sure || !enVerb.text.startsWith(EN_NO_VERB));
  return {
    da: daVerb.sure ? daVerb.text : `gjort det på den gamle måde: ${midSentence(da)}`,
    en: enIsVerb ? enVerb.text : `done it the old way: ${en ? midSentence(en, 'en') : midSentence(da)}`,
  };
}
