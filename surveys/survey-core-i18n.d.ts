// survey-core ships its dictionaries without type declarations.
declare module 'survey-core/i18n/danish' {
  /** The shipped Danish strings; importing the module also registers them as locale "da". */
  export const danishSurveyStrings: Record<string, string>;
}
