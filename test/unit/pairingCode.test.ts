// The pairing code's answers: normalised, checked, all three or none, and taken out of the answers.
import { describe, expect, it } from 'vitest';
import { generateSurvey } from '../../surveys';
import { asksPairing, normalisePart, takePairing } from '../../surveys/pairing';

const input = { project: { name: 'P', purpose: '' }, behaviours: [{ id: 1, title: 'Ny adfærd' }], benefits: [], links: {} };

describe('pairing code', () => {
  it('normalises: spaces out, NFC, Danish lower case (æ, ø, å kept)', () => {
    expect(normalisePart('  Æ B ')).toBe('æb');
    expect(normalisePart('A\u030A')).toBe('å'); // decomposed Å
    expect(takePairing({ 'pairing.mother': ' Ka', 'pairing.house': '3 ', 'pairing.school': 'ØS', 'b1.adoption': 4 })).toEqual({ rest: { 'b1.adoption': 4 }, code: 'ka|3|øs', errors: [] });
  });

  it('gives no code unless all three are answered, and refuses the wrong shape', () => {
    expect(takePairing({ 'pairing.mother': 'ka' }).code).toBeNull();
    expect(takePairing({ 'pairing.mother': ' ', 'pairing.house': '', 'pairing.school': null }).code).toBeNull();
    const bad = takePairing({ 'pairing.mother': 'kar', 'pairing.house': 12, 'pairing.school': '1a' });
    expect(bad.code).toBeNull();
    expect(bad.errors.map((e) => e.path[0])).toEqual(['pairing.mother', 'pairing.house', 'pairing.school']);
    // The message never echoes the value.
    expect(JSON.stringify(bad.errors)).not.toMatch(/kar|1a/);
  });

  it('the generator adds the page only when pairing is on, with no items', () => {
    const off = generateSurvey(input, 'baseline');
    const on = generateSurvey({ ...input, pairing: true }, 'baseline');
    expect(asksPairing(off.survey)).toBe(false);
    expect(asksPairing(on.survey)).toBe(true);
    expect(on.itemMap).toEqual(off.itemMap);
    expect(on.estimatedSeconds).toBe(off.estimatedSeconds + 18);
    expect(on.survey.pages.at(-1)!.name).toBe('final'); // the comment page stays last
  });
});
