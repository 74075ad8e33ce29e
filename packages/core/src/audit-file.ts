import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { buildDocument } from './document/build.js';
import type { Language, RawDocument } from './document/types.js';
import { auditDocument } from './engine/audit.js';
import { extractBytes, type ExtractFileResult } from './extract/index.js';
import { readInputFile } from './extract/read-file.js';
import { detectFormat } from './extract/detect-format.js';
import type { ExtractOptions, ExtractionProblem } from './extract/types.js';
import { cacheKey } from './cache/key.js';
import { extractorFingerprint } from './cache/fingerprint.js';
import { NO_CACHE, type RawDocumentCache } from './cache/store.js';
import { resultKey, type ResultCache } from './cache/results.js';
import type { SourceLines } from './format/types.js';
import type { FileReport } from './report/schema.js';
import type { RulePack } from './rules/pack-schema.js';
import { locateLines } from './source-lines.js';

/**
 * One contract file → its FileReport: read, hash, extract (through the cache),
 * build the normalised document, run the pack, and let the document go. Never
 * throws for a bad file: any problem becomes `status: "error"` with a code.
 */

/** Where extraction runs: in this process by default, or in an isolation pool with time and memory limits. */
export interface FileExtractor {
  extractFile(path: string, options: ExtractOptions): Promise<ExtractFileResult>;
}

export interface AuditFileOptions {
  pack: RulePack;
  extract?: ExtractOptions;
  /** Force the contract language (detection otherwise); also the language of messages. */
  language?: Language;
  /** Extracted text by content (skips extraction). */
  cache?: RawDocumentCache;
  /** Whole results by content, code, pack and options (skips extraction and auditing). */
  results?: ResultCache;
  extractor?: FileExtractor;
  /** The path as the report shows it (default: `path` as given). */
  displayPath?: string;
}

export interface AuditFileResult {
  report: FileReport;
  /** For text sources: the lines of each finding's basis passage in the file, by rule. */
  sourceLines: Map<string, SourceLines>;
}

const TEXT_FORMATS = new Set(['txt', 'md']);

/** The report of a file that could not be audited: its error and no findings. */
export function errorReport(path: string, problem: ExtractionProblem, extra: Partial<FileReport> = {}): FileReport {
  return {
    path,
    format: null,
    language: null,
    pages: null,
    status: 'error',
    error: { code: problem.code, message: problem.message },
    warnings: [],
    findings: [],
    ...extra,
  };
}

export async function auditFileDetailed(path: string, options: AuditFileOptions): Promise<AuditFileResult> {
  const shown = options.displayPath ?? path;
  const extractOptions = options.extract ?? {};
  const cache = options.cache ?? NO_CACHE;
  const none = new Map<string, SourceLines>();

  const read = await readInputFile(path, extractOptions.maxBytes);
  if (!read.ok) return { report: errorReport(shown, read.problem), sourceLines: none };
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const key = cacheKey({ sha256, extractorVersion: extractorFingerprint(), password: extractOptions.password, ocr: extractOptions.ocr ?? true });
  const resultsKey = options.results
    ? resultKey({ sha256, pack: options.pack, language: options.language, ocr: extractOptions.ocr ?? true, password: extractOptions.password, maxPages: extractOptions.maxPages })
    : '';
  const known = options.results ? await options.results.get(resultsKey) : null;
  if (known) return { report: { path: shown, ...known.report }, sourceLines: new Map(known.sourceLines) };

  let raw: RawDocument | null = await cache.get(key);
  let cacheable = true;
  if (!raw) {
    // Plain text is decoded here: starting an isolated reader (and its PDF stack) would cost
    // more than the file, and decoding text cannot hang or blow up.
    const detected = detectFormat(read.bytes, basename(path));
    const inProcess = !options.extractor || (detected.ok && TEXT_FORMATS.has(detected.format));
    const result = inProcess
      ? await extractBytes(read.bytes, basename(path), extractOptions)
      : await options.extractor!.extractFile(path, extractOptions);
    if (!result.ok) {
      return { report: errorReport(shown, result.problem, { format: result.format ?? null, sha256: result.sha256 ?? sha256 }), sourceLines: none };
    }
    raw = result.raw;
    // The isolated reader reads the file again: cache only when it read the same bytes. A scan
    // whose pages were not OCR'd (no OCR engine here) is not cached either: another machine may
    // have one, and the key cannot tell.
    const ocrMissing = raw.pages.some((page) => page.noTextLayer && page.ocrConfidence === undefined);
    cacheable = (!result.sha256 || result.sha256 === sha256) && !ocrMissing;
    if (cacheable) await cache.set(key, raw);
  }

  try {
    const doc = buildDocument(raw, options.language ? { language: options.language } : {});
    const findings = auditDocument(doc, options.pack, options.language ? { language: options.language } : {});
    const report: FileReport = {
      path: shown,
      format: raw.format,
      language: doc.language,
      pages: raw.paged ? raw.pages.length : null,
      status: 'audited',
      sha256,
      warnings: doc.warnings.map(({ code, message }) => ({ code, message })),
      findings,
    };
    const sourceLines = TEXT_FORMATS.has(raw.format) ? linesOf(raw, report) : none;
    if (options.results && cacheable) {
      const { path: _path, ...rest } = report;
      await options.results.set(resultsKey, { report: rest, sourceLines: [...sourceLines] });
    }
    return { report, sourceLines };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const problem: ExtractionProblem = { code: 'internal', message: `Auditing the text failed unexpectedly (${detail}); please report it.` };
    return { report: errorReport(shown, problem, { format: raw.format, sha256 }), sourceLines: none };
  }
}

function linesOf(raw: RawDocument, report: FileReport): Map<string, SourceLines> {
  const source = raw.pages.map((page) => page.text).join('\n');
  const lines = new Map<string, SourceLines>();
  for (const finding of report.findings) {
    const basis = finding.evidence.find((evidence) => evidence.role === 'basis');
    const located = basis ? locateLines(source, basis.quote) : null;
    if (located) lines.set(finding.rule, located);
  }
  return lines;
}

/** The FileReport alone; see `auditFileDetailed` for the source lines used by SARIF. */
export async function auditFile(path: string, options: AuditFileOptions): Promise<FileReport> {
  return (await auditFileDetailed(path, options)).report;
}
