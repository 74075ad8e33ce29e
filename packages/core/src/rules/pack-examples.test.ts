import { describe, expect, it } from 'vitest';
import type { ContractDocument } from '../document/types.js';
import { auditDocument } from '../engine/audit.js';
import { loadPack } from './load-pack.js';

// Every example passage written in a rule's YAML is a test: the pack documents
// what each rule accepts and rejects, and this keeps the documentation true.
const pack = await loadPack();

function documentOf(text: string, language: 'fr' | 'en'): ContractDocument {
  return { text, format: 'txt', pages: null, sections: [], language, languageSpans: [{ start: 0, end: text.length, language }], warnings: [] };
}

describe('rssi-sante pack examples', () => {
  it('has the five core rules in order', () => {
    expect(pack.rules.map((r) => r.id)).toEqual(['incident-notification', 'log-retention', 'security-contacts', 'audit-rights', 'security-penalties']);
  });
  for (const rule of pack.rules) {
    describe(rule.id, () => {
      for (const example of rule.examples) {
        it(`${example.lang} → ${example.expect}: ${example.text.slice(0, 70)}`, () => {
          const [finding] = auditDocument(documentOf(example.text, example.lang), { ...pack, rules: [rule] });
          expect(finding!.status).toBe(example.expect);
          for (const reason of example.reasons ?? []) expect(finding!.reasons).toContain(reason);
          if (example.value) expect(finding!.value).toEqual(example.value);
          // Every verdict carries its evidence: ok/weak quote their basis.
          if (example.expect !== 'missing') expect(finding!.evidence.some((e) => e.role === 'basis' && e.quote.length > 0)).toBe(true);
        });
      }
    });
  }
});
