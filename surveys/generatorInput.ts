// The generator's input from a project as the API holds it (the project JSON, server/services/projects.ts
// getProjectDetail): its live behaviours and benefits, and the links between the live ones. The server builds the
// stored survey with it and the survey editor its placeholders, so both see exactly the same texts.
import type { GeneratorBehaviour, GeneratorBenefit, GeneratorInput } from './generator';

type Text = string | null;

/** The parts of the project JSON the survey is made from (other fields are ignored). */
export interface SurveySource {
  name: string;
  purpose: string;
  nameEn?: Text;
  purposeEn?: Text;
  /** On only while a pairing secret exists (server/services/pairing.ts). */
  pairingEnabled?: boolean;
  /** Every generator field is required here, so a text added to the generator cannot be left out by mistake. */
  behaviours: readonly ({ [K in keyof GeneratorBehaviour]-?: GeneratorBehaviour[K] } & { archivedAt: Text; benefitIds: readonly number[] })[];
  benefits: readonly (GeneratorBenefit & { archivedAt: Text })[];
}

export function generatorInputOf(detail: SurveySource): GeneratorInput {
  const liveBenefits = detail.benefits.filter((b) => !b.archivedAt);
  const liveBenefitIds = new Set(liveBenefits.map((b) => b.id));
  const liveBehaviours = detail.behaviours.filter((b) => !b.archivedAt);
  return {
    project: { name: detail.name, purpose: detail.purpose, nameEn: detail.nameEn, purposeEn: detail.purposeEn },
    behaviours: liveBehaviours.map((b) => ({
      id: b.id,
      title: b.title,
      description: b.description,
      targetGroup: b.targetGroup,
      situation: b.situation,
      expectedFrequency: b.expectedFrequency,
      oldBehaviour: b.oldBehaviour,
      questionText: b.questionText,
      titleEn: b.titleEn,
      descriptionEn: b.descriptionEn,
      oldBehaviourEn: b.oldBehaviourEn,
      situationEn: b.situationEn,
      questionTextEn: b.questionTextEn,
    })),
    benefits: liveBenefits.map((b) => ({ id: b.id, title: b.title, titleEn: b.titleEn, direction: b.direction })),
    links: Object.fromEntries(liveBehaviours.map((b) => [b.id, b.benefitIds.filter((id) => liveBenefitIds.has(id))])),
    pairing: !!detail.pairingEnabled,
  };
}
