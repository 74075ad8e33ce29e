import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../document/build.js';
import { analyse } from './analyse.js';

function refused(text: string): string[] {
  const doc = buildDocument({ format: 'txt', paged: false, pages: [{ text }], warnings: [] });
  const analysis = analyse(doc);
  return analysis.supersessions.filter((s) => s.kind === 'refused').map((s) => doc.text.slice(s.start, s.end));
}

describe('refused compliance-matrix rows', () => {
  it('sets aside the rows answered N / No / Non accepté, not the yes rows or the header', () => {
    const rows = refused(
      ['| Réf. | Exigence | Conforme (O/N) | Commentaire |', '| A1 | Hébergement HDS | O | Certificat joint |', '| A2 | Audit annuel | N | Non prévu |', '| A3 | Pénalité de 500 € | Non accepté | |'].join('\n'),
    );
    expect(rows).toEqual(['| A2 | Audit annuel | N | Non prévu |', '| A3 | Pénalité de 500 € | Non accepté | |']);
  });

  it('reads a flattened row under a compliance-matrix heading, and nothing elsewhere', () => {
    expect(refused('SCHEDULE 2 – COMPLIANCE MATRIX\n\nR3 Notify any Security Incident within 24 hours No Without undue delay only\n')).toHaveLength(1);
    expect(refused('ARTICLE 4 – PRICES\n\nThe fee is fixed. No indexation applies in the first year.\n')).toEqual([]);
    expect(refused('SCHEDULE 2 – COMPLIANCE MATRIX\n\nR1 Hosting in France Yes See certificate N° 12\n')).toEqual([]);
  });
});

describe('flattened matrix rows', () => {
  it('are cut at their labels, so a refusal sets aside its own row only', () => {
    const text = 'SCHEDULE 2 – COMPLIANCE MATRIX\n\nR1 Hosting in the EU only Yes Ghent R2 Notify any Security Incident within 24 hours No Without undue delay R3 Logs kept 12 months Yes Online\n';
    expect(refused(text)).toEqual(['R2 Notify any Security Incident within 24 hours No Without undue delay']);
  });
});
