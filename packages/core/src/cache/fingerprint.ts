import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Versions in cache keys, as hashes of the code itself (source in tests and tsx,
 * build when bundled) and of the core's package.json (its dependency versions):
 * any change to that code invalidates the cache, with no version number to
 * remember to bump. Each is computed once per process.
 */

/** The extraction code (every file of extract/): the key of the extracted-text cache. */
export function extractorFingerprint(): string {
  return codeFingerprint(new URL('../extract/', import.meta.url));
}

/** The whole core (extraction, normalisation, rules): the key of the results cache. */
export function coreFingerprint(): string {
  return codeFingerprint(new URL('../', import.meta.url));
}

const fingerprints = new Map<string, string>();

function codeFingerprint(dirUrl: URL): string {
  const root = fileURLToPath(dirUrl);
  const known = fingerprints.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  try {
    hash.update(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url))));
  } catch {
    // A bundled build without package.json still gets the code hash.
  }
  const fingerprint = hash.digest('hex').slice(0, 16);
  fingerprints.set(root, fingerprint);
  return fingerprint;
}
