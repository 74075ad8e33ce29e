import type { OcrEngine, OcrPageText } from './ocr/engine.js';
import { announceOcrPage } from './ocr/budget.js';
import { closeSharedOcrEngine, sharedOcrEngine } from './ocr/choose-engine.js';
import { openPageRenderer } from './ocr/render-pages.js';
import { repairOcrText } from './ocr/repair.js';
import type { ExtractOptions, ExtractResult } from './types.js';

export { closeSharedOcrEngine, createOcrEngine } from './ocr/choose-engine.js';
export type { OcrEngine, OcrPageText } from './ocr/engine.js';

/**
 * The PDF extractor's hook for scans: pages the PDF reader found without a
 * text layer are rendered and read by OCR; pages with text are left alone, so
 * a mixed PDF (a scanned signature page, a faxed annex) keeps its exact text
 * where it has one. The reader's own classification (no-text-layer, low-text,
 * warnings) then runs on the filled pages.
 */

/** What the hook needs of the PDF reader's pages (`PdfPageText` in pdf.ts). */
export interface PdfPageForOcr {
  /** 1-based. */
  number: number;
  text: string;
  /** False for a page with (almost) no text layer. */
  hasText: boolean;
}

export type ClassifyPdfPages<P extends PdfPageForOcr> = (pages: P[], damagedPages: number[]) => ExtractResult;

/** Under this mean word confidence (0–100) the OCR warning says to check quotes closely. */
const LOW_CONFIDENCE = 70;

export interface OcrHookDependencies {
  /** The engine to use; the process-wide shared one by default. */
  engine?: () => Promise<OcrEngine>;
}

/**
 * OCRs the pages without text (unless `options.ocr === false`), hands the
 * pages to `classify`, and returns its result with `ocrConfidence` on each
 * OCR'd page and an `ocr` warning; when nothing could be read, a
 * `no-text-layer` whose message says why (OCR off, failed, or found nothing).
 */
export async function classifyWithOcr<P extends PdfPageForOcr>(
  pages: P[],
  damagedPages: number[],
  pdf: Uint8Array,
  options: ExtractOptions,
  classify: ClassifyPdfPages<P>,
  dependencies: OcrHookDependencies = {},
): Promise<ExtractResult> {
  const scanned = pages.filter((page) => !page.hasText && !damagedPages.includes(page.number)).map((page) => page.number);
  if (scanned.length === 0) return classify(pages, damagedPages);
  if (options.ocr === false) {
    return explainNoText(
      classify(pages, damagedPages),
      'This PDF has no text layer (a scan) and OCR is off (--no-ocr); run without --no-ocr to read it by OCR.',
    );
  }

  let engine: OcrEngine;
  try {
    // Starting tesseract.js (WebAssembly, language data) takes seconds: budget it like a page.
    announceOcrPage();
    engine = await (dependencies.engine ?? sharedOcrEngine)();
  } catch (error) {
    return explainNoText(classify(pages, damagedPages), `This PDF is a scan and OCR could not start (${messageOf(error)}); install tesseract-ocr or export the original document.`);
  }
  const read = await ocrPages(pdf, scanned, engine, options.password);
  // A failing engine (a crashed WebAssembly worker, a tesseract that went away) must not
  // fail every later file of the batch: the next scan starts a fresh one.
  if (read.failed.length > 0 && !dependencies.engine) await closeSharedOcrEngine().catch(() => {});
  const usedOcr: number[] = [];
  const filled = pages.map((page) => {
    const ocr = read.texts.get(page.number);
    if (!ocr) return page;
    // Keep a stamp-sized text layer if OCR found no more. Either way the page has now
    // been read as well as it can be: any letter on it counts, and the classifier
    // judges the whole document (a near-empty one is low-text, not a scan).
    const useOcr = nonSpace(ocr.text) > nonSpace(page.text);
    if (useOcr) usedOcr.push(page.number);
    const text = useOcr ? ocr.text : page.text;
    return { ...page, text, hasText: /\p{L}/u.test(text) };
  });

  const result = classify(filled, damagedPages);
  if (!result.ok) {
    return explainNoText(
      result,
      read.failed.length > 0
        ? `This PDF is a scan and OCR failed on its pages (${engine.description}: ${read.firstError}); re-scan at 300 dpi or export the original document.`
        : 'This PDF is a scan and OCR found no text on it (blank or unreadable pages); re-scan at 300 dpi or export the original document.',
    );
  }
  const rawPages = result.raw.pages.map((page, index) => {
    const confidence = usedOcr.includes(index + 1) ? read.texts.get(index + 1)?.confidence : undefined;
    return confidence === undefined ? page : { ...page, ocrConfidence: confidence };
  });
  const warnings = [...result.raw.warnings];
  if (usedOcr.length > 0) {
    const mean = Math.round(usedOcr.reduce((sum, number) => sum + read.texts.get(number)!.confidence, 0) / usedOcr.length);
    warnings.push({
      code: 'ocr',
      message:
        `Page(s) ${pageList(usedOcr)} were read by OCR (${engine.description}, mean confidence ${mean}/100` +
        (read.repairedWords > 0 ? `, ${read.repairedWords} misread word(s) repaired` : '') +
        ')' +
        (mean < LOW_CONFIDENCE ? '; the scan is poor, check every quote against the original.' : '; check quotes against the original.'),
    });
  }
  if (read.failed.length > 0) {
    warnings.push({ code: 'ocr-failed', message: `OCR failed on page(s) ${pageList(read.failed)} (${read.firstError}); their content was not audited.` });
  }
  return { ok: true, raw: { ...result.raw, pages: rawPages, warnings } };
}

interface OcrRun {
  texts: Map<number, OcrPageText>;
  /** Words fixed by the confusion repair (ocr/repair.ts). */
  repairedWords: number;
  failed: number[];
  firstError: string;
}

/** Renders and reads the pages one at a time; a page that fails is listed, not fatal. */
async function ocrPages(pdf: Uint8Array, pageNumbers: number[], engine: OcrEngine, password?: string): Promise<OcrRun> {
  const run: OcrRun = { texts: new Map(), repairedWords: 0, failed: [], firstError: '' };
  let renderer;
  try {
    renderer = await openPageRenderer(pdf, password);
  } catch (error) {
    return { ...run, failed: [...pageNumbers], firstError: `pages could not be rendered: ${messageOf(error)}` };
  }
  try {
    for (const pageNumber of pageNumbers) {
      try {
        announceOcrPage();
        const image = await renderer.render(pageNumber);
        const read = await engine.recognize(image.png, image.dpi);
        const repair = repairOcrText(read.text);
        run.repairedWords += repair.repaired;
        run.texts.set(pageNumber, { ...read, text: repair.text });
      } catch (error) {
        run.failed.push(pageNumber);
        run.firstError ||= messageOf(error);
      }
    }
  } finally {
    await renderer.close().catch(() => {});
  }
  return run;
}

/** Keeps the classifier's verdict but replaces a bare `no-text-layer` message with the reason OCR did not help. */
function explainNoText(result: ExtractResult, message: string): ExtractResult {
  if (result.ok || result.problem.code !== 'no-text-layer') return result;
  return { ...result, problem: { code: 'no-text-layer', message } };
}

function nonSpace(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** "1–3, 7" for [1, 2, 3, 7]. */
export function pageList(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return ranges.join(', ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
