// The draft kept on a phone between reloads: the answers come back, the pairing code's answers never touch storage.
import { describe, expect, it } from 'vitest';
import { loadDraft, saveDraft } from '../../client/answer/draft';
import { memoryDeviceStore } from '../../client/answer/deviceStore';

describe('answer draft', () => {
  it('keeps the answers and page but never the pairing answers', () => {
    const store = memoryDeviceStore();
    const answers = { 'b1.adoption': 4, 'pairing.mother': 'ka', 'pairing.house': '3', 'pairing.school': 'øs' };
    saveDraft(store, 'tok', { answers, pageNo: 2, locale: 'da' }, Date.now() + 60_000);
    expect(loadDraft(store, 'tok')).toEqual({ answers: { 'b1.adoption': 4 }, pageNo: 2, locale: 'da' });
    expect(store.read('draft.tok')).not.toBeNull();
    expect(JSON.stringify(store.read('draft.tok'))).not.toMatch(/pairing|øs/);
  });
});
