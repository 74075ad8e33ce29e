import type { RawDocument, SourceFormat } from '../document/types.js';

/**
 * Stable codes for files that could not be audited. The CLI maps any of them
 * to exit code 2; formatters show the code and the message.
 */
export type ExtractionErrorCode =
  | 'not-found'
  | 'unreadable' // permissions, EISDIR, I/O error
  | 'empty'
  | 'unsupported-format'
  | 'corrupt'
  | 'encrypted'
  | 'no-text-layer'
  | 'low-text'
  | 'too-large'
  | 'too-many-pages'
  | 'zip-bomb'
  | 'xml-entities'
  | 'timeout'
  | 'out-of-memory'
  | 'broken-link'
  | 'internal';

export interface ExtractionProblem {
  code: ExtractionErrorCode;
  /** One sentence that tells the user what happened and what to do. */
  message: string;
}

/** Extractors return a result; they never throw for bad input. */
export type ExtractResult =
  | { ok: true; raw: RawDocument }
  | { ok: false; problem: ExtractionProblem; format?: SourceFormat };

export interface ExtractOptions {
  /** Password for encrypted PDFs. */
  password?: string;
  /** Refuse files larger than this many bytes (default 50 MiB). */
  maxBytes?: number;
  /** Refuse PDFs with more pages than this (default 500). */
  maxPages?: number;
  /** Cap on the decompressed size of DOCX/ODT archives, bytes (default 200 MiB). */
  maxUnzippedBytes?: number;
  /** OCR pages without a text layer (default true where OCR is available). */
  ocr?: boolean;
}

/** One format's reader: bytes in, raw pages out. */
export interface Extractor {
  format: SourceFormat;
  extract(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult>;
}
