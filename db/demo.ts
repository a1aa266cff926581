// The demo project from DESIGN.md: a care-centre case where staff read each resident's status in the
// care system themselves instead of a joint read-aloud at shift start, in Danish and English (so the English survey
// shows no Danish text). Plain data; loaded by server/services/demo.ts.

export const demoAccounts = {
  admin: { email: 'sekretariat@demo.dk', password: 'gevinst-demo', name: 'Digitaliseringssekretariatet' },
  manager: { email: 'leder@demo.dk', password: 'leder-demo', name: 'Centerleder Hanne Jensen' },
};

/** Units: one forvaltning, three care centres and two small teams (below the anonymity threshold). */
export const demoUnits = [
  { key: 'forv', name: 'Sundhed og Omsorg', nameEn: 'Health and Care', kind: 'forvaltning', parent: null, headcount: 0 },
  { key: 'sol', name: 'Plejecenter Solhaven', nameEn: 'Solhaven Care Centre', kind: 'center', parent: 'forv', headcount: 48 },
  { key: 'ege', name: 'Plejecenter Egebo', nameEn: 'Egebo Care Centre', kind: 'center', parent: 'forv', headcount: 36 },
  { key: 'lin', name: 'Plejecenter Lindely', nameEn: 'Lindely Care Centre', kind: 'center', parent: 'forv', headcount: 55 },
  { key: 'nat', name: 'Nattevagten, Lindely', nameEn: 'Night shift, Lindely', kind: 'enhed', parent: 'forv', headcount: 8 },
  { key: 'afl', name: 'Afløserteamet', nameEn: 'Relief team', kind: 'enhed', parent: 'forv', headcount: 7 },
] as const;

export type DemoUnitKey = (typeof demoUnits)[number]['key'];

export const demoProject = {
  name: 'Digital overlevering på plejecentrene',
  nameEn: 'Digital handover at the care centres',
  purpose:
    'Medarbejderne læser selv den enkelte beboers status i omsorgssystemet, så den fælles oplæsning ved vagtskifte kan kortes ned, og tiden går til kerneopgaven.',
  purposeEn:
    "Staff read each resident's status in the care system themselves, so that the joint read-aloud at shift change can be shortened and the time goes to the core task.",
  projectLead: 'Projektleder Mads Holm',
  status: 'udrulning' as const,
  goals: ['Mere tid til kerneopgaven hos beboerne', 'En sikker overlevering mellem vagter'],
  enablers: ['Omsorgssystemets mobile app på alle vagttelefoner', 'Kursus: læs og skriv status på 10 minutter', 'Ny instruks for overlevering'],
};

export const demoBenefits = [
  {
    key: 'time',
    title: 'Mere tid til kerneopgaven',
    titleEn: 'More time for the core task',
    direction: 'positive',
    type: 'tid',
    owner: 'Chef for Sundhed og Omsorg',
    measure: 'Minutter brugt på overlevering pr. vagtskifte',
    measureUnit: 'minutter',
    dataSource: 'Tidsregistrering, stikprøve to uger pr. kvartal',
    baselineValue: 30,
    targetValue: 10,
    goal: 0,
  },
  {
    key: 'talk',
    title: 'Mindre fælles faglig drøftelse ved overlevering',
    titleEn: 'Less joint professional discussion at handover',
    direction: 'negative',
    type: 'kvalitet',
    owner: 'Sygeplejefaglig leder',
    measure: 'Andel medarbejdere, der oplever at mangle faglig sparring',
    measureUnit: '%',
    dataSource: 'Opfølgende måling',
    baselineValue: 10,
    targetValue: 15,
    goal: 1,
  },
] as const;

export const demoBehaviours = [
  {
    key: 'read',
    title: 'Læser selv beboerens status i omsorgssystemet ved vagtstart',
    titleEn: "Reads the resident's status in the care system at the start of the shift",
    description: 'Før du går ind til den første beboer, læser du status og seneste notater på telefonen.',
    descriptionEn: 'Before you go in to the first resident, you read the status and latest notes on the phone.',
    targetGroup: 'Social- og sundhedsmedarbejdere på dag- og aftenvagt',
    situation: 'Ved vagtstart, før første besøg',
    situationEn: 'At the start of the shift, before the first visit',
    expectedFrequency: 'Hver vagt',
    oldBehaviour: 'Lytter til fælles oplæsning af alle beboeres status ved vagtskifte',
    oldBehaviourEn: "Listens to a joint read-aloud of every resident's status at shift change",
    benefits: ['time', 'talk'],
    enablers: [0, 1],
    isPrimary: true,
  },
  {
    key: 'write',
    title: 'Skriver kort status i systemet efter hvert besøg',
    titleEn: 'Writes a short status in the system after each visit',
    description: 'Efter besøget skriver du 1–3 linjer om, hvad der er vigtigt for næste vagt.',
    descriptionEn: 'After the visit you write 1–3 lines about what matters for the next shift.',
    targetGroup: 'Alle medarbejdere med beboerkontakt',
    situation: 'Lige efter hvert besøg',
    situationEn: 'Right after each visit',
    expectedFrequency: 'Efter hvert besøg',
    oldBehaviour: 'Gemmer beskeder til den mundtlige overlevering',
    oldBehaviourEn: 'Saves messages for the spoken handover',
    benefits: ['time'],
    enablers: [0, 2],
    isPrimary: false,
  },
] as const;

/** The demo survey's spec beyond the defaults: a background question (so the report shows a breakdown) and, for
 *  the primary behaviour, its own free-text question (so the drill-down shows comments under it). */
export const demoSurvey = {
  background: [
    {
      id: 'vagt',
      text: { da: 'Hvilken vagt arbejder du mest?', en: 'Which shift do you work most?' },
      choices: [
        { value: 1, text: { da: 'Dag', en: 'Day' } },
        { value: 2, text: { da: 'Aften', en: 'Evening' } },
        { value: 3, text: { da: 'Nat', en: 'Night' } },
      ],
    },
  ],
  freeTextBehaviours: ['read'],
} as const;

/** The shift each unit's staff answer: the night team "Nat", the relief team "Aften", the centres a mix of day,
 *  evening and some night (so that every group of the breakdown reaches the threshold and it is shown); about 1 in
 *  10 leave the question out. */
export const demoShifts: Record<DemoUnitKey, 'mix' | 1 | 2 | 3> = { forv: 'mix', sol: 'mix', ege: 'mix', lin: 'mix', nat: 3, afl: 2 };

/** Go-live per unit, in days relative to the day the demo is loaded (negative = in the past). */
export const demoRollouts: Record<DemoUnitKey, number | null> = {
  forv: null,
  sol: -120,
  ege: -75,
  lin: -8,
  nat: -45,
  afl: 20,
};

/** Waves relative to the load day. Responses per unit and wave; small teams stay below the threshold. */
export const demoWaves = [
  { name: 'Nulpunktsmåling', nameEn: 'Baseline', phase: 'baseline', opensOn: -140, closesOn: -126, status: 'closed' },
  { name: 'Opfølgning efter 3 måneder', nameEn: 'Follow-up after 3 months', phase: 'followup', opensOn: -25, closesOn: -11, status: 'closed' },
  { name: 'Opfølgning efter 6 måneder', nameEn: 'Follow-up after 6 months', phase: 'followup', opensOn: -3, closesOn: 25, status: 'open' },
] as const;

/** Each demo wave opens at 08:00 on its first day and closes at 16:00 on its last, Copenhagen time. */
export const demoWaveHours = { opens: '08:00', closes: '16:00' } as const;

export const demoResponseCounts: Record<DemoUnitKey, [number, number, number]> = {
  forv: [0, 0, 0],
  sol: [31, 34, 9],
  ege: [22, 25, 6],
  lin: [35, 38, 11],
  nat: [3, 3, 0],
  afl: [3, 2, 0],
};
