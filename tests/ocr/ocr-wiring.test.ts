import { readdirSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { classifyWithOcr, pageList, type PdfPageForOcr } from '../../packages/core/src/extract/ocr.js';
import type { ExtractResult } from '../../packages/core/src/extract/types.js';
import type { OcrEngine } from '../../packages/core/src/extract/ocr/engine.js';
import { probeSystemTesseract, createSystemTesseractEngine } from '../../packages/core/src/extract/ocr/system-tesseract.js';
import { createTesseractJsEngine } from '../../packages/core/src/extract/ocr/tesseract-js.js';
import { openPageRenderer } from '../../packages/core/src/extract/ocr/render-pages.js';
import { pageTextFromTsv } from '../../packages/core/src/extract/ocr/tsv.js';
import { repairOcrText } from '../../packages/core/src/extract/ocr/repair.js';
import { makeScannedPdf, makeTextPdf } from './scan.js';

/**
 * Fast checks of the OCR wiring (the slow whole-contract OCR runs under
 * `pnpm test:slow`): which pages go to OCR, what comes back, and one real
 * line read by each engine that is installed.
 */

const LINE = 'Le Titulaire notifie tout incident sous 24 heures.';

type Page = PdfPageForOcr;
const page = (number: number, text: string): Page => ({ number, text, hasText: (text.match(/\p{L}/gu)?.length ?? 0) >= 10 });

/** Stands in for the PDF reader's classifier: all pages textless → a bare no-text-layer. */
function classify(pages: Page[]): ExtractResult {
  if (pages.every((p) => !p.hasText)) return { ok: false, format: 'pdf', problem: { code: 'no-text-layer', message: 'bare' } };
  return { ok: true, raw: { format: 'pdf', paged: true, pages: pages.map((p) => ({ text: p.text })), warnings: [{ code: 'kept', message: 'from the reader' }] } };
}

/** Records the size of each image it is asked to read and answers a fixed text. */
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

const noEngine = async (): Promise<OcrEngine> => {
  throw new Error('no engine here');
};

describe('OCR helpers', () => {
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

describe('repairing OCR confusions', () => {
  const lexicon = new Set(['journaux', 'article', 'fournit', 'illimité', 'accès', 'mois', 'les', 'conserve', 'notification']);

  it('fixes rn→m, cl→d, a dropped l and a flipped accent, keeping case', () => {
    const { text, repaired } = repairOcrText('Artide 9 : il conserve les joumaux, foumit un accés ilimité. JOUMAUX', lexicon);
    expect(text).toBe('Article 9 : il conserve les journaux, fournit un accès illimité. JOURNAUX');
    expect(repaired).toBe(6);
  });

  it('leaves known words, short words, names and hyphenation halves alone', () => {
    const input = 'Biologix conserve les mois. Medilab. notifica-\ntion';
    expect(repairOcrText(input, lexicon)).toEqual({ text: input, repaired: 0 });
  });

  it('changes nothing when two repairs are possible', () => {
    expect(repairOcrText('xam', new Set(['xarn', 'xain'])).text).toBe('xam'); // too short anyway
    expect(repairOcrText('boumes', new Set(['bournes', 'bouines'])).text).toBe('boumes');
  });

  it('knows French and English from the bundled word lists', () => {
    expect(repairOcrText('Les joumaux de sécurité. The retum of logs.').text).toBe('Les journaux de sécurité. The return of logs.');
  });
});

describe('the PDF hook', () => {
  it('OCRs only the scanned pages of a mixed PDF and marks them', async () => {
    const text = await makeTextPdf([['Article 1 – Objet', LINE], ['Annexe signée'], ['Article 3 – Durée du contrat']]);
    const mixed = await makeScannedPdf(text, [1, 3]);
    const calls: number[] = [];
    const pages = [page(1, 'Article 1 – Objet\n' + LINE), page(2, ''), page(3, 'Article 3 – Durée du contrat')];
    const result = await classifyWithOcr(pages, [], mixed, {}, classify, { engine: async () => fakeEngine(calls) });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeGreaterThan(1000); // a real rendered page, not an empty image
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages.map((p) => p.ocrConfidence)).toEqual([undefined, 88, undefined]);
    expect(result.raw.pages[1]!.text).toBe('texte lu par OCR 1');
    expect(result.raw.warnings.map((w) => w.code)).toEqual(['kept', 'ocr']);
    expect(result.raw.warnings[1]!.message).toContain('Page(s) 2 were read by OCR (fake OCR, mean confidence 88/100)');
  });

  it('leaves born-digital PDFs to the reader untouched', async () => {
    const result = await classifyWithOcr([page(1, LINE)], [], new Uint8Array(), {}, classify, { engine: noEngine });
    expect(result).toEqual(classify([page(1, LINE)]));
  });

  it('with OCR off: a full scan is no-text-layer naming --no-ocr; a mixed PDF goes to the reader as is', async () => {
    const none = await classifyWithOcr([page(1, ''), page(2, '')], [], new Uint8Array(), { ocr: false }, classify, { engine: noEngine });
    expect(none).toMatchObject({ ok: false, problem: { code: 'no-text-layer', message: expect.stringContaining('--no-ocr') } });
    const some = await classifyWithOcr([page(1, LINE), page(2, '')], [], new Uint8Array(), { ocr: false }, classify, { engine: noEngine });
    expect(some.ok && some.raw.pages.map((p) => p.ocrConfidence)).toEqual([undefined, undefined]);
  });

  it('explains a full scan that OCR cannot read: engine missing, rendering failed', async () => {
    const noStart = await classifyWithOcr([page(1, '')], [], new Uint8Array(), {}, classify, { engine: noEngine });
    expect(noStart).toMatchObject({ ok: false, problem: { code: 'no-text-layer', message: expect.stringContaining('no engine here') } });
    const calls: number[] = [];
    const noRender = await classifyWithOcr([page(1, '')], [], new Uint8Array([1, 2, 3]), {}, classify, { engine: async () => fakeEngine(calls) });
    expect(noRender).toMatchObject({ ok: false, problem: { code: 'no-text-layer', message: expect.stringContaining('OCR failed') } });
    expect(calls).toEqual([]);
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

describe('rendering pages for OCR', () => {
  it('caps the bitmap of an absurdly large page instead of allocating gigabytes', { timeout: 30_000 }, async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([14_400, 14_400]); // 5 m square, the largest page PDF allows: 200 000 px at 300 dpi
    const renderer = await openPageRenderer(await pdf.save());
    try {
      const page = await renderer.render(1);
      const png = Buffer.from(page.png);
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]; // PNG IHDR
      expect(width * height).toBeLessThanOrEqual(12_000_000);
      expect(width * height).toBeGreaterThan(10_000_000);
      expect(page.dpi).toBeLessThan(20);
    } finally {
      await renderer.close();
    }
  });
});

describe('real engines on one line', () => {
  it('tesseract.js reads it offline from the npm language data, caching nothing in the working folder', { timeout: 30_000 }, async () => {
    const { png, dpi } = await renderedLine();
    const before = readdirSync(process.cwd());
    const engine = await createTesseractJsEngine();
    try {
      const page = await engine.recognize(png, dpi);
      expectLineRead(page.text, page.confidence);
    } finally {
      await engine.close();
    }
    // Its default would fetch fra/eng from a CDN and write fra.traineddata here.
    expect(readdirSync(process.cwd()).filter((name) => !before.includes(name) && name.includes('traineddata'))).toEqual([]);
  });

  it('the system tesseract reads it (skipped when not installed)', { timeout: 30_000 }, async (context) => {
    const info = await probeSystemTesseract();
    if (!info) return context.skip('system tesseract with fra+eng data is not installed');
    const { png, dpi } = await renderedLine();
    const page = await createSystemTesseractEngine(info).recognize(png, dpi);
    expectLineRead(page.text, page.confidence);
  });
});
