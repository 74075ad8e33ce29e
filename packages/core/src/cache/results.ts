import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FileReportSchema, type FileReport } from '../report/schema.js';
import type { RulePack } from '../rules/pack-schema.js';
import { coreFingerprint } from './fingerprint.js';
import { createJsonStore } from './json-store.js';

/**
 * The second cache level: a contract's audit result (its FileReport and the
 * source lines of its passages), so an unchanged contract is neither extracted
 * nor audited again. The key holds everything the result depends on: the file's
 * content, the whole core's code (any change to extraction, normalisation or a
 * rule check invalidates it), the effective rule pack, the forced language and
 * the extraction options. Same storage discipline as the text cache: atomic
 * writes, private files, anything unreadable is a miss.
 */

export interface CachedResult {
  /** The report without its path (the same bytes may sit at several paths). */
  report: Omit<FileReport, 'path'>;
  sourceLines: Array<[string, { startLine: number; endLine: number }]>;
}

export interface ResultCache {
  get(key: string): Promise<CachedResult | null>;
  set(key: string, result: CachedResult): Promise<void>;
}

const RESULT_FORMAT_VERSION = 1;

const EntrySchema = z.object({
  version: z.literal(RESULT_FORMAT_VERSION),
  key: z.string(),
  report: FileReportSchema.omit({ path: true }),
  sourceLines: z.array(z.tuple([z.string(), z.object({ startLine: z.number().int().positive(), endLine: z.number().int().positive() })])),
});

const packHashes = new WeakMap<RulePack, string>();

function packHash(pack: RulePack): string {
  let hash = packHashes.get(pack);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(pack)).digest('hex');
    packHashes.set(pack, hash);
  }
  return hash;
}

export function resultKey(input: { sha256: string; pack: RulePack; language?: string; ocr: boolean; password?: string; maxPages?: number }): string {
  const parts = [
    `format=${RESULT_FORMAT_VERSION}`,
    `sha256=${input.sha256}`,
    `core=${coreFingerprint()}`,
    `pack=${packHash(input.pack)}`,
    `language=${input.language ?? ''}`,
    `ocr=${input.ocr ? 1 : 0}`,
    `maxPages=${input.maxPages ?? ''}`,
    `password=${input.password ? createHash('sha256').update(`clausier-cache-password\u0000${input.password}`).digest('hex') : ''}`,
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export function createResultCache(dir: string): ResultCache {
  return createJsonStore<CachedResult>(
    dir,
    `results-v${RESULT_FORMAT_VERSION}`,
    RESULT_FORMAT_VERSION,
    EntrySchema,
    (result) => ({ ...result }),
    (entry) => ({ report: entry.report as CachedResult['report'], sourceLines: entry.sourceLines as CachedResult['sourceLines'] }),
  );
}
