// The behaviour inside a question: the participle suggestion from real titles, the generator's use of the
// wording in both languages, what lacks English, and the one answer-time estimate.
import { describe, expect, it } from 'vitest';
import { careCentreExample, defaultSpec, generateSurvey, type GeneratorInput, type SurveyJson } from '../../surveys';
import { answerTimeText, durationText, estimateMinutes } from '../../surveys/duration';
import { midSentence, oldBehaviourWording, questionWording, suggestQuestionText, suggestQuestionTextEn } from '../../surveys/wording';

describe('Danish wording suggested from the title', () => {
  // Real titles of the kind the secretariat writes: present tense, with the participle each should give.
  const sure: [string, string][] = [
    ['Læser selv beboernes status i omsorgssystemet ved vagtens start', 'selv læst beboernes status i omsorgssystemet ved vagtens start'],
    ['Giver besked i appen, når en opgave er løst', 'givet besked i appen, når en opgave er løst'],
    ['Registrerer tiden i Nexus', 'registreret tiden i Nexus'],
    ['Dokumenterer med det samme', 'dokumenteret med det samme'],
    ['Kontrollerer medicinlisten', 'kontrolleret medicinlisten'],
    ['Tjekker medicinlisten før udlevering', 'tjekket medicinlisten før udlevering'],
    ['Skriver notatet i journalen', 'skrevet notatet i journalen'],
    ['Tager billede af såret med tabletten', 'taget billede af såret med tabletten'],
    ['Ser beboerens plan på tavlen', 'set beboerens plan på tavlen'],
    ['Går stuegang med tablet', 'gået stuegang med tablet'],
    ['Får overblik på den digitale tavle', 'fået overblik på den digitale tavle'],
    ['Bruger appen til at bestille hjælpemidler', 'brugt appen til at bestille hjælpemidler'],
    ['Gør rent efter den nye plan', 'gjort rent efter den nye plan'],
    ['Siger til, når noget mangler', 'sagt til, når noget mangler'],
    ['Modtager vagten digitalt', 'modtaget vagten digitalt'],
    ['Beskriver sine observationer i journalen', 'beskrevet dine observationer i journalen'],
    ['Udfylder skemaet sammen med borgeren', 'udfyldt skemaet sammen med borgeren'],
    ['Opdaterer sin kalender i Outlook', 'opdateret din kalender i Outlook'],
    ['Sender sms til pårørende', 'sendt sms til pårørende'],
    ['Logger ind med MitID', 'logget ind med MitID'],
    ['Planlægger dagen på tavlemødet', 'planlagt dagen på tavlemødet'],
    ['Følger op på sine opgaver', 'fulgt op på dine opgaver'],
    ['Afslutter sagen i systemet', 'afsluttet sagen i systemet'],
    ['Deltager i tavlemødet', 'deltaget i tavlemødet'],
    ['Gennemgår medicinen med borgeren', 'gennemgået medicinen med borgeren'],
    ['Anvender den nye skabelon', 'anvendt den nye skabelon'],
    ['Husker at logge ud', 'husket at logge ud'],
    ['Ringer til borgeren dagen før', 'ringet til borgeren dagen før'],
    ['Spørger borgeren om samtykke', 'spurgt borgeren om samtykke'],
    ['Lægger planen i systemet', 'lagt planen i systemet'],
    ['Hjælper kollegerne med appen', 'hjulpet kollegerne med appen'],
    ['Melder fravær i appen', 'meldt fravær i appen'],
    ['Viser borgeren appen', 'vist borgeren appen'],
    ['Starter dagen med tavlemøde', 'startet dagen med tavlemøde'],
    ['Taler med borgeren om målene', 'talt med borgeren om målene'],
    ['Deler viden med kollegerne', 'delt viden med kollegerne'],
    ['Videregiver information til aftenvagten', 'videregivet information til aftenvagten'],
    ['Vasker hænder før hvert besøg', 'vasket hænder før hvert besøg'],
    ['Arbejder papirløst', 'arbejdet papirløst'],
    ['Ændrer sin arbejdsgang', 'ændret din arbejdsgang'],
    // Imperative, infinitive and first-person titles, and a trailing full stop.
    ['Læs beboernes status', 'læst beboernes status'],
    ['Brug appen', 'brugt appen'],
    ['Tjek listen', 'tjekket listen'],
    ['At udfylde skemaet', 'udfyldt skemaet'],
    ['At læse status', 'læst status'],
    ['Jeg læser status selv.', 'læst status selv'],
  ];
  it.each(sure)('%s → %s', (title, expected) => {
    expect(suggestQuestionText(title)).toEqual({ text: expected, sure: true });
  });

  it('guesses a rule it is unsure of, and says so', () => {
    expect(suggestQuestionText('Scanner stregkoden')).toEqual({ text: 'scannet stregkoden', sure: false });
    expect(suggestQuestionText('Tegner ruten')).toEqual({ text: 'tegnet ruten', sure: true }); // in the table
  });

  it('falls back honestly when the title starts with no verb', () => {
    expect(suggestQuestionText('Digital overlevering ved vagtskifte')).toEqual({ text: 'gjort dette: digital overlevering ved vagtskifte', sure: false });
    expect(suggestQuestionText('  ')).toEqual({ text: '', sure: false });
  });
});

describe('English wording suggested from the English title', () => {
  const cases: [string, string, boolean][] = [
    ["Reads the resident's status yourself at the start of the shift", "read the resident's status yourself at the start of the shift", true],
    ['Gives notice in the app', 'given notice in the app', true],
    ['Checks the medication list', 'checked the medication list', true],
    ['Logs in with MitID', 'logged in with MitID', true],
    ['Uses the app to order aids', 'used the app to order aids', true],
    ['Writes the note in the record', 'written the note in the record', true],
    ['Discusses their cases at the board meeting', 'discussed your cases at the board meeting', true],
    ['Copies the plan', 'copied the plan', true],
    ['Updates their calendar', 'updated your calendar', true],
    ['Takes a photo of the wound', 'taken a photo of the wound', true],
    ['Goes to the board meeting', 'gone to the board meeting', true],
    ['Plans the day together', 'planned the day together', true],
    ['Read the status', 'read the status', true],
    ['Opens the app', 'opened the app', false],
    ['To fill in the form', 'filled in the form', false],
    ['Digital handover', 'done this: digital handover', false],
  ];
  it.each(cases)('%s → %s', (title, text, isSure) => {
    expect(suggestQuestionTextEn(title)).toEqual({ text, sure: isSure });
  });

  it('uses the own wording first, then the suggestion, and has no English without an English title', () => {
    expect(questionWording({ title: 'Læser status', questionText: 'læst status selv ved vagtstart.' })).toEqual({ da: 'læst status selv ved vagtstart', en: null });
    expect(questionWording({ title: 'Læser status', titleEn: 'Reads the status' })).toEqual({ da: 'læst status', en: 'read the status' });
    expect(questionWording({ title: 'Læser status', titleEn: 'Reads the status', questionTextEn: 'read the status yourself' })).toEqual({ da: 'læst status', en: 'read the status yourself' });
  });
});

describe('the old behaviour inside a sentence', () => {
  it('reads as part of the sentence: no brackets, quotes or end stop, lower-case unless a name or acronym', () => {
    expect(midSentence('(Fælles højtlæsning ved vagtskiftet.)')).toBe('fælles højtlæsning ved vagtskiftet');
    expect(midSentence('»Papirskemaet i mappen«')).toBe('papirskemaet i mappen');
    expect(midSentence('Mundtlig overlevering …')).toBe('mundtlig overlevering');
    expect(midSentence('FMK-listen på papir')).toBe('FMK-listen på papir');
    expect(midSentence('SharePoint-mappen')).toBe('SharePoint-mappen');
    expect(midSentence('Skemaet (papir) i mappen')).toBe('skemaet (papir) i mappen');
    expect(midSentence('(Papir) og (pen)')).toBe('(Papir) og (pen)');
  });

  it('is conjugated like the behaviour when it starts with a verb, else named after "den gamle måde"', () => {
    expect(oldBehaviourWording('(Lytter til den mundtlige overlevering)', 'Listens to the spoken handover.')).toEqual({ da: 'lyttet til den mundtlige overlevering', en: 'listened to the spoken handover' });
    expect(oldBehaviourWording('Skriver på sedler i lommen.', null)).toEqual({ da: 'skrevet på sedler i lommen', en: 'done it the old way: skriver på sedler i lommen' });
    expect(oldBehaviourWording('Fælles højtlæsning ved vagtskiftet', 'Reading aloud together at shift change')).toEqual({
      da: 'gjort det på den gamle måde: fælles højtlæsning ved vagtskiftet',
      en: 'done it the old way: reading aloud together at shift change',
    });
    // A verb the rules only guess at is not conjugated in a question nobody can reword from the behaviour form.
    expect(oldBehaviourWording('Scanner papiret', null).da).toBe('gjort det på den gamle måde: scanner papiret');
  });

  it('gives the generated question a natural sentence in both languages, and rewordings the tidied text', () => {
    const input: GeneratorInput = {
      ...careCentreExample,
      behaviours: [{ ...careCentreExample.behaviours[0], oldBehaviour: '(Lytter til den mundtlige overlevering.)', oldBehaviourEn: 'Listens to the spoken handover' }],
    };
    const old = generateSurvey(input, 'baseline').itemMap.items.find((i) => i.key === 'b1.old_behaviour')!;
    expect(old.text).toEqual({ da: 'Hvor ofte har du i den seneste uge stadig lyttet til den mundtlige overlevering?', en: 'In the last week, how often have you still listened to the spoken handover?' });
    const spec = { ...defaultSpec(input), overrides: { 'b1.old_behaviour': { da: 'Har du stadig valgt den gamle vej ({oldBehaviour})?', en: 'Did you still go the old way ({oldBehaviour})?' } } };
    const reworded = generateSurvey(input, 'baseline', spec).itemMap.items.find((i) => i.key === 'b1.old_behaviour')!;
    expect(reworded.text).toEqual({ da: 'Har du stadig valgt den gamle vej (lytter til den mundtlige overlevering)?', en: 'Did you still go the old way (listens to the spoken handover)?' });
  });
});

/** Every visible string of the survey in one language. */
function shown(survey: SurveyJson, lang: 'default' | 'en'): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if ('default' in obj && typeof obj.default === 'string') out.push(String(obj[lang]));
      else Object.values(obj).forEach(walk);
    }
  };
  walk(survey);
  return out;
}

const english: GeneratorInput = {
  project: {
    ...careCentreExample.project,
    nameEn: 'Digital shift handover at the care centre',
    purposeEn: 'Free time for the core task by staff reading the residents’ status themselves.',
  },
  behaviours: [
    {
      ...careCentreExample.behaviours[0],
      questionText: 'læst beboernes status selv ved vagtens start',
      titleEn: "Reads the residents' status in the care system at the start of the shift",
      descriptionEn: 'At the start of the shift you read the current status of your residents yourself.',
      oldBehaviourEn: "Reading the residents' status aloud together at shift change",
      questionTextEn: "read the residents' status yourself at the start of the shift",
      situation: '',
    },
  ],
  benefits: [
    { ...careCentreExample.benefits[0], titleEn: 'More time for the core task' },
    { ...careCentreExample.benefits[1], titleEn: 'Less shared professional discussion at shift change' },
  ],
  links: careCentreExample.links,
};

describe('the generator with the question wording', () => {
  it('asks the behaviour as a verb phrase in Danish, with no pasted title', () => {
    for (const phase of ['baseline', 'followup'] as const) {
      const { survey, itemMap } = generateSurvey(english, phase);
      const adoption = itemMap.items.find((i) => i.key === 'b1.adoption')!;
      expect(adoption.text.da).toBe('Hvor ofte har du i den seneste uge læst beboernes status selv ved vagtens start?');
      expect(adoption.text.en).toBe("In the last week, how often have you read the residents' status yourself at the start of the shift?");
      // The old behaviour starts with no verb: named after "den gamle måde", lower-case and without brackets.
      const old = itemMap.items.find((i) => i.key === 'b1.old_behaviour')!;
      expect(old.text.da).toBe('Hvor ofte har du i den seneste uge stadig gjort det på den gamle måde: fælles højtlæsning af beboernes status ved vagtskiftet?');
      expect(old.text.en).toBe("In the last week, how often have you still done it the old way: reading the residents' status aloud together at shift change?");
      const all = [...shown(survey, 'default'), ...shown(survey, 'en')].join('\n');
      expect(all).not.toMatch(/sådan her:|do this:/);
    }
  });

  it('uses the suggestion from the title when the wording is empty', () => {
    const { itemMap } = generateSurvey(careCentreExample, 'baseline');
    expect(itemMap.items.find((i) => i.key === 'b1.adoption')!.text.da).toBe('Hvor ofte har du i den seneste uge selv læst beboernes status i omsorgssystemet ved vagtens start?');
  });

  it('puts real English on the English side and no Danish project text', () => {
    const { survey, missingEnglish } = generateSurvey(english, 'followup');
    expect(missingEnglish).toEqual([]);
    const en = shown(survey, 'en').join('\n');
    for (const danish of [careCentreExample.project.name, careCentreExample.project.purpose, careCentreExample.behaviours[0].title, careCentreExample.behaviours[0].oldBehaviour, 'Mere tid til kerneopgaven', 'Mindre fælles faglig sparring']) {
      expect(en).not.toContain(danish);
    }
    expect(survey.title!.en).toBe('Digital shift handover at the care centre');
    expect(survey.pages[0].description!.en).toContain('Project: Digital shift handover at the care centre');
    expect(survey.pages.find((p) => p.name === 'b1')!.title!.en).toBe("Reads the residents' status in the care system at the start of the shift");
    expect(en).toContain('I have noticed this benefit myself: More time for the core task');
  });

  it('shows the Danish text where English is missing, and lists each such text', () => {
    const { survey, missingEnglish } = generateSurvey(careCentreExample, 'followup', { overrides: { 'b1.capability': { da: 'Jeg kan finde status i systemet' } } });
    expect(survey.title).toEqual({ default: careCentreExample.project.name, en: careCentreExample.project.name });
    expect(missingEnglish.map((m) => [m.field, m.behaviourId ?? m.benefitId ?? m.key ?? null])).toEqual([
      ['projectName', null],
      ['projectPurpose', null],
      ['behaviourTitle', 1],
      ['oldBehaviour', 1],
      ['questionText', 1],
      ['rewording', 'b1.capability'],
      ['benefitTitle', 1],
      ['benefitTitle', 2],
      ['behaviourSituation', 1],
      ['behaviourDescription', 1],
    ]);
    // Without English wording the English question quotes the title instead of mixing languages in one sentence.
    const adoption = survey.pages.find((p) => p.name === 'b1')!.elements[0];
    expect(adoption.title.en).toBe(`In the last week, how often did you do this: ${careCentreExample.behaviours[0].title}`);
  });

  it('asks for no English of texts the survey does not show', () => {
    const { missingEnglish } = generateSurvey({ ...english, behaviours: [{ ...english.behaviours[0], oldBehaviourEn: '' }] }, 'baseline', {
      behaviours: [{ behaviourId: 1, constructs: ['adoption', 'capability'] }],
    });
    expect(missingEnglish).toEqual([]);
  });
});

describe('answer time', () => {
  it('is one whole-minute estimate in every place', () => {
    expect(estimateMinutes(102)).toBe(2);
    expect(estimateMinutes(20)).toBe(1);
    expect(estimateMinutes(150)).toBe(3);
    expect(durationText(36)).toEqual({ da: '1 minut', en: '1 minute' });
    expect(answerTimeText(102, 'da')).toBe('ca. 2 minutter');
    expect(answerTimeText(102, 'en')).toBe('about 2 minutes');
    // The intro page says what the estimate says.
    const { survey, estimatedSeconds } = generateSurvey(english, 'followup');
    expect(survey.pages[0].description!.default).toContain(`Det tager ${answerTimeText(estimatedSeconds, 'da')} at svare.`);
  });
});
