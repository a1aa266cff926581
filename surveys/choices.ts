// The options of a choice question as the survey showed them, read back from a frozen survey's JSON. Pure.
import { restoreBraces } from './text';
import type { Localized } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** value → its words (Danish and English) for the question named `name`; empty when it has no choices. */
export function choiceLabels(surveyJson: unknown, name: string): Map<number, Localized> {
  const out = new Map<number, Localized>();
  const visit = (elements: unknown): boolean => {
    if (!Array.isArray(elements)) return false;
    for (const el of elements) {
      if (!isObject(el)) continue;
      if (visit(el.elements)) return true;
      if (el.name !== name || !Array.isArray(el.choices)) continue;
      for (const c of el.choices) {
        if (!isObject(c) || typeof c.value !== 'number') continue;
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const text = isObject(c.text) ? c.text : { default: str(c.text) };
        const da = restoreBraces(str(text.default) ?? str(text.da) ?? String(c.value));
        out.set(c.value, { da, en: restoreBraces(str(text.en) ?? da) });
      }
      return true;
    }
    return false;
  };
  if (isObject(surveyJson) && Array.isArray(surveyJson.pages)) for (const page of surveyJson.pages) if (isObject(page) && visit(page.elements)) break;
  return out;
}
