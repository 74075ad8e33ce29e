import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../packages/core/src/audit-file.js';
import { closeSharedOcrEngine } from '../../packages/core/src/extract/ocr.js';
import { probeSystemTesseract } from '../../packages/core/src/extract/ocr/system-tesseract.js';
import type { FileReport } from '../../packages/core/src/report/schema.js';
import { loadPack } from '../../packages/core/src/rules/load-pack.js';
import type { RulePack } from '../../packages/core/src/rules/pack-schema.js';
import { makeScannedPdf } from './scan.js';

/**
 * A contract signed, scanned and sent back: the fixture PDFs' pages are
 * rendered to images and rebuilt as image-only PDFs, then audited. OCR must
 * lead to the same verdict, rule by rule, as the born-digital original.
 * Slow (seconds of CPU per page): `pnpm test:slow`.
 */

const work = mkdtempSync(join(tmpdir(), 'clausier-scan-'));
let pack: RulePack;
const verdicts = (report: FileReport) => Object.fromEntries(report.findings.map((f) => [f.rule, f.status]));

beforeAll(async () => {
  pack = await loadPack();
});
afterAll(async () => {
  await closeSharedOcrEngine();
  rmSync(work, { recursive: true, force: true });
});

async function scannedCopy(fixture: string, keepTextPages: number[] = []): Promise<{ original: string; scanned: string }> {
  const original = join('fixtures/contracts', fixture);
  const scanned = join(work, `scan-${keepTextPages.length ? 'mixed-' : ''}${fixture}`);
  writeFileSync(scanned, await makeScannedPdf(readFileSync(original), keepTextPages));
  return { original, scanned };
}

function expectSameVerdicts(born: FileReport, scan: FileReport): void {
  expect(born.status).toBe('audited');
  expect(scan.status, JSON.stringify(scan.error)).toBe('audited');
  expect(verdicts(scan)).toEqual(verdicts(born));
}

describe('a scanned contract reads like the born-digital one', () => {
  it.each(['fr-dpi-maintenance-chu.pdf', 'en-patient-portal-saas.pdf'])('%s: same verdicts, OCR warning, confidence on evidence', async (fixture) => {
    const { original, scanned } = await scannedCopy(fixture);
    const [born, scan] = [await auditFile(original, { pack }), await auditFile(scanned, { pack })];
    expectSameVerdicts(born, scan);
    expect(scan.warnings.map((w) => w.code)).toContain('ocr');
    const basis = scan.findings.flatMap((f) => f.evidence).filter((e) => e.role === 'basis');
    expect(basis.length).toBeGreaterThan(0);
    for (const evidence of basis) expect(evidence.ocrConfidence).toBeGreaterThan(50);
  });

  it('a mixed PDF (last page scanned) keeps its text pages and OCRs the scan', async () => {
    const { original, scanned } = await scannedCopy('fr-hebergement-hds.pdf', [1, 2, 3]);
    const scan = await auditFile(scanned, { pack });
    expectSameVerdicts(await auditFile(original, { pack }), scan);
    expect(scan.warnings.find((w) => w.code === 'ocr')?.message).toMatch(/^Page\(s\) 4 were read by OCR/);
  });

  it('with OCR off (--no-ocr) a full scan is no-text-layer', async () => {
    const { scanned } = await scannedCopy('fr-sil-laboratoire.pdf');
    const report = await auditFile(scanned, { pack, extract: { ocr: false } });
    expect(report).toMatchObject({ status: 'error', error: { code: 'no-text-layer', message: expect.stringContaining('--no-ocr') } });
  });
});

describe('each OCR engine on its own', () => {
  const engines = ['tesseract.js', 'tesseract'] as const;
  it.each(engines)('%s reads a scanned contract to the same verdicts', async (engine) => {
    if (engine === 'tesseract' && !(await probeSystemTesseract())) return; // not installed here: tesseract.js covers the run
    const { original, scanned } = await scannedCopy('fr-sil-laboratoire.pdf');
    await closeSharedOcrEngine();
    process.env.CLAUSIER_OCR_ENGINE = engine;
    try {
      const scan = await auditFile(scanned, { pack });
      expectSameVerdicts(await auditFile(original, { pack }), scan);
      expect(scan.warnings.find((w) => w.code === 'ocr')?.message).toContain(engine === 'tesseract' ? 'tesseract 5' : 'tesseract.js');
    } finally {
      delete process.env.CLAUSIER_OCR_ENGINE;
      await closeSharedOcrEngine();
    }
  });
});
