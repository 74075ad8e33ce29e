import type { DocumentWarning, RawDocument } from '../document/types.js';
import type { OcrEngine } from './ocr/engine.js';
import { sharedOcrEngine } from './ocr/choose-engine.js';
import { openPageRenderer } from './ocr/render-pages.js';
import type { ExtractOptions, ExtractResult } from './types.js';

export { closeSharedOcrEngine, createOcrEngine } from './ocr/choose-engine.js';
export type { OcrEngine, OcrPageText } from './ocr/engine.js';

/**
 * The PDF extractor's hook for scans: pages whose text layer is (nearly)
 * empty are rendered and read by OCR; pages with text are left alone, so a
 * mixed PDF (a scanned signature page, a faxed annex) keeps its exact text
 * where it has one.
 */

/**
 * Below this many non-space characters a page counts as having no text layer:
 * scanners often stamp a page number or "Scanned by …" on an image-only page.
 */
export const MIN_TEXT_LAYER_CHARS = 16;
/** Under this mean word confidence (0–100) the OCR warning says to check quotes closely. */
const LOW_CONFIDENCE = 70;

export function pagesWithoutText(raw: RawDocument): number[] {
  return raw.pages.flatMap((page, index) => (page.text.replace(/\s/g, '').length < MIN_TEXT_LAYER_CHARS ? [index + 1] : []));
}

export interface OcrHookDependencies {
  /** The engine to use; the process-wide shared one by default. */
  engine?: () => Promise<OcrEngine>;
}

/**
 * Returns `raw` with every text-less page OCR'd (text replaced, `ocrConfidence`
 * set) and an `ocr` warning; or `no-text-layer` when nothing could be read.
 * `options.ocr === false` skips OCR: a file with no text at all is then
 * `no-text-layer`, and a mixed file keeps its text pages with a warning.
 */
export async function ocrPagesWithoutText(
  raw: RawDocument,
  pdf: Uint8Array,
  options: ExtractOptions,
  dependencies: OcrHookDependencies = {},
): Promise<ExtractResult> {
  const missing = pagesWithoutText(raw);
  if (missing.length === 0) return { ok: true, raw };
  const allMissing = missing.length === raw.pages.length;

  if (options.ocr === false) {
    if (allMissing) return noTextLayer('This PDF has no text layer (a scan) and OCR is off (--no-ocr); run without --no-ocr to read it by OCR.');
    return {
      ok: true,
      raw: withWarning(raw, {
        code: 'no-text-layer',
        message: `Page(s) ${pageList(missing)} have no text layer (scanned) and were not read because OCR is off (--no-ocr).`,
      }),
    };
  }

  let engine: OcrEngine;
  try {
    engine = await (dependencies.engine ?? sharedOcrEngine)();
  } catch (error) {
    return ocrUnavailable(raw, missing, allMissing, `OCR could not start (${messageOf(error)})`);
  }

  const pages = raw.pages.map((page) => ({ ...page }));
  const read: Array<{ page: number; confidence: number }> = [];
  const failed: number[] = [];
  let renderer;
  try {
    renderer = await openPageRenderer(pdf, options.password);
  } catch (error) {
    return ocrUnavailable(raw, missing, allMissing, `the PDF pages could not be rendered for OCR (${messageOf(error)})`);
  }
  try {
    for (const pageNumber of missing) {
      try {
        const image = await renderer.render(pageNumber);
        const result = await engine.recognize(image.png, image.dpi);
        const target = pages[pageNumber - 1]!;
        // Keep the stamp-sized text layer if OCR found even less.
        if (result.text.replace(/\s/g, '').length > target.text.replace(/\s/g, '').length) {
          target.text = result.text;
          target.ocrConfidence = result.confidence;
          read.push({ page: pageNumber, confidence: result.confidence });
        }
      } catch {
        failed.push(pageNumber);
      }
    }
  } finally {
    await renderer.close().catch(() => {});
  }

  if (read.length === 0 && allMissing) {
    return noTextLayer(
      failed.length > 0
        ? `This PDF is a scan and OCR failed on its pages (${engine.description}); re-scan at 300 dpi or export the original document.`
        : 'This PDF is a scan and OCR found no text on it (blank or unreadable pages); re-scan at 300 dpi or export the original document.',
    );
  }
  const warnings = [...raw.warnings];
  if (read.length > 0) {
    const mean = Math.round(read.reduce((sum, page) => sum + page.confidence, 0) / read.length);
    warnings.push({
      code: 'ocr',
      message:
        `Page(s) ${pageList(read.map((p) => p.page))} were read by OCR (${engine.description}, mean confidence ${mean}/100)` +
        (mean < LOW_CONFIDENCE ? '; the scan is poor, check every quote against the original.' : '; check quotes against the original.'),
    });
  }
  if (failed.length > 0) {
    warnings.push({ code: 'ocr-failed', message: `OCR failed on page(s) ${pageList(failed)}; their content was not audited.` });
  }
  return { ok: true, raw: { ...raw, pages, warnings } };
}

function ocrUnavailable(raw: RawDocument, missing: number[], allMissing: boolean, why: string): ExtractResult {
  if (allMissing) return noTextLayer(`This PDF is a scan and ${why}; install tesseract-ocr or export the original document.`);
  return { ok: true, raw: withWarning(raw, { code: 'ocr-failed', message: `Page(s) ${pageList(missing)} have no text layer and ${why}.` }) };
}

function noTextLayer(message: string): ExtractResult {
  return { ok: false, format: 'pdf', problem: { code: 'no-text-layer', message } };
}

function withWarning(raw: RawDocument, warning: DocumentWarning): RawDocument {
  return { ...raw, warnings: [...raw.warnings, warning] };
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
