import { z } from 'zod';
import type { RawDocument } from '../document/types.js';
import { CACHE_FORMAT_VERSION } from './key.js';
import { createJsonStore } from './json-store.js';

/**
 * Content-addressed cache of extracted RawDocuments (OCR text included) on disk.
 * Entries are written to a temp file in the same folder and renamed, so a reader
 * never sees half an entry and concurrent CI jobs can share the folder; anything
 * unreadable or malformed is treated as a miss. Contract text is confidential:
 * folders are created 0700 and entries 0600.
 */

export interface RawDocumentCache {
  get(key: string): Promise<RawDocument | null>;
  set(key: string, raw: RawDocument): Promise<void>;
}

const RawDocumentSchema = z.object({
  format: z.enum(['pdf', 'docx', 'odt', 'doc', 'rtf', 'txt', 'md']),
  paged: z.boolean(),
  pages: z.array(z.object({ text: z.string(), ocrConfidence: z.number().min(0).max(100).optional() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

const EntrySchema = z.object({ version: z.literal(CACHE_FORMAT_VERSION), key: z.string(), raw: RawDocumentSchema });

export function createDiskCache(dir: string): RawDocumentCache {
  return createJsonStore<RawDocument>(
    dir,
    `v${CACHE_FORMAT_VERSION}`,
    CACHE_FORMAT_VERSION,
    EntrySchema,
    (raw) => ({ raw }),
    (entry) => entry.raw as RawDocument,
  );
}

/** For --no-cache: every lookup misses, nothing is written. */
export const NO_CACHE: RawDocumentCache = {
  async get() {
    return null;
  },
  async set() {},
};
