import { describe, expect, it, vi } from 'vitest';

// Root (CI, this sandbox) reads any file, so permission errors are simulated at the fs layer.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const denied = () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
  return { ...actual, lstat: denied };
});

describe('readInputFile without permission', () => {
  it('says unreadable for EACCES', async () => {
    const { readInputFile } = await import('./read-file.js');
    const result = await readInputFile('/some/protected/contract.pdf');
    expect(result).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
    if (!result.ok) expect(result.problem.message).toMatch(/permission denied/);
  });
});
