// Texts of the stale-edit dialog: someone else saved the same thing while you were editing it (409 stale_version).
import { makeTranslator } from './index';

const da = {
  staleTitle: 'Nogen har ændret {what}, mens du redigerede',
  staleIntro: 'Din ændring er ikke gemt. Felter, der er forskellige:',
  staleNone: 'Den anden ændring rørte ikke de felter, du har ændret.',
  staleField: 'Felt',
  staleTheirs: 'Den nye version',
  staleYours: 'Din ændring',
  staleReload: 'Hent den nye version',
  staleReloadHint: 'Dine ændringer kasseres.',
  staleKeep: 'Behold mine ændringer',
  staleKeepHint: 'Dine ændrede felter lægges oven på den nye version og gemmes.',
  staleEmpty: '(tom)',
  staleWhatProject: 'projektet',
  staleWhatSurvey: 'spørgeskemaet',
  staleWhatGoal: 'målet',
  staleWhatEnabler: 'leverancen',
  staleWhatBenefit: 'gevinsten',
  staleWhatBehaviour: 'adfærden',
  staleWhatUnit: 'enheden',
  staleWhatWave: 'målingen',
  staleWhatGroup: 'rapporteringsgruppen',
  staleWhatUser: 'brugeren',
};

const en: typeof da = {
  staleTitle: 'Someone changed {what} while you were editing',
  staleIntro: 'Your change has not been saved. Fields that differ:',
  staleNone: 'The other change did not touch the fields you changed.',
  staleField: 'Field',
  staleTheirs: 'The new version',
  staleYours: 'Your change',
  staleReload: 'Get the new version',
  staleReloadHint: 'Your changes are discarded.',
  staleKeep: 'Keep my changes',
  staleKeepHint: 'Your changed fields are applied on top of the new version and saved.',
  staleEmpty: '(empty)',
  staleWhatProject: 'the project',
  staleWhatSurvey: 'the survey',
  staleWhatGoal: 'the goal',
  staleWhatEnabler: 'the enabler',
  staleWhatBenefit: 'the benefit',
  staleWhatBehaviour: 'the behaviour',
  staleWhatUnit: 'the unit',
  staleWhatWave: 'the wave',
  staleWhatGroup: 'the reporting group',
  staleWhatUser: 'the user',
};

export type VersionsKey = keyof typeof da;
export const { useT: useVersionsT, translate: translateVersions } = makeTranslator<VersionsKey>({ da, en }, 'versions');
