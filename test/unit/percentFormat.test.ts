// A share and its interval are written alike in one line: "17 % (3–56 %)" in Danish, "17% (3–56%)" in English —
// not "17% (3–56 %)", as the feedback page and the report's tables showed in English. The charts' axes too.
import { describe, expect, it } from 'vitest';
import { formatInterval, formatPercent, formatPercentTick } from '../../client/format';

describe('percent formats', () => {
  it('writes an interval with the percent sign of its language, as the share beside it', () => {
    expect(`${formatPercent(0.17, 'da')} (${formatInterval(0.03, 0.56, 'da')})`).toBe('17\u00a0% (3–56\u00a0%)');
    expect(`${formatPercent(0.17, 'en')} (${formatInterval(0.03, 0.56, 'en')})`).toBe('17% (3–56%)');
    expect(formatInterval(null, 0.5, 'en')).toBe('–');
  });

  it('writes a chart axis tick as the shares are written', () => {
    expect(formatPercentTick(40, 'da')).toBe(formatPercent(0.4, 'da'));
    expect(formatPercentTick(40, 'en')).toBe('40%');
  });
});
