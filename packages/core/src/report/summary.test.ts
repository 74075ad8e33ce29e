import { describe, expect, it } from 'vitest';
import type { FileReport, Finding } from './schema.js';
import { isFailing, riskScore, summarize, worstFiles } from './summary.js';
import { buildReport, sortFindings } from './build.js';

const finding = (rule: string, status: Finding['status'], extra: Partial<Finding> = {}): Finding => ({
  rule,
  status,
  severity: 'high',
  reasons: [],
  message: '',
  value: null,
  evidence: [],
  ...extra,
});

const file = (path: string, findings: Finding[]): FileReport => ({
  path,
  format: 'txt',
  language: 'fr',
  pages: null,
  status: 'audited',
  warnings: [],
  findings,
});

describe('the fail-on gate', () => {
  it('weak fails weak and missing; missing fails only missing; never fails nothing', () => {
    expect(isFailing(finding('a', 'weak'), 'weak')).toBe(true);
    expect(isFailing(finding('a', 'missing'), 'weak')).toBe(true);
    expect(isFailing(finding('a', 'ok'), 'weak')).toBe(false);
    expect(isFailing(finding('a', 'weak'), 'missing')).toBe(false);
    expect(isFailing(finding('a', 'missing'), 'missing')).toBe(true);
    expect(isFailing(finding('a', 'missing'), 'never')).toBe(false);
  });

  it('an unexpired waiver lifts the failure, an expired one does not', () => {
    const waived = finding('a', 'missing', { waiver: { justification: 'x', expires: null, expired: false } });
    const expired = finding('a', 'missing', { waiver: { justification: 'x', expires: '2020-01-01', expired: true } });
    expect(isFailing(waived, 'weak')).toBe(false);
    expect(isFailing(expired, 'weak')).toBe(true);
  });
});

describe('summary and ordering', () => {
  const files = [
    file('b.txt', [finding('x', 'weak'), finding('y', 'ok')]),
    file('a.txt', [finding('x', 'missing', { severity: 'critical' }), finding('y', 'weak', { waiver: { justification: 'j', expires: null, expired: false } })]),
    { ...file('c.pdf', []), status: 'error' as const, error: { code: 'corrupt', message: 'm' } },
  ];

  it('counts verdicts, waivers and errors', () => {
    expect(summarize(files)).toEqual({ files: 3, audited: 2, errors: 1, ok: 1, weak: 2, missing: 1, waived: 1 });
  });

  it('ranks the worst contract first and ignores waived findings', () => {
    expect(worstFiles(files).map((f) => f.path)).toEqual(['a.txt', 'b.txt']);
    expect(riskScore(files[1]!)).toBe(16); // missing (2) × critical (8); the waived weak adds nothing
  });

  it('builds a report sorted by path whatever the completion order', () => {
    expect(buildReport({ toolVersion: '1', pack: { id: 'p', version: '1' }, files }).files.map((f) => f.path)).toEqual(['a.txt', 'b.txt', 'c.pdf']);
  });

  it('sorts findings in the pack order', () => {
    expect(sortFindings([finding('z', 'ok'), finding('y', 'ok'), finding('x', 'ok')], ['x', 'y']).map((f) => f.rule)).toEqual(['x', 'y', 'z']);
  });
});
