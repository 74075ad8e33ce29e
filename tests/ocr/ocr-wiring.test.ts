import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../packages/core/src/document/types.js';
import { ocrPagesWithoutText, pageList, pagesWithoutText } from '../../packages/core/src/extract/ocr.js';
import type { OcrEngine } from '../../packages/core/src/extract/ocr/engine.js';
import { probeSystemTesseract, createSystemTesseractEngine } from '../../packages/core/src/extract/ocr/system-tesseract.js';
import { createTesseractJsEngine } from '../../packages/core/src/extract/ocr/tesseract-js.js';
import { openPageRenderer } from '../../packages/core/src/extract/ocr/render-pages.js';
import { pageTextFromTsv } from '../../packages/core/src/extract/ocr/tsv.js';
import { makeScannedPdf, makeTextPdf } from './scan.js';

/**
 * Fast checks of the OCR wiring (the slow whole-contract OCR runs under
 * `pnpm test:slow`): which pages go to OCR, what comes back, and one real
 * line read by each engine that is installed.
 */

const LINE = 'Le Titulaire notifie tout incident sous 24 heures.';

function raw(...texts: string[]): RawDocument {
  return { format: 'pdf', paged: true, pages: texts.map((text) => ({ text })), warnings: [] };
}

/** Records which page sizes it was asked to read and answers a fixed text. */
function fakeEngine(calls: number[]): OcrEngine {
  return {
    name: 'tesseract.js',
    description: 'fake OCR',
    recognize: async (png) => {
      calls.push(png.length);
      return { text: `texte lu par OCR ${calls.length}`, confidence: 88 };
    },
    close: async () => {},
  };
}

describe('choosing pages for OCR', () => {
  it('takes pages with no or stamp-sized text only', () => {
    expect(pagesWithoutText(raw('Article 1 – Objet du contrat et définitions', '', '  12  ', 'Scanned by X'))).toEqual([2, 3, 4]);
  });
  it('lists pages as ranges', () => {
    expect(pageList([1, 2, 3, 7, 9, 10])).toBe('1–3, 7, 9–10');
  });
  it('rebuilds lines and paragraphs from tesseract TSV and averages word confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t',
      '5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tArticle',
      '5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\t7',
      '5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t70\tSécurité',
      '5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t60\tFin',
    ].join('\n');
    expect(pageTextFromTsv(tsv)).toEqual({ text: 'Article 7\nSécurité\n\nFin', confidence: 75 });
  });
});

describe('the PDF hook', () => {
  it('OCRs only the scanned pages of a mixed PDF and marks them', async () => {
    const text = await makeTextPdf([['Article 1 – Objet', LINE], ['Annexe signée'], ['Article 3 – Durée du contrat']]);
    const mixed = await makeScannedPdf(text, [1, 3]);
    const calls: number[] = [];
    const result = await ocrPagesWithoutText(raw('Article 1 – Objet\n' + LINE, '', 'Article 3 – Durée du contrat'), mixed, {}, { engine: async () => fakeEngine(calls) });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeGreaterThan(1000); // a real rendered page, not an empty image
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages.map((p) => p.ocrConfidence)).toEqual([undefined, 88, undefined]);
    expect(result.raw.pages[1]!.text).toBe('texte lu par OCR 1');
    expect(result.raw.warnings).toEqual([expect.objectContaining({ code: 'ocr', message: expect.stringContaining('Page(s) 2 were read by OCR') })]);
  });

  it('with OCR off: a full scan is no-text-layer, a mixed PDF keeps its text pages with a warning', async () => {
    const engine = async () => {
      throw new Error('must not be called');
    };
    const none = await ocrPagesWithoutText(raw('', ''), new Uint8Array(), { ocr: false }, { engine });
    expect(none).toMatchObject({ ok: false, problem: { code: 'no-text-layer', message: expect.stringContaining('--no-ocr') } });
    const some = await ocrPagesWithoutText(raw('Article 1 – Objet du contrat', ''), new Uint8Array(), { ocr: false }, { engine });
    expect(some.ok && some.raw.warnings.map((w) => w.code)).toEqual(['no-text-layer']);
  });

  it('reports no-text-layer when OCR cannot start on a full scan', async () => {
    const result = await ocrPagesWithoutText(raw(''), new Uint8Array(), {}, { engine: async () => Promise.reject(new Error('no engine')) });
    expect(result).toMatchObject({ ok: false, problem: { code: 'no-text-layer', message: expect.stringContaining('no engine') } });
  });
});

async function renderedLine(): Promise<{ png: Uint8Array; dpi: number }> {
  const renderer = await openPageRenderer(await makeTextPdf([[LINE]]));
  try {
    return await renderer.render(1);
  } finally {
    await renderer.close();
  }
}

/** OCR may misread a letter; the figures and most words must come through. */
function expectLineRead(text: string, confidence: number): void {
  expect(text).toContain('24 heures');
  expect(text).toMatch(/Titulaire notifie/);
  expect(confidence).toBeGreaterThan(70);
}

describe('real engines on one line', () => {
  it('tesseract.js reads it offline from the npm language data', { timeout: 30_000 }, async () => {
    const { png, dpi } = await renderedLine();
    const engine = await createTesseractJsEngine();
    try {
      const page = await engine.recognize(png, dpi);
      expectLineRead(page.text, page.confidence);
    } finally {
      await engine.close();
    }
  });

  it('the system tesseract reads it (skipped when not installed)', { timeout: 30_000 }, async (context) => {
    const info = await probeSystemTesseract();
    if (!info) return context.skip('system tesseract with fra+eng data is not installed');
    const { png, dpi } = await renderedLine();
    const page = await createSystemTesseractEngine(info).recognize(png, dpi);
    expectLineRead(page.text, page.confidence);
  });
});
