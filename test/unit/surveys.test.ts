import { Model } from 'survey-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applySurveyLocale,
  careCentreExample,
  compareItems,
  danishOverrideList,
  danishOverrides,
  defaultSpec,
  DONT_KNOW,
  generateSurvey,
  ITEM_BANK,
  OVERRIDABLE_KEY_PATTERN,
  SECONDS_PER_ITEM,
  SURVEY_TEXT,
  surveySpecSchema,
  validateAnswers,
  WORD_JOINER,
  type GeneratorInput,
  type ItemMapEntry,
  type MatrixJson,
  type QuestionJson,
  type SurveyJson,
  type SurveySpecInput,
} from '../../surveys';
import { danishSurveyStrings } from 'survey-core/i18n/danish';

beforeAll(() => applySurveyLocale());

const HOSTILE = '<script>alert(1)</script> & "quotes" {name}';

function questions(survey: SurveyJson): QuestionJson[] {
  return survey.pages.flatMap((p) => p.elements);
}

function keys(items: ItemMapEntry[]) {
  return items.map((i) => i.key);
}

/** Every localizable string in the JSON: objects with a `default` key. */
function locStrings(node: unknown, path = '$', out: { path: string; value: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => locStrings(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if ('default' in obj) out.push({ path, value: obj });
    else for (const [k, v] of Object.entries(obj)) locStrings(v, `${path}.${k}`, out);
  }
  return out;
}

/** Answers every question of a loaded model the way a respondent would. */
function answerAll(model: Model, pick = 0) {
  for (const q of model.getAllQuestions()) {
    const json = q.toJSON() as { type?: string };
    const type = q.getType();
    if (type === 'radiogroup') {
      const choices = (q as unknown as { choices: { value: number }[] }).choices;
      model.setValue(q.name, choices[pick % choices.length].value);
    } else if (type === 'matrix') {
      const m = q as unknown as { rows: { value: string }[]; columns: { value: number }[] };
      model.setValue(q.name, Object.fromEntries(m.rows.map((r, i) => [r.value, m.columns[(pick + i) % m.columns.length].value])));
    } else if (type === 'checkbox') {
      const choices = (q as unknown as { choices: { value: number }[] }).choices;
      model.setValue(q.name, choices.slice(0, 2).map((c) => c.value));
    } else if (type === 'comment') {
      model.setValue(q.name, `Svar på ${q.name}: mere tid & færre "afbrydelser" <b>`);
    } else {
      throw new Error(`Unexpected question type ${type} ${JSON.stringify(json)}`);
    }
  }
}

describe('generator structure', () => {
  const { survey, itemMap, estimatedSeconds, warnings } = generateSurvey(careCentreExample, 'baseline');

  it('has a start page, one page per behaviour and a final free-text page', () => {
    expect(survey.locale).toBe('da');
    expect(survey.firstPageIsStartPage).toBe(true);
    expect(survey.pages.map((p) => p.name)).toEqual(['intro', 'b1', 'final']);
    expect(survey.pages[0].elements).toEqual([]);
    expect(warnings).toEqual([]);
    expect(itemMap.phase).toBe('baseline');
  });

  it('asks adoption and the old behaviour as radiogroups and the three diagnostic items as one matrix', () => {
    const page = survey.pages[1];
    expect(page.elements.map((e) => [e.type, e.name])).toEqual([
      ['radiogroup', 'b1.adoption'],
      ['radiogroup', 'b1.old_behaviour'],
      ['matrix', 'b1.statements'],
    ]);
    const adoption = page.elements[0];
    expect(adoption.type === 'radiogroup' && adoption.choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 0]);
    expect(adoption.type === 'radiogroup' && adoption.isRequired).toBe(true);
    const matrix = page.elements[2] as MatrixJson;
    expect(matrix.rows.map((r) => r.value)).toEqual(['b1.capability', 'b1.opportunity', 'b1.motivation']);
    expect(matrix.columns.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, DONT_KNOW]);
    expect(matrix.columns.map((c) => c.text.default)).toEqual(['Helt uenig', 'Uenig', 'Hverken enig eller uenig', 'Enig', 'Helt enig', 'Ved ikke / ikke relevant']);
    const free = survey.pages[2].elements[0];
    expect(free).toMatchObject({ type: 'comment', name: 'free_text', maxLength: 2000 });
  });

  it('maps every item to its question/row, scale and favourable answers', () => {
    const byKey = Object.fromEntries(itemMap.items.map((i) => [i.key, i]));
    expect(keys(itemMap.items)).toEqual(['b1.adoption', 'b1.old_behaviour', 'b1.capability', 'b1.opportunity', 'b1.motivation', 'free_text']);
    expect(byKey['b1.adoption']).toMatchObject({ construct: 'adoption', behaviourId: 1, type: 'scale', scale: 'frequency5', favourable: [4, 5], values: [1, 2, 3, 4, 5, 0], allowDontKnow: true, required: true, question: 'b1.adoption' });
    expect(byKey['b1.old_behaviour']).toMatchObject({ construct: 'old_behaviour', scale: 'frequency5', favourable: [1, 2] });
    expect(byKey['b1.capability']).toMatchObject({ construct: 'capability', scale: 'agreement5', favourable: [4, 5], question: 'b1.statements', row: 'b1.capability' });
    expect(byKey['free_text']).toMatchObject({ construct: 'free_text', type: 'text', maxLength: 2000, required: false });
    expect(byKey['b1.adoption'].text.da).toContain('den seneste uge');
    // The behaviour reads as a verb phrase inside the question, not as a pasted title.
    expect(byKey['b1.adoption'].text.da).toBe('Hvor ofte har du i den seneste uge selv læst beboernes status i omsorgssystemet ved vagtens start?');
    expect(byKey['b1.adoption'].text.en).toContain('the last week');
  });

  it('estimates about six seconds per item and says so on the intro page', () => {
    expect(estimatedSeconds).toBe(itemMap.items.length * SECONDS_PER_ITEM);
    expect(estimatedSeconds).toBe(36);
    const intro = survey.pages[0].description!;
    expect(intro.default).toContain('ca. 1 minut');
    expect(intro.default).toContain('mindst 5 besvarelser');
    expect(intro.default).toContain('mindst 10');
    expect(intro.default).toContain('anonyme');
    expect(intro.en).toContain('about 1 minute');
  });

  it('uses no html questions, and completedHtml only from static text', () => {
    expect(JSON.stringify(survey)).not.toContain('"html"');
    const hostile = generateSurvey({ ...careCentreExample, project: { name: HOSTILE, purpose: HOSTILE } }, 'baseline');
    expect(hostile.survey.completedHtml).toEqual(survey.completedHtml);
    expect(hostile.survey.completedHtml.default).not.toContain('script');
  });
});

describe('stable keys', () => {
  const baseline = generateSurvey(careCentreExample, 'baseline');
  const followup = generateSurvey(careCentreExample, 'followup');

  it('regenerating gives identical output', () => {
    expect(JSON.stringify(generateSurvey(careCentreExample, 'baseline'))).toBe(JSON.stringify(baseline));
    expect(JSON.stringify(generateSurvey(careCentreExample, 'followup', defaultSpec(careCentreExample)))).toBe(JSON.stringify(followup));
  });

  it('keeps baseline items identical in the follow-up and only adds benefit/drawback items', () => {
    const f = new Map(followup.itemMap.items.map((i) => [i.key, i]));
    for (const item of baseline.itemMap.items) expect(f.get(item.key)).toEqual(item);
    const added = followup.itemMap.items.filter((i) => !baseline.itemMap.items.some((b) => b.key === i.key));
    expect(added.map((i) => [i.key, i.construct, i.benefitId, i.favourable])).toEqual([
      ['b1.benefit.1', 'benefit', 1, [4, 5]],
      ['b1.drawback.2', 'drawback', 2, [1, 2]],
    ]);
    // The questions themselves are identical too (same JSON on the behaviour page).
    const fPage = followup.survey.pages.find((p) => p.name === 'b1')!;
    for (const q of baseline.survey.pages.find((p) => p.name === 'b1')!.elements) expect(fPage.elements).toContainEqual(q);
    for (const item of baseline.itemMap.items) {
      const c = compareItems(item, f.get(item.key)!);
      expect(c).toEqual({ comparable: true, wordingChanged: false, differences: [] });
    }
  });

  it('keeps keys when titles change, behaviours are reordered or added', () => {
    const changed: GeneratorInput = {
      ...careCentreExample,
      behaviours: [
        { id: 7, title: 'Dokumenterer straks efter besøget', oldBehaviour: '' },
        { ...careCentreExample.behaviours[0], title: 'Læser status selv' },
      ],
      links: { 1: [1, 2], 7: [1] },
    };
    const again = generateSurvey(changed, 'baseline');
    const before = new Map(baseline.itemMap.items.map((i) => [i.key, i]));
    for (const item of again.itemMap.items.filter((i) => i.behaviourId === 1)) {
      const c = compareItems(before.get(item.key)!, item);
      expect(c.comparable).toBe(true);
    }
    const adoption = compareItems(before.get('b1.adoption')!, again.itemMap.items.find((i) => i.key === 'b1.adoption')!);
    expect(adoption).toMatchObject({ comparable: true, wordingChanged: true });
    expect(keys(again.itemMap.items)).toEqual(expect.arrayContaining(['b7.adoption', 'b7.capability', 'b1.adoption', 'free_text']));
    expect(keys(again.itemMap.items)).not.toContain('b7.old_behaviour');
  });
});

describe('baseline vs follow-up', () => {
  it('adds an effects matrix in the follow-up only', () => {
    const b = generateSurvey(careCentreExample, 'baseline');
    const f = generateSurvey(careCentreExample, 'followup');
    expect(b.itemMap.items.some((i) => i.construct === 'benefit' || i.construct === 'drawback')).toBe(false);
    const effects = questions(f.survey).find((q) => q.name === 'b1.effects') as MatrixJson;
    expect(effects.type).toBe('matrix');
    expect(effects.rows.map((r) => r.value)).toEqual(['b1.benefit.1', 'b1.drawback.2']);
    expect(effects.rows[0].text.default).toBe('Jeg har selv mærket denne fordel: Mere tid til kerneopgaven');
    expect(effects.rows[1].text.default).toBe('Jeg har selv mærket denne ulempe: Mindre fælles faglig sparring ved vagtskiftet');
    expect(f.estimatedSeconds).toBe(48);
    expect(f.survey.pages[0].description!.default).toContain('ca. 1 minut');
  });

  it('asks about drawbacks in general when no negative benefit is linked', () => {
    const f = generateSurvey({ ...careCentreExample, links: { 1: [1] } }, 'followup');
    expect(keys(f.itemMap.items)).toContain('b1.drawback');
    expect(f.itemMap.items.find((i) => i.key === 'b1.drawback')).toMatchObject({ construct: 'drawback', favourable: [1, 2] });
  });
});

describe('plain text from users', () => {
  const input: GeneratorInput = {
    project: { name: `Projekt ${HOSTILE}`, purpose: `Formål ${HOSTILE} {locale} {pagecount}` },
    behaviours: [{ id: 3, title: HOSTILE, description: `Beskrivelse {b3.adoption} {locale}\n<b>fed</b>`, situation: '{name}', oldBehaviour: `Gammel {b3.adoption}` }],
    benefits: [
      { id: 4, title: `Gevinst {locale} & <i>`, direction: 'positive' },
      { id: 5, title: '{benefit} {behaviour}', direction: 'negative' },
    ],
    links: { 3: [4, 5] },
  };
  const { survey, itemMap } = generateSurvey(input, 'followup');
  const strip = (s: string) => s.split(WORD_JOINER).join('');

  it('puts user text into the JSON as written (no escaping), with braces neutralised', () => {
    const page = survey.pages.find((p) => p.name === 'b3')!;
    expect(strip(page.title!.default)).toBe(HOSTILE);
    expect(page.title!.default).toContain(`{${WORD_JOINER}name}`);
    expect(page.title!.default).not.toContain('&lt;');
    // Bank placeholders inside user text are not expanded.
    const drawback = itemMap.items.find((i) => i.key === 'b3.drawback.5')!;
    expect(drawback.text.da).toBe('Jeg har selv mærket denne ulempe: {benefit} {behaviour}');
    // The item map keeps the clean wording. A title that starts with no known verb is quoted, not conjugated.
    expect(itemMap.items.find((i) => i.key === 'b3.adoption')!.text.da).toBe(`Hvor ofte har du i den seneste uge gjort dette: ${HOSTILE}?`);
    expect(JSON.stringify(itemMap)).not.toContain(WORD_JOINER);
  });

  it('SurveyJS would otherwise fill {placeholders} — the threat is real', () => {
    const raw = new Model({ locale: 'da', pages: [{ name: 'p', title: '{locale} {q}', elements: [{ type: 'radiogroup', name: 'q', choices: [{ value: 1, text: 'Aldrig' }] }] }] });
    raw.setValue('q', 1);
    expect(raw.pages[0].locTitle.renderedHtml).toBe('da Aldrig');
  });

  it('SurveyJS shows the text literally: no HTML, no markdown, no text processing', () => {
    const model = new Model(survey);
    model.setValue('b3.adoption', 4);
    const page = model.getPageByName('b3');
    expect(page.locTitle.hasHtml).toBe(false);
    expect(strip(page.locTitle.renderedHtml)).toBe(HOSTILE);
    expect(strip(page.locDescription.renderedHtml)).toBe('Beskrivelse {b3.adoption} {locale}\n<b>fed</b>\nHvornår: {name}');
    expect(strip(model.getQuestionByName('b3.old_behaviour').locTitle.renderedHtml)).toContain('stadig gjort det på den gamle måde: gammel {b3.adoption}?');
    expect(strip(model.title)).toBe(`Projekt ${HOSTILE}`);
    const intro = strip(model.pages[0].locDescription.renderedHtml);
    expect(intro).toContain(`Formål ${HOSTILE} {locale} {pagecount}`);
    const effects = model.getQuestionByName('b3.effects') as unknown as { rows: { locText: { renderedHtml: string; hasHtml: boolean } }[] };
    expect(strip(effects.rows[0].locText.renderedHtml)).toBe('Jeg har selv mærket denne fordel: Gevinst {locale} & <i>');
    expect(effects.rows[0].locText.hasHtml).toBe(false);
    model.locale = 'en';
    expect(strip(model.getPageByName('b3').locTitle.renderedHtml)).toBe(HOSTILE);
    expect(strip(model.getQuestionByName('b3.adoption').locTitle.renderedHtml)).toBe(`In the last week, how often did you do this: ${HOSTILE}`);
  });
});

describe('locale', () => {
  const { survey } = generateSurvey(careCentreExample, 'followup', {
    customItems: [{ id: 'tablet', kind: 'single', text: { da: 'Har du en tablet?', en: 'Do you have a tablet?' }, choices: [{ value: 1, text: { da: 'Ja', en: 'Yes' } }, { value: 2, text: { da: 'Nej', en: 'No' } }] }],
    background: [{ id: 'shift', text: { da: 'Vagt', en: 'Shift' }, choices: [{ value: 1, text: { da: 'Dag', en: 'Day' } }, { value: 2, text: { da: 'Nat', en: 'Night' } }] }],
  });

  it('gives every string a Danish default and an English version', () => {
    const strings = locStrings(survey);
    expect(strings.length).toBeGreaterThan(40);
    for (const { path, value } of strings) {
      expect(Object.keys(value).sort(), path).toEqual(['default', 'en']);
      expect(typeof value.default === 'string' && value.default.length > 0, path).toBe(true);
      expect(typeof value.en === 'string' && value.en.length > 0, path).toBe(true);
    }
    // No bare strings where SurveyJS shows text.
    const bare = JSON.stringify(survey).match(/"(title|description|text|requiredErrorText|completedHtml)":"/);
    expect(bare).toBeNull();
  });

  it('shows Danish by default and English when switched', () => {
    const model = new Model(survey);
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(model.locale).toBe('');
    expect(model.pages[0].locTitle.renderedHtml).toBe('Om spørgeskemaet');
    expect(model.completeText).toBe('Send svar');
    expect(model.pageNextText).toBe('Næste');
    model.locale = 'en';
    expect(model.pages[0].locTitle.renderedHtml).toBe('About this survey');
    expect(model.getQuestionByName('b1.adoption').locTitle.renderedHtml).toMatch(/^In the last week, how often/);
    expect(model.completeText).toBe('Send answers');
    expect((model.getQuestionByName('custom.tablet') as unknown as { choices: { text: string }[] }).choices[1].text).toBe('No');
    model.locale = 'da';
    expect(model.getQuestionByName('b1.adoption').locTitle.renderedHtml).toMatch(/^Hvor ofte har du i den seneste uge/);
  });

  it('overrides only shipped Danish strings, each with a different text', () => {
    expect(danishOverrideList.length).toBe(Object.keys(danishOverrides).length);
    for (const o of danishOverrideList) {
      expect(danishSurveyStrings[o.key], o.key).toBe(o.old);
      expect(o.old, o.key).not.toBe(o.new);
      // Placeholders survive the rewording.
      expect((o.new.match(/\{\d\}/g) ?? []).sort(), o.key).toEqual((o.old.match(/\{\d\}/g) ?? []).sort());
    }
    const keysOverridden = danishOverrideList.map((o) => o.key);
    expect(keysOverridden).toEqual(expect.arrayContaining(['previewText', 'textMaxLength', 'booleanUncheckedLabel', 'completeText']));
    expect(danishOverrideList.find((o) => o.key === 'previewText')).toEqual({ key: 'previewText', old: 'Forpremiere', new: 'Se dine svar' });
  });
});

describe('round trip through survey-core', () => {
  const spec: SurveySpecInput = {
    customItems: [
      { id: 'training', kind: 'rating', scale: 'agreement5', favourable: [4, 5], text: { da: 'Oplæringen var nok', en: 'The training was enough' }, placement: { behaviourId: 1 } },
      { id: 'device', kind: 'single', text: { da: 'Hvad læser du på?', en: 'What do you read on?' }, choices: [{ value: 1, text: { da: 'Telefon', en: 'Phone' } }, { value: 2, text: { da: 'Tablet', en: 'Tablet' } }, { value: 3, text: { da: 'PC', en: 'PC' } }], favourable: [1, 2] },
      { id: 'barriers', kind: 'multi', text: { da: 'Hvad står i vejen?', en: 'What stands in the way?' }, choices: [{ value: 1, text: { da: 'Tid', en: 'Time' } }, { value: 2, text: { da: 'Udstyr', en: 'Equipment' } }, { value: 3, text: { da: 'Wi-fi', en: 'Wi-fi' } }], maxSelected: 2 },
      { id: 'note', kind: 'text', maxLength: 300, text: { da: 'Andet?', en: 'Anything else?' } },
    ],
    background: [{ id: 'tenure', text: { da: 'Anciennitet', en: 'Tenure' }, choices: [{ value: 1, text: { da: 'Under 1 år', en: 'Under 1 year' } }, { value: 2, text: { da: '1 år eller mere', en: '1 year or more' } }] }],
  };

  for (const phase of ['baseline', 'followup'] as const) {
    it(`answers a generated ${phase} survey programmatically and validates model.data`, () => {
      const { survey, itemMap } = generateSurvey(careCentreExample, phase, spec);
      const model = new Model(survey);
      expect(model.jsonErrors ?? []).toEqual([]);
      expect(model.isStartPageActive).toBe(true);
      model.start();
      answerAll(model, 3);
      model.locale = 'en';
      expect(model.getQuestionByName('b1.adoption').locTitle.renderedHtml).toMatch(/^In the last week/);
      expect(model.tryComplete()).toBe(true);
      expect(model.state).toBe('completed');
      const data = JSON.parse(JSON.stringify(model.data)) as Record<string, unknown>;
      const result = validateAnswers(itemMap, survey, data);
      if (!result.ok) throw new Error(JSON.stringify(result.details));
      expect(result.values.map((v) => v.itemKey)).toEqual(keys(itemMap.items));
      const byKey = Object.fromEntries(result.values.map((v) => [v.itemKey, v]));
      expect(byKey['b1.adoption']).toEqual({ itemKey: 'b1.adoption', valueNum: 4 });
      expect(byKey['custom.barriers']).toEqual({ itemKey: 'custom.barriers', valueText: '[1,2]' });
      expect(byKey['custom.device'].valueNum).toBeTypeOf('number');
      expect(byKey['free_text'].valueText).toContain('<b>');
      if (phase === 'followup') expect(byKey['b1.benefit.1'].valueNum).toBeTypeOf('number');
    });
  }

  it('requires the adoption answer in SurveyJS and in the validator', () => {
    const { survey, itemMap } = generateSurvey(careCentreExample, 'baseline');
    const model = new Model(survey);
    model.start();
    expect(model.tryComplete()).toBe(false);
    const result = validateAnswers(itemMap, survey, { 'b1.old_behaviour': 2 });
    expect(result).toEqual({ ok: false, details: [{ path: ['b1.adoption'], code: 'required', message: expect.any(String) }] });
    // "Ved ikke" is an answer.
    expect(validateAnswers(itemMap, survey, { 'b1.adoption': 0 })).toEqual({ ok: true, values: [{ itemKey: 'b1.adoption', valueNum: 0 }] });
  });
});

describe('free-text answers', () => {
  it('are stored without control, bidi or zero-width characters, with line breaks kept', () => {
    const { survey, itemMap } = generateSurvey(careCentreExample, 'baseline');
    const result = validateAnswers(itemMap, survey, { 'b1.adoption': 4, free_text: ' ok\u0000\u0007\u001b[31m\u202Eevil\u2066x\u200B\r\nnæste linje\tslut ' });
    if (!result.ok) throw new Error(JSON.stringify(result.details));
    expect(result.values.find((v) => v.itemKey === 'free_text')).toEqual({ itemKey: 'free_text', valueText: 'ok[31mevilx\nnæste linje\tslut' });
    // Nothing left but invisible characters: no answer.
    const empty = validateAnswers(itemMap, survey, { 'b1.adoption': 4, free_text: '\u200B\u202E' });
    expect(empty.ok && empty.values.some((v) => v.itemKey === 'free_text')).toBe(false);
  });
});

describe('validateAnswers rejects tampered data', () => {
  const { survey, itemMap } = generateSurvey(careCentreExample, 'followup', {
    customItems: [
      { id: 'device', kind: 'single', text: { da: 'Enhed', en: 'Device' }, choices: [{ value: 1, text: { da: 'Telefon', en: 'Phone' } }, { value: 2, text: { da: 'Tablet', en: 'Tablet' } }] },
      { id: 'barriers', kind: 'multi', text: { da: 'Hindringer', en: 'Barriers' }, choices: [{ value: 1, text: { da: 'Tid', en: 'Time' } }, { value: 2, text: { da: 'Udstyr', en: 'Equipment' } }] },
    ],
  });
  const good = { 'b1.adoption': 5, 'b1.statements': { 'b1.capability': 4 }, free_text: 'ok' };
  const reject = (data: unknown) => {
    const r = validateAnswers(itemMap, survey, data);
    if (r.ok) throw new Error('accepted');
    return r.details;
  };

  it('accepts a valid partial answer', () => {
    expect(validateAnswers(itemMap, survey, good)).toEqual({
      ok: true,
      values: [
        { itemKey: 'b1.adoption', valueNum: 5 },
        { itemKey: 'b1.capability', valueNum: 4 },
        { itemKey: 'free_text', valueText: 'ok' },
      ],
    });
  });

  it('rejects values off the scale', () => {
    expect(reject({ ...good, 'b1.adoption': 7 })).toEqual([{ path: ['b1.adoption'], code: 'out_of_range', message: expect.any(String) }]);
    expect(reject({ ...good, 'b1.statements': { 'b1.capability': 6 } })[0]).toMatchObject({ path: ['b1.statements', 'b1.capability'], code: 'out_of_range' });
    expect(reject({ ...good, 'b1.adoption': 2.5 })[0].code).toBe('out_of_range');
    expect(reject({ ...good, 'b1.adoption': -1 })[0].code).toBe('out_of_range');
  });

  it('rejects unknown questions and rows', () => {
    expect(reject({ ...good, 'b2.adoption': 3 })).toEqual([{ path: ['b2.adoption'], code: 'unknown_question', message: expect.any(String) }]);
    expect(reject({ ...good, __proto__x: 1, constructor: 1 }).map((d) => d.code)).toEqual(['unknown_question', 'unknown_question']);
    expect(reject({ ...good, 'b1.statements': { 'b1.capability': 4, 'b1.sneaky': 2 } })).toEqual([{ path: ['b1.statements', 'b1.sneaky'], code: 'unknown_row', message: expect.any(String) }]);
  });

  it('rejects text over 2000 characters', () => {
    expect(reject({ ...good, free_text: 'x'.repeat(2001) })).toEqual([{ path: ['free_text'], code: 'too_long', message: expect.any(String) }]);
    expect(validateAnswers(itemMap, survey, { ...good, free_text: 'x'.repeat(2000) }).ok).toBe(true);
  });

  it('rejects wrong types', () => {
    expect(reject({ ...good, 'b1.adoption': '4' })[0]).toMatchObject({ path: ['b1.adoption'], code: 'invalid_type' });
    expect(reject({ ...good, 'b1.statements': 4 })[0]).toMatchObject({ path: ['b1.statements'], code: 'invalid_type' });
    expect(reject({ ...good, free_text: 42 })[0]).toMatchObject({ path: ['free_text'], code: 'invalid_type' });
    expect(reject({ ...good, 'custom.barriers': 1 })[0]).toMatchObject({ code: 'invalid_type' });
    expect(reject([1, 2])[0]).toMatchObject({ path: [], code: 'invalid_data' });
    expect(reject(null)[0].code).toBe('invalid_data');
    expect(reject('{"b1.adoption":4}')[0].code).toBe('invalid_data');
  });

  it('rejects choices that do not exist', () => {
    expect(reject({ ...good, 'custom.device': 3 })).toEqual([{ path: ['custom.device'], code: 'unknown_choice', message: expect.any(String) }]);
    expect(reject({ ...good, 'custom.barriers': [1, 9] })[0]).toMatchObject({ path: ['custom.barriers'], code: 'unknown_choice' });
    expect(reject({ ...good, 'custom.barriers': [1, 1] })[0]).toMatchObject({ code: 'duplicate_choice' });
    expect(validateAnswers(itemMap, survey, { ...good, 'custom.device': 2, 'custom.barriers': [2, 1] })).toMatchObject({ ok: true });
  });

  it('reports every problem at once', () => {
    const details = reject({ 'b1.adoption': 7, 'b1.statements': { nope: 1 }, free_text: 'x'.repeat(2001), bogus: true });
    expect(details.map((d) => d.code).sort()).toEqual(['out_of_range', 'too_long', 'unknown_question', 'unknown_row']);
  });

  it('checks names against the survey JSON too', () => {
    const trimmedJson = { ...survey, pages: survey.pages.filter((p) => p.name !== 'final') };
    expect(validateAnswers(itemMap, trimmedJson, good)).toMatchObject({ ok: false, details: [{ path: ['free_text'], code: 'unknown_question' }] });
    expect(validateAnswers(itemMap, undefined, good).ok).toBe(true);
  });
});

describe('survey spec', () => {
  it('defaults: every behaviour, old behaviour only where there is one, one free-text question', () => {
    const input: GeneratorInput = { ...careCentreExample, behaviours: [...careCentreExample.behaviours, { id: 2, title: 'Ny', oldBehaviour: '  ' }] };
    const spec = defaultSpec(input);
    expect(spec.behaviours.map((b) => [b.behaviourId, b.constructs])).toEqual([
      [1, ['adoption', 'old_behaviour', 'capability', 'opportunity', 'motivation', 'benefit', 'drawback']],
      [2, ['adoption', 'capability', 'opportunity', 'motivation', 'benefit', 'drawback']],
    ]);
    expect(spec).toMatchObject({ freeText: true, overrides: {}, customItems: [], background: [], required: 'adoption', agreementLayout: 'matrix' });
    expect(JSON.stringify(generateSurvey(input, 'baseline', spec))).toBe(JSON.stringify(generateSurvey(input, 'baseline')));
  });

  it('applies constructs, order, rewordings and layout', () => {
    const input: GeneratorInput = { ...careCentreExample, behaviours: [...careCentreExample.behaviours, { id: 2, title: 'Dokumenterer straks', oldBehaviour: null }] };
    const { survey, itemMap, warnings } = generateSurvey(input, 'followup', {
      behaviours: [
        { behaviourId: 2, constructs: ['adoption', 'motivation', 'free_text'] },
        { behaviourId: 1, constructs: ['adoption', 'capability', 'benefit'], excludedBenefitIds: [] },
      ],
      overrides: { 'b1.capability': { da: 'Jeg kan finde status i systemet: {behaviour}' }, 'b9.adoption': { en: 'Unused' } },
      freeText: false,
      agreementLayout: 'separate',
      required: 'none',
    });
    expect(survey.pages.map((p) => p.name)).toEqual(['intro', 'b2', 'b1']);
    expect(keys(itemMap.items)).toEqual(['b2.adoption', 'b2.motivation', 'b2.free_text', 'b1.adoption', 'b1.capability', 'b1.benefit.1']);
    const cap = itemMap.items.find((i) => i.key === 'b1.capability')!;
    expect(cap.text.da).toBe('Jeg kan finde status i systemet: Læser selv beboernes status i omsorgssystemet ved vagtens start');
    expect(cap.text.en).toBe('I know how to do it');
    expect(cap.question).toBe('b1.capability');
    expect(cap.row).toBeUndefined();
    expect(itemMap.items.every((i) => !i.required)).toBe(true);
    expect(warnings).toEqual(['Rewording for b9.adoption is not used in the followup survey']);
    expect(compareItems(generateSurvey(input, 'followup').itemMap.items.find((i) => i.key === 'b1.capability')!, cap)).toMatchObject({ comparable: true, wordingChanged: true, differences: ['text.da'] });
  });

  it('rejects invalid specs', () => {
    const bad = (spec: unknown) => surveySpecSchema.safeParse(spec).success;
    expect(bad({})).toBe(true);
    expect(bad({ overrides: { 'b1.adoption': {} } })).toBe(false);
    // A JSON "__proto__" key is dropped by zod, never copied onto the prototype.
    const proto = surveySpecSchema.parse(JSON.parse('{"overrides":{"__proto__":{"da":"x"},"b1.adoption":{"da":"y"}}}'));
    expect(Object.keys(proto.overrides)).toEqual(['b1.adoption']);
    expect(Object.getPrototypeOf(proto.overrides)).toBe(Object.prototype);
    expect(bad({ overrides: { 'custom.x': { da: 'x' } } })).toBe(false);
    expect(bad({ behaviours: [{ behaviourId: 1 }, { behaviourId: 1 }] })).toBe(false);
    expect(bad({ behaviours: [{ behaviourId: 1, constructs: ['adoption', 'adoption'] }] })).toBe(false);
    expect(bad({ behaviours: [{ behaviourId: 1, constructs: ['background'] }] })).toBe(false);
    const choices = [{ value: 1, text: { da: 'a', en: 'a' } }, { value: 2, text: { da: 'b', en: 'b' } }];
    expect(bad({ customItems: [{ id: 'x', kind: 'single', text: { da: 'a', en: 'a' }, choices, favourable: [3] }] })).toBe(false);
    expect(bad({ customItems: [{ id: 'x', kind: 'single', text: { da: 'a', en: 'a' }, choices: [choices[0], choices[0]] }] })).toBe(false);
    expect(bad({ customItems: [{ id: 'x', kind: 'text', text: { da: 'a', en: 'a' }, maxLength: 5000 }] })).toBe(false);
    expect(bad({ customItems: [{ id: 'X Y', kind: 'text', text: { da: 'a', en: 'a' } }] })).toBe(false);
    expect(bad({ customItems: [{ id: 'x', kind: 'rating', scale: 'agreement5', favourable: [6], text: { da: 'a', en: 'a' } }] })).toBe(false);
    expect(bad({ customItems: [{ id: 'x', kind: 'text', text: { da: 'a', en: '' } }] })).toBe(false);
    expect(() => generateSurvey(careCentreExample, 'baseline', { required: 'sometimes' } as never)).toThrow();
  });

  it('only asks background questions when added, with "prefer not to say" stored as 0', () => {
    expect(generateSurvey(careCentreExample, 'baseline').itemMap.items.some((i) => i.construct === 'background')).toBe(false);
    const { itemMap, survey } = generateSurvey(careCentreExample, 'baseline', {
      background: [{ id: 'shift', text: { da: 'Vagt', en: 'Shift' }, choices: [{ value: 1, text: { da: 'Dag', en: 'Day' } }, { value: 2, text: { da: 'Nat', en: 'Night' } }] }],
    });
    expect(survey.pages.map((p) => p.name)).toEqual(['intro', 'b1', 'background', 'final']);
    expect(itemMap.items.find((i) => i.key === 'background.shift')).toMatchObject({ type: 'choice', values: [1, 2, 0], allowDontKnow: true });
  });

  it('keeps the item bank free of model names and every bank key template overridable', () => {
    // What respondents read: item texts, help texts and the fixed survey texts.
    const shown = JSON.stringify([ITEM_BANK.map((i) => [i.text, i.description]), SURVEY_TEXT]);
    expect(shown).not.toMatch(/\bCOM-?B\b/);
    expect(shown).not.toMatch(/capabilit|opportunit|motivation|kapabilitet/i);
    for (const item of ITEM_BANK) {
      expect(item.text.da.length).toBeGreaterThan(0);
      expect(item.text.en.length).toBeGreaterThan(0);
      const key = item.keyTemplate.replace('{behaviourId}', '12').replace('{benefitId}', '34');
      expect(key, item.id).toMatch(OVERRIDABLE_KEY_PATTERN);
    }
  });
});
