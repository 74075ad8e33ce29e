/**
 * One OCR engine behind one shape, so the PDF hook, the benchmark and the
 * tests do not care whether the system `tesseract` or tesseract.js reads.
 */

export type OcrEngineName = 'tesseract' | 'tesseract.js';

export interface OcrPageText {
  /** Lines as read, paragraphs separated by a blank line. */
  text: string;
  /** Mean word confidence, 0–100 (0 when no word was read). */
  confidence: number;
}

export interface OcrEngine {
  readonly name: OcrEngineName;
  /** Engine and version for messages, e.g. "tesseract 5.3.0". */
  readonly description: string;
  /** Reads one page image (PNG bytes) rendered at `dpi` dots per inch. */
  recognize(png: Uint8Array, dpi: number): Promise<OcrPageText>;
  /** Frees the engine's worker or process; the engine cannot be used afterwards. */
  close(): Promise<void>;
}

/** The languages every page is read in: French contracts with English annexes, and the reverse. */
export const OCR_LANGUAGES = ['fra', 'eng'] as const;
