// SurveyJS set-up shared by the answer page and the admin preview (MIT survey-core + survey-react-ui only).
// The generated JSON stores Danish under SurveyJS's "default" key and English under "en", so Danish must be
// SurveyJS's default locale; otherwise choosing English would fall back to the Danish text.
import { Model, settings } from 'survey-core';
// Corrected Danish strings + Danish as SurveyJS's default locale (imported directly: surveys/index pulls in zod).
import { applySurveyLocale } from '../../surveys/locale';
// Fontless: no font requests to third parties from a staff member's phone.
import 'survey-core/survey-core.fontless.css';
import './survey.css';
import type { Locale } from '../i18n';
import type { SurveyJson } from '../api';

let done = false;

/** Heading levels SurveyJS uses, so its headings continue below ours (h1 on the answer page, h3 in the preview). */
function setHeadingBase(base: number) {
  const h = (n: number) => `h${Math.min(6, n)}`;
  settings.titleTags.survey = h(base);
  settings.titleTags.page = h(base);
  settings.titleTags.panel = h(base + 1);
  settings.titleTags.question = h(base + 1);
}

/** Idempotent: the Danish dictionary with surveys/' fixes (complete button "Send svar"), Danish as default. */
export function setupSurveyJs() {
  if (done) return;
  done = true;
  applySurveyLocale();
}

/** SurveyJS's locale id: '' is the default (Danish). */
export const surveyLocaleOf = (l: Locale) => (l === 'da' ? '' : 'en');

export function createSurveyModel(json: SurveyJson, locale: Locale, data?: Record<string, unknown>, headingBase = 2) {
  setupSurveyJs();
  setHeadingBase(headingBase);
  const model = new Model(json);
  // The page shows the project name as its h1 already.
  model.showTitle = false;
  // One progress indicator: ours (SurveyFrame), counting the question pages only.
  model.showProgressBar = false;
  model.locale = surveyLocaleOf(locale);
  if (data) model.data = data;
  return model;
}
