import { createHash } from 'node:crypto';

/**
 * A cache key depends only on what changes the extracted text: the file's bytes,
 * the extractor's version, the password (for encrypted PDFs) and whether OCR ran.
 * Never on the path or the modification time, so a renamed or re-checked-out
 * contract hits the cache, and an edited one never gets stale text.
 */
export interface CacheKeyInput {
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  extractorVersion: string;
  password?: string;
  ocr: boolean;
}

/** Bump when the entry layout changes. */
export const CACHE_FORMAT_VERSION = 1;

export function cacheKey(input: CacheKeyInput): string {
  // The password is hashed into the key, never stored: the key alone cannot reveal it.
  const parts = [
    `format=${CACHE_FORMAT_VERSION}`,
    `sha256=${input.sha256}`,
    `extractor=${input.extractorVersion}`,
    `ocr=${input.ocr ? 1 : 0}`,
    `password=${input.password ? createHash('sha256').update(`clausier-cache-password\u0000${input.password}`).digest('hex') : ''}`,
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
