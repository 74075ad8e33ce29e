import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../document/types.js';
import { cacheKey, coreFingerprint, createDiskCache, createResultCache, defaultCacheDir, resultKey } from './index.js';
import type { RulePack } from '../rules/pack-schema.js';

const raw: RawDocument = { format: 'pdf', paged: true, pages: [{ text: 'Article 1', ocrConfidence: 88 }], warnings: [] };
const base = { sha256: 'a'.repeat(64), extractorVersion: '1.0.0', ocr: true };

function entryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('cache key', () => {
  it('changes with what changes the text, and only that', () => {
    const key = cacheKey(base);
    expect(cacheKey({ ...base })).toBe(key);
    expect(cacheKey({ ...base, sha256: 'b'.repeat(64) })).not.toBe(key);
    expect(cacheKey({ ...base, extractorVersion: '1.0.1' })).not.toBe(key);
    expect(cacheKey({ ...base, ocr: false })).not.toBe(key);
    expect(cacheKey({ ...base, password: 'secret' })).not.toBe(key);
    expect(cacheKey({ ...base, password: 'secret' })).not.toContain('secret');
  });
});

describe('disk cache', () => {
  it('round-trips an entry, atomically, with private permissions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausier-cache-'));
    const cache = createDiskCache(dir);
    const key = cacheKey(base);
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, raw);
    expect(await cache.get(key)).toEqual(raw);
    const files = entryFiles(dir);
    expect(files).toHaveLength(1); // no temp file left behind
    expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
  });

  it('concurrent writers of one key (parallel jobs, CI runs sharing the folder) leave one valid entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausier-cache-'));
    const key = cacheKey(base);
    const writers = Array.from({ length: 8 }, () => createDiskCache(dir));
    const big: RawDocument = { ...raw, pages: Array.from({ length: 200 }, (_, i) => ({ text: `page ${i} `.repeat(500) })) };
    await Promise.all(writers.map((cache) => cache.set(key, big)));
    expect(entryFiles(dir)).toHaveLength(1);
    expect(await createDiskCache(dir).get(key)).toEqual(big);
  });

  it('treats corrupt, truncated or foreign entries as misses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausier-cache-'));
    const cache = createDiskCache(dir);
    const key = cacheKey(base);
    await cache.set(key, raw);
    const [file] = entryFiles(dir);
    writeFileSync(file!, '{"version":1,"key":"');
    expect(await cache.get(key)).toBeNull();
    writeFileSync(file!, JSON.stringify({ version: 1, key: 'other', raw }));
    expect(await cache.get(key)).toBeNull();
    writeFileSync(file!, JSON.stringify({ version: 1, key, raw: { format: 'exe' } }));
    expect(await cache.get(key)).toBeNull();
  });

  it('never throws when the folder cannot be written', async () => {
    // A regular file where the cache folder should be: mkdir fails even for root.
    const blocker = join(mkdtempSync(join(tmpdir(), 'clausier-cache-')), 'not-a-folder');
    writeFileSync(blocker, '');
    const cache = createDiskCache(blocker);
    await expect(cache.set(cacheKey(base), raw)).resolves.toBeUndefined();
    expect(await cache.get(cacheKey(base))).toBeNull();
  });

  it('defaults to XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/xdg/clausier');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.cache/clausier');
    expect(defaultCacheDir({}, '/home/u')).toBe('/home/u/.cache/clausier');
  });
});

describe('result cache', () => {
  const pack = { id: 'p', version: '1', title: { fr: 'p', en: 'p' }, rules: [] } as unknown as RulePack;
  const input = { sha256: 'a'.repeat(64), pack, ocr: true };

  it('keys on content, code, pack, language and extraction options', () => {
    const key = resultKey(input);
    expect(resultKey({ ...input })).toBe(key);
    expect(coreFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(resultKey({ ...input, sha256: 'b'.repeat(64) })).not.toBe(key);
    expect(resultKey({ ...input, pack: { ...pack, version: '2' } })).not.toBe(key);
    expect(resultKey({ ...input, language: 'en' })).not.toBe(key);
    expect(resultKey({ ...input, ocr: false })).not.toBe(key);
    expect(resultKey({ ...input, password: 'x' })).not.toBe(key);
  });

  it('round-trips a result and ignores a malformed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausier-results-'));
    const cache = createResultCache(dir);
    const result = {
      report: { format: 'txt', language: 'fr' as const, pages: null, status: 'audited' as const, sha256: 'a'.repeat(64), warnings: [], findings: [] },
      sourceLines: [['log-retention', { startLine: 3, endLine: 4 }]] as Array<[string, { startLine: number; endLine: number }]>,
    };
    await cache.set('k'.repeat(64), result);
    expect(await cache.get('k'.repeat(64))).toEqual(result);
    const [file] = entryFiles(dir);
    writeFileSync(file!, JSON.stringify({ version: 1, key: 'k'.repeat(64), report: { status: 'audited' }, sourceLines: [] }));
    expect(await cache.get('k'.repeat(64))).toBeNull();
  });
});
