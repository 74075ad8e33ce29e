import {
  auditFileDetailed,
  createDiskCache,
  createResultCache,
  createIsolatedExtractor,
  errorReport,
  NO_CACHE,
  type FileReport,
  type RulePack,
  type Settings,
  type SourceLines,
} from '@clausier/core';
import type { ContractFile, WalkProblem } from './collect-files.js';
import type { Progress } from './progress.js';

/**
 * Audits the collected contracts, `jobs` at a time, and hands each result to
 * `onResult` in the list's order as soon as it and all before it are done, so
 * output streams and stays deterministic whatever finishes first. Only the
 * FileReport (a few KB) outlives a file: its text is dropped once audited.
 */

export interface AuditedFile {
  report: FileReport;
  /** Lines of basis passages in text sources, by rule (SARIF regions). */
  sourceLines: ReadonlyMap<string, SourceLines>;
}

interface Item {
  display: string;
  file?: ContractFile;
  preset?: FileReport;
}

export interface AuditFilesOptions {
  settings: Settings;
  pack: RulePack;
  password?: string;
  progress: Progress;
  onResult: (result: AuditedFile) => Promise<void>;
}

/** Files in flight per reader process: one being read, one waiting (its text is held until audited). */
const IN_FLIGHT_PER_READER = 2;

function problemReport(problem: WalkProblem): FileReport {
  return errorReport(problem.display, problem);
}

export async function auditFiles(files: readonly ContractFile[], problems: readonly WalkProblem[], options: AuditFilesOptions): Promise<void> {
  const { settings, pack, progress } = options;
  const items: Item[] = [
    ...files.map((file) => ({ display: file.display, file })),
    ...problems.map((problem) => ({ display: problem.display, preset: problemReport(problem) })),
  ].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));

  const cache = settings.cache ? createDiskCache(settings.cacheDir) : NO_CACHE;
  const results = settings.cache ? createResultCache(settings.cacheDir) : undefined;
  // Extraction runs in child processes with a time and memory limit per file; they start
  // only when a file misses the cache.
  const extractor = createIsolatedExtractor({ concurrency: settings.jobs, timeoutMs: settings.limits.timeoutMs });
  const extract = {
    password: options.password,
    maxBytes: settings.limits.maxFileSizeBytes,
    maxPages: settings.limits.maxPages,
    ocr: settings.ocr,
  };

  const done: Array<AuditedFile | undefined> = new Array(items.length);
  let nextToEmit = 0;
  let emitting: Promise<void> = Promise.resolve();
  const emitReady = () => {
    emitting = emitting.then(async () => {
      while (nextToEmit < items.length && done[nextToEmit]) {
        const result = done[nextToEmit]!;
        done[nextToEmit] = undefined;
        nextToEmit += 1;
        await options.onResult(result);
      }
    });
    return emitting;
  };

  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      if (item.preset) {
        done[index] = { report: item.preset, sourceLines: new Map() };
      } else {
        progress.started(item.display);
        const { report, sourceLines } = await auditFileDetailed(item.file!.path, {
          pack,
          extract,
          language: settings.lang ?? undefined,
          cache,
          results,
          extractor,
          displayPath: item.display,
        });
        progress.finished(item.display);
        done[index] = { report, sourceLines };
      }
      await emitReady();
    }
  };

  try {
    // More files in flight than readers: while this process builds and audits one file (synchronous
    // work that keeps it busy), the next files are already queued for the readers, so a reader that
    // finishes starts its next file at once instead of idling until that audit is done.
    await Promise.all(Array.from({ length: Math.min(settings.jobs * IN_FLIGHT_PER_READER, Math.max(items.length, 1)) }, worker));
    await emitting;
  } finally {
    await extractor.close();
  }
}
