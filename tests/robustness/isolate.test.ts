import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIsolationPool } from '../../packages/core/src/extract/isolate.js';

const jobModule = new URL('./jobs/hostile-jobs.ts', import.meta.url);
const pool = createIsolationPool({ jobModule, timeoutMs: 4_000, maxHeapMb: 128, maxRssMb: 300, recycleAfter: 3, concurrency: 2 });
// Own pool for memory tests: a heap filling up slows down (GC) before it fails, more so on a loaded machine.
const memoryPool = createIsolationPool({ jobModule, timeoutMs: 60_000, maxHeapMb: 64, maxRssMb: 300 });
const work = mkdtempSync(join(tmpdir(), 'clausier-isolate-'));
afterAll(async () => {
  await Promise.all([pool.close(), memoryPool.close()]);
  rmSync(work, { recursive: true, force: true });
});

/** A killed process may linger as a zombie until reaped: that counts as dead. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

describe('isolation pool', () => {
  it('returns a job value through IPC, Uint8Array included', async () => {
    const value = { text: 'Sécurité 🔒', bytes: new Uint8Array([1, 2, 3]) };
    expect(await pool.run('echo', [value])).toEqual({ ok: true, value });
  });

  it('stops an endless loop at the time limit as `timeout` and goes on', { timeout: 20_000 }, async () => {
    const started = Date.now();
    const outcome = await pool.run('spinForever', []);
    expect(outcome).toMatchObject({ ok: false, problem: { code: 'timeout', message: expect.stringContaining('longer than 4 s') } });
    expect(Date.now() - started).toBeLessThan(15_000); // the limit plus a loaded machine's start-up, not forever
    expect(await pool.run('echo', ['next'])).toEqual({ ok: true, value: 'next' });
  });

  it('extends the deadline for each page sent to OCR, up to a ceiling', { timeout: 30_000 }, async () => {
    // 3 pages of 2 s each: over the 4 s limit, within it once each page adds its budget.
    expect(await pool.run('slowPages', [3, 2_000])).toEqual({ ok: true, value: 'read' });
    const capped = createIsolationPool({ jobModule, timeoutMs: 1_000, maxExtendedTimeoutMs: 3_000 });
    try {
      expect(await capped.run('slowPages', [10, 1_000])).toMatchObject({
        ok: false,
        problem: { code: 'timeout', message: expect.stringMatching(/page\(s\) sent to OCR\) took longer than 3 s.*--timeout/) },
      });
    } finally {
      await capped.close();
    }
  });

  it('reports a V8 heap exhaustion as `out-of-memory`', { timeout: 90_000 }, async () => {
    expect(await memoryPool.run('exhaustHeap', [])).toMatchObject({ ok: false, problem: { code: 'out-of-memory' } });
  });

  it('reports native memory growth past the RSS cap as `out-of-memory`', { timeout: 90_000 }, async (context) => {
    if (process.platform !== 'linux') return context.skip('the RSS watchdog reads /proc (Linux only)');
    expect(await memoryPool.run('exhaustNativeMemory', [])).toMatchObject({ ok: false, problem: { code: 'out-of-memory' } });
  });

  it('reports a crash or a thrown error as `internal`, and replaces the child', { timeout: 20_000 }, async () => {
    expect(await pool.run('crash', [])).toMatchObject({ ok: false, problem: { code: 'internal', message: expect.stringContaining('SIGSEGV') } });
    expect(await pool.run('throwError', [])).toMatchObject({ ok: false, problem: { code: 'internal', message: expect.stringContaining('reader bug') } });
    expect(await pool.run('echo', [1])).toEqual({ ok: true, value: 1 });
  });

  it('kills the grandchildren of a timed-out child', { timeout: 20_000 }, async (context) => {
    if (process.platform !== 'linux') return context.skip('reads /proc to see the grandchild');
    const pidFile = join(work, 'sleeper.pid');
    expect(await pool.run('hangWithGrandchild', [pidFile])).toMatchObject({ ok: false, problem: { code: 'timeout' } });
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    expect(await waitUntilDead(sleeper, 3_000)).toBe(true);
  });

  it('reuses children and recycles them after `recycleAfter` jobs', { timeout: 20_000 }, async () => {
    const reuse = createIsolationPool({ jobModule, recycleAfter: 3, concurrency: 1 });
    try {
      const pids: number[] = [];
      for (let i = 0; i < 7; i++) {
        const outcome = await reuse.run<number>('pid', []);
        if (outcome.ok) pids.push(outcome.value);
      }
      expect(pids).toHaveLength(7);
      expect(new Set(pids.slice(0, 3)).size).toBe(1);
      expect(new Set(pids).size).toBe(3);
      expect(reuse.started).toBe(3);
    } finally {
      await reuse.close();
    }
  });

  it('runs jobs side by side up to `concurrency`', { timeout: 20_000 }, async () => {
    const outcomes = await Promise.all([pool.run('spinForever', []), pool.run('echo', ['a']), pool.run('echo', ['b'])]);
    expect(outcomes.map((o) => (o.ok ? o.value : o.problem.code))).toEqual(['timeout', 'a', 'b']);
  });
});
