import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RawDocument } from '../document/types.js';
import { CACHE_FORMAT_VERSION } from './key.js';

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
  const pathOf = (key: string) => join(dir, `v${CACHE_FORMAT_VERSION}`, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch {
        return null;
      }
      try {
        const entry = EntrySchema.safeParse(JSON.parse(text));
        // The key inside guards against a file copied or renamed by hand.
        return entry.success && entry.data.key === key ? entry.data.raw : null;
      } catch {
        return null;
      }
    },
    async set(key, raw) {
      const file = pathOf(key);
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
        await writeFile(temp, JSON.stringify({ version: CACHE_FORMAT_VERSION, key, raw }), { mode: 0o600 });
        await rename(temp, file);
      } catch {
        // A cache that cannot be written (read-only, full disk) only costs time.
        await rm(temp, { force: true }).catch(() => undefined);
      }
    },
  };
}

/** For --no-cache: every lookup misses, nothing is written. */
export const NO_CACHE: RawDocumentCache = {
  async get() {
    return null;
  },
  async set() {},
};
