import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIsolationPool } from '../../packages/core/src/extract/isolate.js';
import { FUZZ_JOBS, fuzzExtractors, mutate, seedFiles, violation } from '../../scripts/fuzz-extractors.js';

/**
 * A short, bounded version of `pnpm fuzz`: mutated and random bytes never make
 * an extractor throw, crash, hang or answer `internal`. A fixed seed keeps CI
 * reproducible; `pnpm fuzz` explores new seeds.
 */

const pool = createIsolationPool({ jobModule: FUZZ_JOBS, timeoutMs: 15_000, recycleAfter: 500, concurrency: 2 });
afterAll(() => pool.close());

describe('extractor fuzzing', () => {
  it('mutation helpers are deterministic and do mutate', async () => {
    const [seed] = await seedFiles();
    const mutations = [{ kind: 'flip' as const, at: 0.5, value: 0 }, { kind: 'truncate' as const, at: 0.9 }];
    expect(mutate(seed!.bytes, mutations)).toEqual(mutate(seed!.bytes, mutations));
    expect(mutate(seed!.bytes, mutations).length).toBeLessThan(seed!.bytes.length);
  });

  it('the property notices a crash, a hang and an internal error', () => {
    expect(violation({ ok: false, problem: { code: 'timeout', message: 'slow' } })).toMatch(/timeout/);
    expect(violation({ ok: true, value: { ok: false, problem: { code: 'internal', message: 'bug in clausier' } } })).toMatch(/internal/);
    expect(violation({ ok: true, value: { ok: false, problem: { code: 'corrupt', message: 'The PDF is damaged.' } } })).toBeNull();
  });

  it('every seed is read when intact', async () => {
    for (const seed of await seedFiles()) {
      const outcome = await pool.run('extractAs', [seed.format, seed.bytes, { ocr: false }]);
      expect(outcome, seed.format).toMatchObject({ ok: true, value: { ok: true } });
    }
  });

  it('150 mutated or random inputs: no throw, crash, hang or internal error', { timeout: 240_000 }, async () => {
    const details = await fuzzExtractors({ runs: 150, seed: 20251128, ocr: false, timeoutMs: 15_000 }, pool);
    expect(details.failed, fc.defaultReportMessage(details) ?? '').toBe(false);
    expect(details.numRuns).toBe(150);
  });
});
