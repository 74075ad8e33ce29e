import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile, auditFileDetailed, type FileExtractor } from './audit-file.js';
import type { RawDocument } from './document/types.js';
import { createDiskCache } from './cache/store.js';
import { createResultCache } from './cache/results.js';
import { withOverrides } from './rules/load-pack.js';
import { FileReportSchema } from './report/schema.js';
import { RuleDefinitionSchema, type RulePack } from './rules/pack-schema.js';

const rule = (id: 'incident-notification' | 'log-retention', thresholds: object) =>
  RuleDefinitionSchema.parse({
    id,
    title: { en: id, fr: id },
    severity: 'high',
    check: id,
    thresholds,
    rationale: { en: 'r', fr: 'r' },
    sources: [{ label: 's' }],
    remedy: { en: 'fix it', fr: 'corriger' },
    modelClause: { en: 'm', fr: 'm' },
    examples: [
      { lang: 'en', text: 'a', expect: 'ok' },
      { lang: 'en', text: 'b', expect: 'missing' },
    ],
  });

const pack: RulePack = {
  id: 'test',
  version: '1',
  title: { en: 't', fr: 't' },
  rules: [rule('incident-notification', { maxHours: 48 }), rule('log-retention', { minMonths: 6 })],
};

const CONTRACT = [
  'CONTRAT DE MAINTENANCE',
  '',
  'Article 1 – Objet',
  'Le présent contrat a pour objet la maintenance du logiciel.',
  '',
  'Article 7 – Sécurité',
  'Le Titulaire notifie au Client tout incident de sécurité dans un délai de',
  'vingt-quatre (24) heures à compter de sa détection.',
  '',
].join('\n');

const dir = () => mkdtempSync(join(tmpdir(), 'clausier-audit-'));

/** An extractor that returns the test contract as a one-page PDF and counts its calls. */
function countingExtractor(): FileExtractor & { calls: number } {
  const extractor = {
    calls: 0,
    async extractFile() {
      extractor.calls += 1;
      return { ok: true as const, raw: { format: 'pdf' as const, paged: true, pages: [{ text: CONTRACT }], warnings: [] } };
    },
  };
  return extractor;
}

describe('auditFile', () => {
  it('audits a text contract: hash, format, language, findings in pack order, lines of the passage', async () => {
    const file = join(dir(), 'contrat.txt');
    writeFileSync(file, CONTRACT);
    const { report, sourceLines } = await auditFileDetailed(file, { pack, displayPath: 'contrat.txt' });
    expect(FileReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ path: 'contrat.txt', format: 'txt', language: 'fr', pages: null, status: 'audited' });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.findings.map((f) => f.rule)).toEqual(['incident-notification', 'log-retention']);
    expect(report.findings[0]!.status).toBe('ok');
    // The basis passage spans two lines of the file; the normalised text re-flowed them into one.
    expect(sourceLines.get('incident-notification')).toEqual({ startLine: 7, endLine: 8 });
  });

  it('turns unreadable files into error entries and never throws', async () => {
    const root = dir();
    writeFileSync(join(root, 'empty.pdf'), '');
    writeFileSync(join(root, 'corrupt.pdf'), '%PDF-1.7\n this is not a pdf at all');
    symlinkSync(join(root, 'nowhere.pdf'), join(root, 'broken.pdf'));
    const empty = await auditFile(join(root, 'empty.pdf'), { pack });
    const corrupt = await auditFile(join(root, 'corrupt.pdf'), { pack });
    const broken = await auditFile(join(root, 'broken.pdf'), { pack });
    const missing = await auditFile(join(root, 'absent.txt'), { pack });
    expect(empty.error?.code).toBe('empty');
    expect(corrupt).toMatchObject({ status: 'error', format: 'pdf', findings: [] });
    expect(corrupt.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(broken.error?.code).toBe('broken-link');
    expect(missing.error?.code).toBe('not-found');
    for (const report of [empty, corrupt, broken, missing]) expect(FileReportSchema.safeParse(report).success).toBe(true);
  });

  it('extracts once: a second audit of the same bytes comes from the cache, whatever the path', async () => {
    const root = dir();
    // Detected as PDF from its header, so it goes to the (counting) isolated extractor.
    writeFileSync(join(root, 'a.pdf'), '%PDF-1.7 stand-in');
    writeFileSync(join(root, 'copy-with-another-name.pdf'), '%PDF-1.7 stand-in');
    const counting = countingExtractor();
    const cache = createDiskCache(join(root, 'cache'));
    const first = await auditFile(join(root, 'a.pdf'), { pack, cache, extractor: counting, displayPath: 'x' });
    const second = await auditFile(join(root, 'copy-with-another-name.pdf'), { pack, cache, extractor: counting, displayPath: 'x' });
    expect(counting.calls).toBe(1);
    expect(second).toEqual(first);
    expect(first.pages).toBe(1);
  });

  it('a result cache hit skips extraction and auditing; another pack or language misses', async () => {
    const root = dir();
    writeFileSync(join(root, 'a.pdf'), '%PDF-1.7 stand-in');
    const counting = countingExtractor();
    const results = createResultCache(join(root, 'cache'));
    const first = await auditFile(join(root, 'a.pdf'), { pack, results, extractor: counting, displayPath: 'first/a.pdf' });
    const second = await auditFile(join(root, 'a.pdf'), { pack, results, extractor: counting, displayPath: 'second/a.pdf' });
    expect(counting.calls).toBe(1);
    expect(second).toEqual({ ...first, path: 'second/a.pdf' });
    const stricter = withOverrides(pack, { 'incident-notification': { thresholds: { maxHours: 12 } } });
    const third = await auditFile(join(root, 'a.pdf'), { pack: stricter, results, extractor: counting });
    expect(counting.calls).toBe(2);
    expect(third.findings[0]!.status).toBe('weak');
    await auditFile(join(root, 'a.pdf'), { pack, results, extractor: counting, language: 'en' });
    expect(counting.calls).toBe(3);
  });

  it('reads plain text in process even when an isolated extractor is given (cheaper than starting one)', async () => {
    const root = dir();
    writeFileSync(join(root, 'a.txt'), CONTRACT);
    const refusing: FileExtractor = { extractFile: async () => ({ ok: false, problem: { code: 'internal', message: 'not for text' } }) };
    expect((await auditFile(join(root, 'a.txt'), { pack, extractor: refusing })).status).toBe('audited');
  });

  it('does not cache a scan whose pages were not OCR\'d (another machine may have an OCR engine)', async () => {
    const root = dir();
    writeFileSync(join(root, 'scan.pdf'), '%PDF-1.7 stand-in');
    const stored: string[] = [];
    const cache = { get: async () => null, set: async (key: string) => void stored.push(key) };
    const scan: RawDocument = { format: 'pdf', paged: true, pages: [{ text: CONTRACT }, { text: '', noTextLayer: true }], warnings: [] };
    const extractor: FileExtractor = { extractFile: async () => ({ ok: true, raw: scan }) };
    await auditFile(join(root, 'scan.pdf'), { pack, cache, extractor });
    expect(stored).toEqual([]);
    const ocrd: RawDocument = { ...scan, pages: [{ text: CONTRACT }, { text: 'texte lu', noTextLayer: true, ocrConfidence: 80 }] };
    await auditFile(join(root, 'scan.pdf'), { pack, cache, extractor: { extractFile: async () => ({ ok: true, raw: ocrd }) } });
    expect(stored).toHaveLength(1);
  });

  it('a cache entry is used as the extracted text (the key is the content, not the path)', async () => {
    const root = dir();
    writeFileSync(join(root, 'a.txt'), 'anything');
    const fake: RawDocument = { format: 'txt', paged: false, pages: [{ text: CONTRACT }], warnings: [] };
    const cache = { get: async () => fake, set: async () => {} };
    const report = await auditFile(join(root, 'a.txt'), { pack, cache });
    expect(report.language).toBe('fr');
  });
});
