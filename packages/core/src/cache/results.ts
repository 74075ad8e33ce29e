import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FileReportSchema, type FileReport } from '../report/schema.js';
import type { RulePack } from '../rules/pack-schema.js';
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

let coreFingerprintMemo: string | undefined;

/** Hash of every source or built file of the core (src/ in tests and tsx, dist/ when built). */
export function coreFingerprint(): string {
  if (coreFingerprintMemo) return coreFingerprintMemo;
  const root = fileURLToPath(new URL('../', import.meta.url));
  const hash = createHash('sha256');
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  try {
    hash.update(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url))));
  } catch {
    // No package.json next to a bundled build: the code hash alone.
  }
  coreFingerprintMemo = hash.digest('hex').slice(0, 16);
  return coreFingerprintMemo;
}

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
