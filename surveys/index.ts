// Public API of surveys/: item bank, spec, generator, answer validation, SurveyJS locale fixes.
// The answer page should import './locale' directly to keep zod and the generator out of its bundle.
export * from './types';
export { SCALES, DONT_KNOW_TEXT, scaleValues, scaleLabel, type ScaleDef, type ScalePoint } from './scales';
export {
  ITEM_BANK,
  BANK_VERSION,
  FREE_TEXT_MAX_LENGTH,
  OVERRIDABLE_KEY_PATTERN,
  SURVEY_TEXT,
  bankItem,
  inPhase,
  itemKey,
  type BankItem,
  type BankScope,
  type PhaseSelection,
} from './itemBank';
export {
  surveySpecSchema,
  defaultSpec,
  defaultConstructs,
  parseSpec,
  BEHAVIOUR_CONSTRUCTS,
  DEFAULT_BEHAVIOUR_CONSTRUCTS,
  BACKGROUND_PRESETS,
  SPEC_LIMITS,
  type SurveySpec,
  type SurveySpecInput,
  type BehaviourSpec,
  type BehaviourConstruct,
  type CustomItemSpec,
  type BackgroundItemSpec,
} from './spec';
export {
  generateSurvey,
  estimateSeconds,
  durationText,
  SECONDS_PER_ITEM,
  type GeneratorInput,
  type GeneratorBehaviour,
  type GeneratorBenefit,
  type GenerateOptions,
  type GeneratedSurvey,
  type MissingEnglish,
  type MissingEnglishField,
  type SurveyJson,
  type PageJson,
  type QuestionJson,
  type RadiogroupJson,
  type CheckboxJson,
  type MatrixJson,
  type CommentJson,
  type ChoiceJson,
  type RowJson,
} from './generator';
export {
  validateAnswers,
  answersFromValues,
  compareItems,
  MAX_ERROR_DETAILS,
  type AnswerValue,
  type AnswerError,
  type AnswerErrorCode,
  type ValidationResult,
  type ItemComparison,
  type ItemDifference,
} from './validate';
export { generatorInputOf, type SurveySource } from './generatorInput';
export { neutralizeBraces, restoreBraces, WORD_JOINER, type LocString } from './text';
export { answerTimeText, estimateMinutes } from './duration';
export { questionWording, suggestQuestionText, suggestQuestionTextEn, danishParticiple, type WordingSuggestion, type WordingSource } from './wording';
export { danishOverrides, danishOverrideList, danishStrings, applySurveyLocale, type DanishOverrideKey } from './locale';
export { careCentreExample, careCentreBenefitDetails } from './example';
