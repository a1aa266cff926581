// Plain-text handling for everything that goes into the SurveyJS JSON.
//
// SurveyJS shows titles, descriptions, row and choice texts as plain text unless the page hooks
// `onTextMarkdown` (we never do), so `<`, `>`, `&` and quotes stay literal: do NOT HTML-escape them.
// What SurveyJS does do is text processing: any `{name}` in a localizable string is replaced with the
// value of a variable or question called `name` (e.g. `{locale}` → "da", `{pagecount}` → "3", or a
// respondent's own earlier answer). It looks for the first "{" (settings.expressionVariableDelimiters,
// default "{" … "}") and trims the name with String.prototype.trim. We put an invisible WORD JOINER
// (U+2060: invisible, not removed by trim, allows no line break) right after every "{", so no
// name ever matches and the braces are shown as written.
import type { Localized } from './types';

export const WORD_JOINER = '\u2060';

/** Makes `{…}` in user text inert for SurveyJS text processing; the visible text is unchanged. */
export function neutralizeBraces(text: string): string {
  return text.includes('{') ? text.replace(/\{/g, `{${WORD_JOINER}`) : text;
}

/** Undoes neutralizeBraces (for showing JSON text elsewhere, e.g. in exports). */
export function restoreBraces(text: string): string {
  return text.split(`{${WORD_JOINER}`).join('{');
}

/**
 * Fills `{placeholder}`s of one of our templates in a single pass: inserted values are never scanned
 * again, so user text containing "{benefit}" stays literal. Unknown placeholders are left as written.
 */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : match,
  );
}

export function fillLocalized(template: Localized, vars: { da: Record<string, string>; en: Record<string, string> }): Localized {
  return { da: fill(template.da, vars.da), en: fill(template.en, vars.en) };
}

/** A SurveyJS localizable string: Danish is the default locale, English is explicit. */
export interface LocString {
  default: string;
  en: string;
}

/** Turns finished plain text into a SurveyJS localizable string, neutralising braces. */
export function locString(text: Localized): LocString {
  return { default: neutralizeBraces(text.da), en: neutralizeBraces(text.en) };
}

/** Collapses runs of whitespace in single-line text (titles); keeps it otherwise as written. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
