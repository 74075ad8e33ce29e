import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';

/**
 * A content-addressed JSON store on disk, shared by the extraction cache and the
 * results cache: one file per key under `<dir>/<folder>/<2 first chars>/`, written
 * atomically (temp file + rename) so concurrent CI jobs never read half a file, and
 * read defensively (a corrupt, foreign or renamed entry is a miss, never an error).
 */
export interface JsonStore<T> {
  get(key: string): Promise<T | null>;
  set(key: string, value: T): Promise<void>;
}

export function createJsonStore<T>(
  dir: string,
  folder: string,
  version: number,
  schema: z.ZodType<{ version: number; key: string } & Record<string, unknown>>,
  pack: (value: T) => Record<string, unknown>,
  unpack: (entry: Record<string, unknown>) => T,
): JsonStore<T> {
  const pathOf = (key: string) => join(dir, folder, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch {
        return null;
      }
      try {
        const entry = schema.safeParse(JSON.parse(text));
        // The key inside guards against a file copied or renamed by hand.
        return entry.success && entry.data.key === key ? unpack(entry.data) : null;
      } catch {
        return null;
      }
    },
    async set(key, value) {
      const file = pathOf(key);
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
        await writeFile(temp, JSON.stringify({ version, key, ...pack(value) }), { mode: 0o600 });
        await rename(temp, file);
      } catch {
        // A cache that cannot be written (read-only, full disk) only costs time.
        await rm(temp, { force: true }).catch(() => undefined);
      }
    },
  };
}
