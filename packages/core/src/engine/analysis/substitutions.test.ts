import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../document/build.js';
import { splitSentences } from './sentences.js';
import { findSubstitutions } from './substitutions.js';

function substitutions(text: string) {
  const doc = buildDocument({ format: 'txt', paged: false, pages: [{ text }], warnings: [] });
  return findSubstitutions(doc, splitSentences(doc)).map((s) => ({ original: s.original.text, by: s.by.text, text: s.text, article: s.article }));
}

const BODY = `Article 7 – Sécurité

7.3 Le Titulaire notifie tout incident de sécurité dans les soixante-douze (72) heures.

7.4 Le Titulaire conserve les journaux pendant trois (3) mois.
`;

describe('findSubstitutions', () => {
  it('reads "les mots « A » sont remplacés par les mots « B »" in the clause it names', () => {
    const [s] = substitutions(`${BODY}\nAvenant. À l'article 7.3, les mots « soixante-douze (72) heures » sont remplacés par les mots « vingt-quatre (24) heures ».\n`);
    expect(s).toMatchObject({ article: '7.3', text: '7.3 Le Titulaire notifie tout incident de sécurité dans les vingt-quatre (24) heures.' });
  });

  it('reads English imperative and deletion forms', () => {
    const text = `9.1 Supplier shall keep logs for ninety (90) days and give them to Customer on request.\n\nAmendment. In clause 9.1, delete "ninety (90) days" and insert "twelve (12) months".\n`;
    expect(substitutions(text)[0]?.text).toBe('9.1 Supplier shall keep logs for twelve (12) months and give them to Customer on request.');
    const deleted = substitutions(`9.1 Supplier shall keep logs for one year and give them to Customer on request.\n\nIn clause 9.1, the words "and give them to Customer on request" are deleted.\n`);
    expect(deleted[0]?.text).toBe('9.1 Supplier shall keep logs for one year .');
  });

  it('reads a change table (clause | replaced wording | new wording)', () => {
    const [s] = substitutions(`${BODY}\n| No. | Clause | Replaced wording | New wording |\n| A1 | 7.4 | trois (3) mois | douze (12) mois |\n`);
    expect(s).toMatchObject({ article: '7.4', text: '7.4 Le Titulaire conserve les journaux pendant douze (12) mois.' });
  });

  it('changes nothing when the named clause does not hold the words, or when nothing is quoted', () => {
    expect(substitutions(`${BODY}\nÀ l'article 7.4, les mots « soixante-douze (72) heures » sont remplacés par les mots « 24 heures ».\n`)).toEqual([]);
    expect(substitutions(`${BODY}\nLe délai de soixante-douze heures est réduit.\n`)).toEqual([]);
  });
});
