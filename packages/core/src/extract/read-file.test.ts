import { chmod, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile } from './read-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clausier-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readInputFile', () => {
  it('reads a file', async () => {
    await writeFile(join(dir, 'ok.txt'), 'Contrat');
    const result = await readInputFile(join(dir, 'ok.txt'));
    expect(result.ok && Buffer.from(result.bytes).toString()).toBe('Contrat');
  });

  it('says not-found, empty, broken-link and unreadable for a directory', async () => {
    expect(await readInputFile(join(dir, 'absent.pdf'))).toMatchObject({ ok: false, problem: { code: 'not-found' } });
    await writeFile(join(dir, 'empty.pdf'), '');
    expect(await readInputFile(join(dir, 'empty.pdf'))).toMatchObject({ ok: false, problem: { code: 'empty' } });
    await symlink(join(dir, 'nowhere.pdf'), join(dir, 'dangling.pdf'));
    expect(await readInputFile(join(dir, 'dangling.pdf'))).toMatchObject({ ok: false, problem: { code: 'broken-link' } });
    await mkdir(join(dir, 'folder.pdf'));
    expect(await readInputFile(join(dir, 'folder.pdf'))).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
  });

  it('refuses an oversized file from its size, without reading it', async () => {
    // A sparse 2 GiB file: reading it would take seconds and gigabytes; stat says no at once.
    const handle = await open(join(dir, 'huge.pdf'), 'w');
    await handle.truncate(2 * 1024 * 1024 * 1024);
    await handle.close();
    const started = performance.now();
    expect(await readInputFile(join(dir, 'huge.pdf'), 1024 * 1024)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.skipIf(process.getuid?.() === 0)('says unreadable when permission is denied', async () => {
    await writeFile(join(dir, 'secret.pdf'), 'x');
    await chmod(join(dir, 'secret.pdf'), 0o000);
    expect(await readInputFile(join(dir, 'secret.pdf'))).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
  });
});
