import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The extractor version in cache keys: a hash of the extraction code itself
 * (every file of extract/, source or build) and of the core's package.json (its
 * dependency versions). Any change to how text is read invalidates the cache,
 * with no version number to remember to bump. Computed once per process.
 */
let cached: string | undefined;

export function extractorFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  const extractDir = fileURLToPath(new URL('../extract/', import.meta.url));
  const files = readdirSync(extractDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name))
    .map((entry) => `${entry.parentPath}/${entry.name}`)
    .sort();
  for (const file of files) hash.update(file.slice(extractDir.length)).update('\0').update(readFileSync(file)).update('\0');
  try {
    hash.update(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url))));
  } catch {
    // A bundled build without package.json still gets the code hash.
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
