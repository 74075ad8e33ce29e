import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../document/build.js';
import { splitSentences } from './sentences.js';
import { unselectedOptions } from './options.js';

function setAside(text: string): string[] {
  const doc = buildDocument({ format: 'txt', paged: false, pages: [{ text }], warnings: [] });
  return unselectedOptions(doc, splitSentences(doc)).map((s) => doc.text.slice(s.start, s.end).slice(0, 20));
}

describe('unselectedOptions', () => {
  it('sets aside the paragraph of an option left unticked, not the ticked one', () => {
    const text = 'Option A – Renforcée : notification sous 24 heures. Journaux 12 mois.\n\nOption B – Standard : meilleurs délais.\n\n☐ Option A ☒ Option B\n';
    expect(setAside(text)).toEqual(['Option A – Renforcée']);
  });

  it('does nothing without a ticked choice, or when every option is ticked', () => {
    expect(setAside('Option A – Renforcée : 24 heures.\n\n☐ Option A ☐ Option B\n')).toEqual([]);
    expect(setAside('Option A – Renforcée : 24 heures.\n\n☒ Option A ☒ Option B\n')).toEqual([]);
    expect(setAside('Option A – Renforcée : 24 heures.\n')).toEqual([]);
  });
});
