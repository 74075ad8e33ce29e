export { CACHE_FORMAT_VERSION, cacheKey, type CacheKeyInput } from './key.js';
export { defaultCacheDir } from './default-dir.js';
export { NO_CACHE, createDiskCache, type RawDocumentCache } from './store.js';
export { coreFingerprint, extractorFingerprint } from './fingerprint.js';
export { createResultCache, resultKey, type CachedResult, type ResultCache } from './results.js';
