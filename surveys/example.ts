// The care-centre example from DESIGN.md, shared by tests and demo data.
import type { GeneratorInput } from './generator';

/**
 * Staff read each resident's status in the care system themselves at the start of the shift, instead of
 * a joint read-aloud. Benefit: more time for core work. Possible negative benefit: less shared
 * professional discussion at handover.
 */
export const careCentreExample = {
  project: {
    name: 'Digital vagtoverlevering på plejecentret',
    purpose:
      'Frigøre tid til kerneopgaven, ved at medarbejderne selv læser beboernes status i omsorgssystemet i stedet for at høre den læst højt ved vagtskiftet.',
  },
  behaviours: [
    {
      id: 1,
      title: 'Læser selv beboernes status i omsorgssystemet ved vagtens start',
      description:
        'Når vagten begynder, læser du selv den aktuelle status for dine beboere i omsorgssystemet på telefon eller tablet – i stedet for at høre den læst højt for hele gruppen.',
      targetGroup: 'Social- og sundhedshjælpere og -assistenter i dag- og aftenvagt',
      situation: 'ved vagtens start',
      expectedFrequency: 'hver vagt',
      oldBehaviour: 'Fælles højtlæsning af beboernes status ved vagtskiftet',
    },
  ],
  benefits: [
    { id: 1, title: 'Mere tid til kerneopgaven', direction: 'positive' },
    { id: 2, title: 'Mindre fælles faglig sparring ved vagtskiftet', direction: 'negative' },
  ],
  links: { 1: [1, 2] },
} as const satisfies GeneratorInput;

/** Extra facts about the example's benefits, for demo data (DESIGN.md benefit fields). */
export const careCentreBenefitDetails = {
  1: { type: 'tid', measure: 'Minutter brugt på overlevering pr. vagt', unit: 'minutter', baselineValue: 30, targetValue: 10 },
  2: { type: 'kvalitet', measure: 'Andel medarbejdere, der oplever mindre faglig sparring', unit: '%', baselineValue: 0, targetValue: 20 },
} as const;
