import { describe, expect, it } from 'vitest';
import type { FileReport, Finding } from '../report/schema.js';
import { isFailing } from '../report/summary.js';
import { applyBaseline, createBaseline, parseBaseline, problemsForUse, type BaselineEntry } from './index.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

const finding = (rule: string, status: Finding['status']): Finding => ({
  rule,
  status,
  severity: 'high',
  reasons: [],
  message: '',
  value: null,
  evidence: [],
});

const file = (path: string, sha256: string, findings: Finding[]): FileReport => ({
  path,
  format: 'pdf',
  language: 'fr',
  pages: 3,
  status: 'audited',
  sha256,
  warnings: [],
  findings,
});

const entry = (overrides: Partial<BaselineEntry>): BaselineEntry => ({
  path: 'contracts/a.pdf',
  sha256: SHA_A,
  rule: 'audit-rights',
  status: 'weak',
  justification: 'Accepted by the CISO on 2025-03-12',
  expires: null,
  ...overrides,
});

const today = '2026-01-15';

describe('applyBaseline', () => {
  it('waives an accepted finding: visible with its justification, no longer failing', () => {
    const { file: result, stale } = applyBaseline(file('contracts/a.pdf', SHA_A, [finding('audit-rights', 'weak')]), [entry({})], 'contracts/a.pdf', today);
    expect(result.findings[0]!.waiver).toEqual({ justification: 'Accepted by the CISO on 2025-03-12', expires: null, expired: false });
    expect(isFailing(result.findings[0]!, 'weak')).toBe(false);
    expect(stale).toEqual([]);
  });

  it('a worsened finding (missing where weak was accepted) fails and is explained', () => {
    const { file: result } = applyBaseline(file('contracts/a.pdf', SHA_A, [finding('audit-rights', 'missing')]), [entry({})], 'contracts/a.pdf', today);
    expect(result.findings[0]!.waiver).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).toEqual(['baseline-worsened']);
  });

  it('an improved finding (weak where missing was accepted) stays waived', () => {
    const { file: result } = applyBaseline(file('contracts/a.pdf', SHA_A, [finding('audit-rights', 'weak')]), [entry({ status: 'missing' })], 'contracts/a.pdf', today);
    expect(result.findings[0]!.waiver?.expired).toBe(false);
  });

  it('expired entries fail again; the expiry day itself still holds', () => {
    const onTheDay = applyBaseline(file('a', SHA_A, [finding('audit-rights', 'weak')]), [entry({ expires: '2026-01-15' })], 'x', today);
    expect(onTheDay.file.findings[0]!.waiver?.expired).toBe(false);
    const after = applyBaseline(file('a', SHA_A, [finding('audit-rights', 'weak')]), [entry({ expires: '2026-01-14' })], 'x', today);
    expect(after.file.findings[0]!.waiver?.expired).toBe(true);
    expect(isFailing(after.file.findings[0]!, 'weak')).toBe(true);
  });

  it('follows a renamed contract by content, and flags an edited one matched by path', () => {
    const renamed = applyBaseline(file('renamed.pdf', SHA_A, [finding('audit-rights', 'weak')]), [entry({})], 'renamed.pdf', today);
    expect(renamed.file.findings[0]!.waiver).toBeDefined();
    expect(renamed.file.warnings).toEqual([]);
    const edited = applyBaseline(file('contracts/a.pdf', SHA_B, [finding('audit-rights', 'weak')]), [entry({})], 'contracts/a.pdf', today);
    expect(edited.file.findings[0]!.waiver).toBeDefined();
    expect(edited.file.warnings.map((w) => w.code)).toEqual(['baseline-file-changed']);
  });

  it('reports entries whose finding is gone as stale', () => {
    const { stale, file: result } = applyBaseline(file('contracts/a.pdf', SHA_A, [finding('audit-rights', 'ok')]), [entry({})], 'contracts/a.pdf', today);
    expect(stale).toHaveLength(1);
    expect(result.warnings.map((w) => w.code)).toEqual(['baseline-stale']);
  });

  it('ignores entries for other contracts and other rules', () => {
    const other = entry({ path: 'other.pdf', sha256: SHA_B });
    const { file: result, stale } = applyBaseline(file('contracts/a.pdf', SHA_A, [finding('log-retention', 'weak')]), [other], 'contracts/a.pdf', today);
    expect(result.findings[0]!.waiver).toBeUndefined();
    expect(stale).toEqual([]);
  });
});

describe('createBaseline', () => {
  const files = [
    file('b.pdf', SHA_B, [finding('log-retention', 'missing'), finding('audit-rights', 'ok')]),
    file('contracts/a.pdf', SHA_A, [finding('audit-rights', 'weak')]),
    { ...file('broken.pdf', SHA_A, []), status: 'error' as const },
  ];

  it('records weak/missing findings with an empty justification, sorted', () => {
    const baseline = createBaseline({ files, pack: { id: 'p', version: '1' }, baselinePath: (f) => f.path });
    expect(baseline.entries.map((e) => [e.path, e.rule, e.status, e.justification])).toEqual([
      ['b.pdf', 'log-retention', 'missing', ''],
      ['contracts/a.pdf', 'audit-rights', 'weak', ''],
    ]);
    expect(problemsForUse(baseline)).toHaveLength(2);
  });

  it('keeps earlier justifications unless the verdict got worse', () => {
    const previous = {
      version: 1 as const,
      pack: { id: 'p', version: '1' },
      entries: [entry({}), entry({ path: 'b.pdf', sha256: SHA_B, rule: 'log-retention', status: 'weak', justification: 'old' })],
    };
    const baseline = createBaseline({ files, pack: { id: 'p', version: '1' }, baselinePath: (f) => f.path, previous });
    expect(baseline.entries.find((e) => e.rule === 'audit-rights')!.justification).toBe('Accepted by the CISO on 2025-03-12');
    expect(baseline.entries.find((e) => e.rule === 'log-retention')!.justification).toBe('');
  });
});

describe('parseBaseline', () => {
  it('explains an empty justification and a bad date', () => {
    const text = JSON.stringify({ version: 1, pack: { id: 'p', version: '1' }, entries: [entry({ justification: ' ' })] });
    expect(problemsForUse(parseBaseline('b.json', text))[0]).toMatch(/entries\[0\] \(contracts\/a\.pdf, audit-rights\): justification is empty/);
    const badDate = JSON.stringify({ version: 1, pack: { id: 'p', version: '1' }, entries: [entry({ expires: '31/12/2026' })] });
    expect(() => parseBaseline('b.json', badDate)).toThrow(/entries\.0\.expires: expected a date as YYYY-MM-DD/);
  });
});
