// Danish SurveyJS interface strings: fixes for survey-core 3.0.0's shipped Danish dictionary, whose
// strings are partly machine-translated ("Forpremiere", "Aflyse", "Pålæsning…"), wrong ("Nej" shown as
// "Ingen", "Optag" for a record, "Tilmeld dig her" for "Sign here") or still English (textMaxLength).
//
// Import this module from the answer page (not the whole surveys/ index, which also pulls in zod) and
// call applySurveyLocale() once before creating a Model. It makes Danish the SurveyJS default locale,
// which the generated JSON relies on: its strings are { default: <Danish>, en: <English> }.
import { setupLocale, surveyLocalization } from 'survey-core';
import { danishSurveyStrings } from 'survey-core/i18n/danish';

/** Reviewed against every string a respondent can meet; unlisted shipped strings are fine as they are. */
export const danishOverrides = {
  pageNextText: 'Næste',
  completeText: 'Send svar',
  previewText: 'Se dine svar',
  commentText: 'Skriv gerne en kommentar',
  otherItemText: 'Andet (skriv)',
  refuseItemText: 'Ønsker ikke at svare',
  panelDynamicProgressText: '{0} af {1}',
  questionsProgressText: '{0} af {1} spørgsmål besvaret',
  emptySurvey: 'Spørgeskemaet har ingen spørgsmål.',
  completingSurveyBefore: 'Du har allerede besvaret dette spørgeskema.',
  loadingSurvey: 'Henter spørgeskemaet …',
  ratingOptionsCaption: 'Vælg …',
  buttongroupOptionsCaption: 'Vælg …',
  requiredInAllRowsError: 'Besvar venligst alle rækker.',
  minError: 'Værdien må ikke være mindre end {0}',
  maxError: 'Værdien må ikke være større end {0}',
  invalidInputError: 'Ugyldigt svar',
  textNoDigitsAllow: 'Tal er ikke tilladt.',
  textMaxLength: 'Skriv højst {0} tegn.',
  textMinMaxLength: 'Skriv mindst {0} og højst {1} tegn.',
  maxSelectError: 'Vælg højst {0} svarmulighed(er).',
  numericMinMax: "'{0}' skal være mindst {1} og højst {2}",
  numericMin: "'{0}' skal være mindst {1}",
  numericMax: "'{0}' skal være højst {1}",
  invalidEmail: 'Angiv venligst en gyldig e-mailadresse.',
  otherRequiredError: 'Skriv dit svar i feltet "Andet".',
  savingData: 'Dine svar bliver gemt …',
  savingDataError: 'Der opstod en fejl, og dine svar blev ikke gemt.',
  savingDataSuccess: 'Dine svar er gemt.',
  timerMin: 'min',
  clearCaption: 'Ryd',
  selectCaption: 'Vælg',
  signaturePlaceHolder: 'Skriv under her',
  booleanUncheckedLabel: 'Nej',
  modalCancelButtonText: 'Annullér',
  modalApplyButtonText: 'Anvend',
  loadingPage: 'Indlæser …',
  loadingData: 'Indlæser …',
  noEntriesText: 'Ingen rækker endnu.\nKlik på knappen nedenfor for at tilføje en.',
  cancel: 'Annullér',
  progressbar: 'Fremdrift',
} as const satisfies Record<string, string>;

export type DanishOverrideKey = keyof typeof danishOverrides;

/** For the release note: each overridden key with survey-core 3.0.0's shipped text and ours. */
export const danishOverrideList: readonly { key: DanishOverrideKey; old: string; new: string }[] = (
  Object.keys(danishOverrides) as DanishOverrideKey[]
).map((key) => ({ key, old: danishSurveyStrings[key] ?? '', new: danishOverrides[key] }));

/** English strings worded like their Danish counterparts. */
export const englishOverrides = { completeText: 'Send answers' };

/** The complete Danish dictionary we register: shipped strings with our overrides on top. */
export function danishStrings(): Record<string, string> {
  return { ...danishSurveyStrings, ...danishOverrides };
}

/**
 * Registers the corrected Danish dictionary as locale "da" and makes Danish the SurveyJS default
 * locale (so `{ default: …, en: … }` strings show Danish by default and English when locale is "en").
 * Idempotent; survey-core keeps this state globally.
 */
export function applySurveyLocale(): void {
  setupLocale({ localeCode: 'da', strings: danishStrings(), nativeName: 'dansk', englishName: 'Danish' });
  surveyLocalization.defaultLocale = 'da';
  // English says what the Danish button says: the answer is sent, not merely "Complete".
  Object.assign(surveyLocalization.locales.en ?? {}, englishOverrides);
}
