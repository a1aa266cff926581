// One word for one thing in the Danish interface: every Danish text of the client's dictionaries (and the
// SurveyJS strings respondents meet) says "idriftsættelse"/"i drift", never the English "go-live"; writes the
// imperative of an -ere verb with its accent ("Redigér", "Annullér", "Kopiér"), as most of the UI already did;
// and says "redskaber", as the survey's own question ("den tid og de redskaber, der skal til") does. The survey's
// own texts call the link's unit "enhed", as the answer page's header ("Enhed: …") and the English ("unit") do.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { danishOverrides } from '../../surveys/locale';
import { SURVEY_TEXT } from '../../surveys/itemBank';

const danish = vi.hoisted(() => [] as { where: string; text: string }[]);
vi.mock('../../client/i18n/index', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../client/i18n/index')>();
  return {
    ...original,
    makeTranslator: ((dicts, name) => {
      for (const [key, text] of Object.entries(dicts.da)) danish.push({ where: `${name ?? '(unnamed)'}.${key}`, text: text as string });
      return original.makeTranslator(dicts, name);
    }) as typeof original.makeTranslator,
  };
});
const dir = new URL('../../client/i18n/', import.meta.url);
beforeAll(async () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) await import(new URL(file, dir).href);
});

/** -ere verbs the UI uses as buttons and links; unaccented, each would read as the other spelling. */
const UNACCENTED = /(?<![\p{L}])(Rediger|Annuller|Opdater|Kopier|Importer|Marker|Omformuler|Formuler|Filtrer|Aktiver|Deaktiver|Registrer)(?![\p{L}])/iu;

describe('Danish interface wording', () => {
  it('reads every dictionary', () => {
    expect(danish.length).toBeGreaterThan(500);
    expect(danish.some((d) => d.where.startsWith('waveSchedule.'))).toBe(true);
  });

  it('says idriftsættelse, not go-live', () => {
    expect(danish.filter((d) => /go-?live/i.test(d.text))).toEqual([]);
  });

  it('writes -ere imperatives with the accent, and one word for tools', () => {
    const all = [...danish, ...Object.entries(danishOverrides).map(([key, text]) => ({ where: `surveyjs.${key}`, text }))];
    expect(all.filter((d) => UNACCENTED.test(d.text))).toEqual([]);
    expect(all.filter((d) => /værktøj/i.test(d.text))).toEqual([]);
  });

  it("calls the link's unit enhed in the survey's texts, never afdeling", () => {
    const texts = Object.entries(SURVEY_TEXT).map(([key, text]) => ({ where: `SURVEY_TEXT.${key}`, text: (text as { da: string }).da }));
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((d) => /afdeling/i.test(d.text))).toEqual([]);
  });
});
