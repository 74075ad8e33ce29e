import type { DocumentWarning, RawPage } from '../document/types.js';
import type { ExtractOptions, ExtractResult, ExtractionProblem, Extractor } from './types.js';

/**
 * PDF text through pdf-parse 2 (pdf.js), one entry per page so offsets can be
 * mapped back to pages. A damaged file is a `corrupt` result for that file,
 * never a crash: try/catch, a timeout, and a process-level guard for the
 * rejections pdf.js sometimes leaves unhandled on broken cross-reference tables.
 */

export const DEFAULT_MAX_PAGES = 500;
/** Whole-file budget for pdf.js, milliseconds: a 500-page contract reads in well under a minute. */
export const DEFAULT_PDF_TIMEOUT_MS = 120_000;
/** A page with fewer letters than this has no usable text layer (blank or scanned). */
export const MIN_LETTERS_PER_PAGE = 25;
/** Fewer letters than this in the whole file: nothing a rule could read. */
export const MIN_LETTERS_PER_DOCUMENT = 80;

export interface PdfOptions extends ExtractOptions {
  /** Budget for the whole file, milliseconds. */
  timeoutMs?: number;
}

export interface PdfPageText {
  /** 1-based page number. */
  number: number;
  text: string;
  /** False when the page carries (almost) no text: a scan that OCR should read. */
  hasText: boolean;
}

export type PdfTextResult =
  | { ok: true; pages: PdfPageText[]; /** Pages pdf.js could not read at all. */ damagedPages: number[] }
  | { ok: false; problem: ExtractionProblem };

/** pdf.js error class names; `FormatError` and `UnknownErrorException` are the ones seen escaping. */
const PDFJS_ERROR_NAMES = new Set([
  'FormatError',
  'UnknownErrorException',
  'InvalidPDFException',
  'PasswordException',
  'MissingPDFException',
  'UnexpectedResponseException',
  'ResponseException',
  'AbortException',
  'XRefEntryException',
  'XRefParseException',
  'MissingDataException',
]);

let rejectionGuardInstalled = false;

/**
 * Installs, once per process, an `unhandledRejection` listener that swallows
 * rejections coming from pdf.js only. Anything else keeps Node's default
 * behaviour: when no other listener exists, it is rethrown and the process
 * stops, exactly as without this guard.
 */
export function installPdfRejectionGuard(): void {
  if (rejectionGuardInstalled) return;
  rejectionGuardInstalled = true;
  process.on('unhandledRejection', function pdfRejectionGuard(reason) {
    if (isPdfJsError(reason)) return;
    if (process.listenerCount('unhandledRejection') > 1) return; // someone else decides
    throw reason;
  });
}

export function isPdfJsError(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  if (PDFJS_ERROR_NAMES.has(reason.name)) return true;
  return /pdfjs-dist|pdf\.worker|pdf-parse/.test(reason.stack ?? '');
}

export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** `letterCount(text) >= min` without counting (or allocating) past `min`: most pages pass at their first line. */
export function hasLetters(text: string, min: number): boolean {
  if (min <= 0) return true;
  const letter = /\p{L}/gu;
  let found = 0;
  while (letter.exec(text) !== null) if (++found >= min) return true;
  return false;
}

/**
 * The legacy build of pdf.js bundles core-js, which on Node 20 replaces `Array.prototype.push`
 * with a JavaScript polyfill for every caller in the process (V8 there does not throw on
 * `push()` onto a frozen length, an edge case nothing here relies on). pdf.js pushes in all
 * its hot loops: in a CPU profile of a reader, the polyfill (and the `length` setter it calls)
 * took about 11 % of the samples, and 0 once native `push` is back; the text is identical. The native method is
 * captured before pdf.js loads and put back once it has.
 */
const NATIVE_PUSH = Array.prototype.push;
let pdfParse: Promise<typeof import('pdf-parse')> | undefined;

function loadPdfParse(): Promise<typeof import('pdf-parse')> {
  pdfParse ??= import('pdf-parse').then((module) => {
    restoreNativePush();
    return module;
  });
  return pdfParse;
}

/** Called after pdf.js loads and again after its worker module loads (with the first document): each brings its own core-js. */
function restoreNativePush(): void {
  if (Array.prototype.push !== NATIVE_PUSH) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, configurable: true, enumerable: false });
  }
}


/** Reads every page's text, or says why it cannot. Never throws. */
export async function readPdfText(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfTextResult> {
  installPdfRejectionGuard();
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  // Loaded on first use: pdf.js costs a few hundred milliseconds at start-up, for nothing on a DOCX run.
  const { PDFParse } = await loadPdfParse();
  // pdf.js may take ownership of (detach) the array it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), password: options.password, stopAtErrors: false });
  let timer: NodeJS.Timeout | undefined;
  const deadline = performance.now() + timeoutMs;
  const timedOut = () =>
    fail('timeout', `Reading the PDF took longer than ${Math.round(timeoutMs / 1000)} s; it may be damaged or extremely complex.`);
  const work = (async (): Promise<PdfTextResult> => {
    // The first call loads the document (password, structure) and tells the page count.
    const first = await parser.getText({ partial: [1] });
    restoreNativePush();
    if (first.total > maxPages) {
      return fail('too-many-pages', `The PDF has ${first.total} pages, over the ${maxPages}-page limit (limits.maxPages in the configuration).`);
    }
    const pages: PdfPageText[] = [];
    const damaged: number[] = [];
    for (let number = 1; number <= first.total; number++) {
      // pdf.js runs in this thread as a chain of microtasks that starves timers: yield to the
      // event loop and check the deadline between pages, so the timeout can actually fire.
      await new Promise((resolve) => setImmediate(resolve));
      if (performance.now() > deadline) return timedOut();
      // Page by page, so one damaged page costs that page, not the contract.
      let text = '';
      try {
        text = number === 1 ? (first.pages[0]?.text ?? '') : ((await parser.getText({ partial: [number] })).pages[0]?.text ?? '');
      } catch (error) {
        if (isPasswordError(error)) throw error;
        damaged.push(number);
      }
      pages.push({ number, text, hasText: hasLetters(text, MIN_LETTERS_PER_PAGE) });
    }
    if (damaged.length === first.total) return fail('corrupt', 'The PDF is damaged: no page could be read.');
    if (performance.now() > deadline) return timedOut();
    return { ok: true, pages, damagedPages: damaged };
  })().catch((error: unknown) => problemFromError(error, options.password !== undefined));
  // The race covers a load that never settles; the checks between pages cover a slow one.
  const timeout = new Promise<PdfTextResult>((resolve) => {
    timer = setTimeout(() => resolve(timedOut()), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
  }
}

/**
 * Decides what pages become: all scanned → `no-text-layer` (OCR may lift
 * it); too little text → `low-text`; some scanned pages → kept, flagged
 * `noTextLayer` for OCR and named in a warning.
 */
export function classifyPdfPages(pages: PdfPageText[], damagedPages: number[] = []): ExtractResult {
  const format = 'pdf' as const;
  if (pages.length > 0 && pages.every((page) => !page.hasText)) {
    return {
      ok: false,
      format,
      problem: {
        code: 'no-text-layer',
        message: 'The PDF has no text layer (a scan?); run OCR on it, or enable --ocr where available.',
      },
    };
  }
  if (!hasLetters(pages.map((page) => page.text).join(''), MIN_LETTERS_PER_DOCUMENT)) {
    const letters = pages.reduce((sum, page) => sum + letterCount(page.text), 0);
    return {
      ok: false,
      format,
      problem: { code: 'low-text', message: `The PDF holds almost no text (${letters} letters); it cannot be audited as is.` },
    };
  }
  const warnings: DocumentWarning[] = [];
  const scanned = pages.filter((page) => !page.hasText && !damagedPages.includes(page.number)).map((page) => page.number);
  if (scanned.length > 0) {
    warnings.push({
      code: 'pages-without-text',
      message: `Page${scanned.length > 1 ? 's' : ''} ${scanned.join(', ')} ha${scanned.length > 1 ? 've' : 's'} no text layer (scanned?); their content was not audited.`,
    });
  }
  if (damagedPages.length > 0) {
    warnings.push({
      code: 'damaged-pages',
      message: `Page${damagedPages.length > 1 ? 's' : ''} ${damagedPages.join(', ')} could not be read (damaged); the rest was audited.`,
    });
  }
  const rawPages: RawPage[] = pages.map((page) => (page.hasText ? { text: page.text } : { text: page.text, noTextLayer: true }));
  return { ok: true, raw: { format, paged: true, pages: rawPages, warnings } };
}

export const pdfExtractor: Extractor = {
  format: 'pdf',
  async extract(bytes, options: PdfOptions) {
    const read = await readPdfText(bytes, options);
    if (!read.ok) return { ok: false, format: 'pdf', problem: read.problem };
    if (read.pages.every((page) => page.hasText)) return classifyPdfPages(read.pages, read.damagedPages);
    // Pages without a text layer go to OCR (unless options.ocr is false) before classification;
    // the OCR engines load only when a scan shows up.
    const { classifyWithOcr } = await import('./ocr.js');
    return classifyWithOcr(read.pages, read.damagedPages, bytes, options, classifyPdfPages);
  },
};

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && error.name === 'PasswordException';
}

function problemFromError(error: unknown, passwordGiven: boolean): PdfTextResult {
  const message = error instanceof Error ? error.message : String(error);
  if (isPasswordError(error)) {
    // pdf.js: code 1 = a password is needed, 2 = the one given is wrong.
    const code = (error as { cause?: { code?: number } }).cause?.code;
    return passwordGiven || code === 2
      ? fail('encrypted', 'The PDF is protected by a password and the one given is wrong.')
      : fail('encrypted', 'The PDF is protected by a password: pass --password.');
  }
  if (error instanceof RangeError && /memory|allocation/i.test(message)) {
    return fail('out-of-memory', 'The PDF needs more memory than is available to read it.');
  }
  return fail('corrupt', `The PDF is damaged and cannot be read (${message}).`);
}

function fail(code: ExtractionProblem['code'], message: string): PdfTextResult {
  return { ok: false, problem: { code, message } };
}
