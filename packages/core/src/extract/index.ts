import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { SourceFormat } from '../document/types.js';
import { detectFormat } from './detect-format.js';
import { pdfExtractor } from './pdf.js';
import { readInputFile } from './read-file.js';
import { mdExtractor, txtExtractor } from './text.js';
import type { ExtractOptions, ExtractResult, Extractor } from './types.js';

/**
 * File → RawDocument: read, detect the format from content, dispatch to the
 * format's extractor. Never throws: every failure is an `ExtractionProblem`.
 *
 * Adding a format is one line in `EXTRACTORS` (or `registerExtractor` at start-up).
 */
const EXTRACTORS = new Map<SourceFormat, Extractor>([
  ['pdf', pdfExtractor],
  ['docx', loadedOnFirstUse('docx', async () => (await import('./docx.js')).docxExtractor)],
  ['odt', loadedOnFirstUse('odt', async () => (await import('./odt.js')).odtExtractor)],
  ['doc', loadedOnFirstUse('doc', async () => (await import('./doc.js')).docExtractor)],
  ['rtf', loadedOnFirstUse('rtf', async () => (await import('./rtf.js')).rtfExtractor)],
  ['txt', txtExtractor],
  ['md', mdExtractor],
]);

/**
 * An extractor whose module (and its XML, zip and RTF libraries) loads on the first file of
 * its format: every process that imports the core (the CLI, each reader process) otherwise
 * paid about 150 ms of CPU at start-up to load parsers a PDF-only run never uses.
 */
function loadedOnFirstUse(format: SourceFormat, load: () => Promise<Extractor>): Extractor {
  let loaded: Promise<Extractor> | undefined;
  return {
    format,
    async extract(bytes, options) {
      loaded ??= load();
      return (await loaded).extract(bytes, options);
    },
  };
}

/** Registers (or replaces) the extractor for a format, e.g. an OCR-capable PDF reader. */
export function registerExtractor(extractor: Extractor): void {
  EXTRACTORS.set(extractor.format, extractor);
}

export function extractorFor(format: SourceFormat): Extractor | undefined {
  return EXTRACTORS.get(format);
}

/** What extraction tells besides the result: the detected format and the file's identity. */
export interface ExtractFileInfo {
  format?: SourceFormat;
  /** Hex SHA-256 of the file's bytes. */
  sha256?: string;
  /** File size, bytes. */
  bytes?: number;
}

export type ExtractFileResult = ExtractResult & ExtractFileInfo;

export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractFileResult> {
  const read = await readInputFile(path, options.maxBytes);
  if (!read.ok) return { ok: false, problem: read.problem };
  return extractBytes(read.bytes, basename(path), options);
}

/** Same as `extractFile` for bytes already in memory; `nameHint` only separates .md from .txt. */
export async function extractBytes(bytes: Uint8Array, nameHint: string, options: ExtractOptions = {}): Promise<ExtractFileResult> {
  const identity = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  try {
    const detected = detectFormat(bytes, nameHint);
    if (!detected.ok) return { ok: false, problem: detected.problem, ...identity };
    const format = detected.format;
    const extractor = EXTRACTORS.get(format);
    if (!extractor) {
      const message = `The ${format} format is not supported yet; save the contract as DOCX or PDF.`;
      return { ok: false, format, problem: { code: 'unsupported-format', message }, ...identity };
    }
    const result = await extractor.extract(bytes, options);
    return { ...result, format, ...identity };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /allocation|memory/i.test(detail)) {
      return { ok: false, problem: { code: 'out-of-memory', message: 'The file needs more memory than is available to read it.' }, ...identity };
    }
    // Extractors return problems for bad input; reaching here is a bug in clausier, not in the file.
    return { ok: false, problem: { code: 'internal', message: `Extraction failed unexpectedly (${detail}); please report it.` }, ...identity };
  }
}
