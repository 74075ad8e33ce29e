import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ExtractFileResult } from './index.js';
import type { ExtractOptions, ExtractionProblem } from './types.js';

/**
 * Runs untrusted-input work (reading one file) in a child process with a time
 * limit and a memory limit, so a pathological file costs its own slot and
 * never the batch: on timeout or memory exhaustion the child is killed (with
 * any `tesseract` it started), the file gets `timeout` / `out-of-memory`, and
 * the next file gets a fresh child.
 *
 * Why child processes rather than worker_threads: `resourceLimits` only bounds
 * a worker's V8 heap, not the native memory of pdf.js's canvas or of
 * tesseract's WebAssembly, and a native crash in a worker takes the whole
 * process down. A child process is killed as a unit, whatever it was doing.
 *
 * Children are reused (a pool): starting one and loading pdf.js and friends
 * costs a few hundred milliseconds, more than reading a typical contract.
 * A child is recycled after `recycleAfter` files (slow leaks, caches) and
 * after any failure.
 */

export interface IsolationLimits {
  /** Wall-clock budget per job, milliseconds (default 120 000: OCR of a long scan is the slow case). */
  timeoutMs?: number;
  /** V8 old-space cap of each child, MiB (`--max-old-space-size`, default 512). */
  maxHeapMb?: number;
  /**
   * Resident-memory cap of each child, MiB, checked every `memoryPollMs` (default 1024; Linux
   * only). A reader OCRing a page with tesseract.js peaks near 850 MiB (pdf.js and its
   * bitmap, Tesseract's WebAssembly heap, the repair word lists); about 600 with the system tesseract.
   */
  maxRssMb?: number;
  /** Files a child reads before it is replaced (default 50). */
  recycleAfter?: number;
  /** Children running at once (default: 2, or 1 on a single-core machine). */
  concurrency?: number;
  /** How often the RSS watchdog samples, milliseconds (default 200). */
  memoryPollMs?: number;
  /** Ceiling on a job's deadline once extended for OCR pages, milliseconds (default 30 min). */
  maxExtendedTimeoutMs?: number;
}

export const DEFAULT_ISOLATION_LIMITS: Required<IsolationLimits> = {
  timeoutMs: 120_000,
  maxHeapMb: 512,
  maxRssMb: 1024,
  recycleAfter: 50,
  concurrency: Math.min(2, availableParallelism()),
  memoryPollMs: 200,
  maxExtendedTimeoutMs: 30 * 60_000,
};

/** A job's result, or why the child running it did not return one. */
export type IsolatedOutcome<T> = { ok: true; value: T } | { ok: false; problem: ExtractionProblem };

/** Messages between the pool and a child (see isolate-worker.ts). */
export type ToChild = { id: number; job: string; args: unknown[] };
export type FromChild =
  | { ready: true }
  | { id: number; value: unknown }
  | { id: number; error: string }
  /** The job is starting slow but legitimate work (an OCR page): push its deadline back. */
  | { id: number; extendMs: number };

export interface IsolationPool {
  /** Runs `job` (an export of the job module) with `args` in a child; never rejects for the job's sake. */
  run<T>(job: string, args: unknown[]): Promise<IsolatedOutcome<T>>;
  /** Children started so far (for measurements and tests). */
  readonly started: number;
  /** Ends every child; pending jobs resolve as `internal` errors. */
  close(): Promise<void>;
}

export interface IsolationPoolOptions extends IsolationLimits {
  /** Module whose exports are the jobs; the built-in extraction jobs by default. */
  jobModule?: URL;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  jobsDone: number;
  /** Last few KiB of the child's stderr: tells a V8 heap OOM from other crashes. */
  stderrTail: string;
  exited: boolean;
}

interface Waiting {
  job: string;
  args: unknown[];
  resolve: (outcome: IsolatedOutcome<unknown>) => void;
}

const STDERR_TAIL_BYTES = 4096;
const WORKER_MODULE = new URL(import.meta.url.endsWith('.ts') ? './isolate-worker.ts' : './isolate-worker.js', import.meta.url);

export function createIsolationPool(options: IsolationPoolOptions = {}): IsolationPool {
  const limits = { ...DEFAULT_ISOLATION_LIMITS, ...definedOnly(options) };
  const jobModule = options.jobModule ?? new URL(import.meta.url.endsWith('.ts') ? './isolate-jobs.ts' : './isolate-jobs.js', import.meta.url);
  const idle: Slot[] = [];
  const queue: Waiting[] = [];
  let running = 0;
  let started = 0;
  let nextId = 1;
  let closed = false;
  const live = new Set<Slot>();

  function spawnSlot(): Slot {
    started++;
    const child = fork(fileURLToPath(WORKER_MODULE), [jobModule.href], {
      execArgv: childExecArgv(limits.maxHeapMb),
      // Its own process group, so a kill also reaches the tesseract processes it started.
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, CLAUSIER_ISOLATED: '1' },
    });
    const slot: Slot = { child, ready: Promise.resolve(), jobsDone: 0, stderrTail: '', exited: false };
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    slot.ready = new Promise((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if ('ready' in message) {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code, signal) => reject(new Error(`the reader process exited at start (${signal ?? `code ${code}`}): ${slot.stderrTail.trim().slice(-300)}`)));
    });
    slot.ready.catch(() => {});
    child.once('exit', () => {
      slot.exited = true;
      live.delete(slot);
    });
    live.add(slot);
    return slot;
  }

  function acquire(): Slot {
    for (;;) {
      const slot = idle.pop();
      if (!slot) return spawnSlot();
      if (!slot.exited) return slot;
    }
  }

  function release(slot: Slot, healthy: boolean): void {
    if (!healthy || slot.jobsDone >= limits.recycleAfter || closed) kill(slot);
    else idle.push(slot);
  }

  function pump(): void {
    while (!closed && running < limits.concurrency && queue.length > 0) {
      const waiting = queue.shift()!;
      running++;
      const slot = acquire();
      runOn(slot, waiting.job, waiting.args).then((outcome) => {
        running--;
        waiting.resolve(outcome);
        pump();
      });
    }
  }

  async function runOn(slot: Slot, job: string, args: unknown[]): Promise<IsolatedOutcome<unknown>> {
    try {
      await slot.ready;
    } catch (error) {
      release(slot, false);
      return failure('internal', `The isolated reader could not start: ${(error as Error).message}`);
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const { child } = slot;
      let settled = false;
      let overMemory = false;
      const finish = (outcome: IsolatedOutcome<unknown>, healthy: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        child.off('message', onMessage);
        child.off('exit', onExit);
        slot.jobsDone++;
        release(slot, healthy);
        resolve(outcome);
      };
      const onMessage = (message: FromChild) => {
        if ('ready' in message || message.id !== id) return;
        if ('extendMs' in message) {
          ocrPages++;
          deadline = Math.min(deadline + message.extendMs, startedAt + Math.max(limits.maxExtendedTimeoutMs, limits.timeoutMs));
          clearTimeout(timer);
          timer = setTimeout(onTimeout, Math.max(0, deadline - Date.now()));
          return;
        }
        if ('error' in message) finish(failure('internal', `Reading the file failed unexpectedly: ${message.error}`), false);
        else finish({ ok: true, value: message.value }, true);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (overMemory || /heap out of memory|Allocation failed|Reached heap limit|out of memory/i.test(slot.stderrTail)) {
          finish(outOfMemory(limits), false);
        } else {
          finish(failure('internal', `The reader process crashed (${signal ?? `exit code ${code}`}) on this file; it was skipped.`), false);
        }
      };
      const startedAt = Date.now();
      let deadline = startedAt + limits.timeoutMs;
      let ocrPages = 0;
      const onTimeout = () => {
        const why =
          ocrPages > 0
            ? `Reading the file (${ocrPages} page(s) sent to OCR) took longer than ${seconds(deadline - startedAt)} s and was stopped; raise --timeout for long scans.`
            : `Reading the file took longer than ${seconds(limits.timeoutMs)} s (--timeout) and was stopped; the file may be damaged or pathological.`;
        finish(failure('timeout', why), false);
      };
      let timer = setTimeout(onTimeout, limits.timeoutMs);
      const watchdog = setInterval(() => {
        void residentMiB(child.pid).then((rss) => {
          if (rss !== null && rss > limits.maxRssMb && !settled) {
            overMemory = true;
            finish(outOfMemory(limits), false);
          }
        });
      }, limits.memoryPollMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      const message: ToChild = { id, job, args };
      try {
        child.send(message);
      } catch (error) {
        finish(failure('internal', `The isolated reader could not be reached: ${(error as Error).message}`), false);
      }
    });
  }

  return {
    run<T>(job: string, args: unknown[]): Promise<IsolatedOutcome<T>> {
      if (closed) return Promise.resolve(failure('internal', 'The isolation pool is closed.'));
      return new Promise((resolve) => {
        queue.push({ job, args, resolve: resolve as Waiting['resolve'] });
        pump();
      });
    },
    get started() {
      return started;
    },
    async close() {
      closed = true;
      for (const waiting of queue.splice(0)) waiting.resolve(failure('internal', 'The isolation pool was closed before this file was read.'));
      const exits = [...live].map((slot) => new Promise<void>((resolve) => (slot.exited ? resolve() : slot.child.once('exit', () => resolve()))));
      for (const slot of live) kill(slot);
      await Promise.all(exits);
    },
  };
}

function kill(slot: Slot): void {
  if (slot.exited) return;
  const pid = slot.child.pid;
  try {
    // Negative pid: the whole process group (the child and any tesseract it spawned).
    if (pid !== undefined) process.kill(-pid, 'SIGKILL');
  } catch {
    slot.child.kill('SIGKILL');
  }
}

/** Source runs (tests, tsx) need tsx's loader in the child too; the built package runs plain JavaScript. */
function childExecArgv(maxHeapMb: number): string[] {
  const argv = [`--max-old-space-size=${maxHeapMb}`];
  if (import.meta.url.endsWith('.ts')) argv.push('--import', import.meta.resolve('tsx'));
  return argv;
}

/** Resident set size from /proc, MiB; null where /proc is not there (macOS, Windows) or the process is gone. */
async function residentMiB(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) / 1024;
  } catch {
    return null;
  }
}

function outOfMemory(limits: Required<IsolationLimits>): IsolatedOutcome<never> {
  return failure(
    'out-of-memory',
    `Reading the file needed more than the ${limits.maxRssMb} MiB memory limit and was stopped; the file may be pathological (a decompression bomb, a huge image).`,
  );
}

function failure(code: ExtractionProblem['code'], message: string): IsolatedOutcome<never> {
  return { ok: false, problem: { code, message } };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1);
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** `extractFile` run in the pool: same result shape, plus `timeout` / `out-of-memory` / `internal` when the child fails. */
export interface IsolatedExtractor {
  extractFile(path: string, options?: ExtractOptions): Promise<ExtractFileResult>;
  readonly started: number;
  close(): Promise<void>;
}

export function createIsolatedExtractor(limits: IsolationLimits = {}): IsolatedExtractor {
  const pool = createIsolationPool(limits);
  return {
    async extractFile(path, options = {}) {
      const outcome = await pool.run<ExtractFileResult>('extractFile', [path, options]);
      return outcome.ok ? outcome.value : { ok: false, problem: outcome.problem };
    },
    get started() {
      return pool.started;
    },
    close: () => pool.close(),
  };
}
