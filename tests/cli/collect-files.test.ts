import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../packages/cli/src/collect-files.js';
import { DEFAULT_EXCLUDES } from '@clausier/core';
import { workspace } from './helpers.js';

/** The folder walk: what is taken, in which order, and what is skipped. */

function tree(): string {
  const root = workspace('clausier-walk-');
  const files = [
    'contrats/b.PDF',
    'contrats/a.docx',
    'contrats/notes.json',
    'contrats/archives/vieux.pdf',
    'contrats/annexes/annexe-1.odt',
    'contrats/~$a.docx',
    'contrats/.~lock.a.docx#',
    'contrats/node_modules/x.pdf',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  return root;
}

const options = (root: string, extra: Partial<Parameters<typeof collectFiles>[1]> = {}) => ({
  cwd: root,
  include: [],
  exclude: DEFAULT_EXCLUDES,
  globBase: root,
  ...extra,
});

describe('collectFiles', () => {
  it('walks recursively for contract extensions (any case), sorted, skipping lock files and tool folders', async () => {
    const root = tree();
    const { files } = await collectFiles(['contrats'], options(root));
    expect(files.map((f) => f.display)).toEqual(['contrats/a.docx', 'contrats/annexes/annexe-1.odt', 'contrats/archives/vieux.pdf', 'contrats/b.PDF']);
    expect(files[0]!.path).toBe(join(root, 'contrats/a.docx'));
  });

  it('applies include and exclude globs relative to the config folder; named files are always taken', async () => {
    const root = tree();
    const walked = await collectFiles(['contrats'], options(root, { exclude: [...DEFAULT_EXCLUDES, '**/archives/**'], include: ['contrats/**/*.{pdf,PDF,odt}'] }));
    expect(walked.files.map((f) => f.display)).toEqual(['contrats/annexes/annexe-1.odt', 'contrats/b.PDF']);
    const named = await collectFiles(['contrats/notes.json', 'contrats/archives/vieux.pdf'], options(root, { exclude: ['**/archives/**'] }));
    expect(named.files.map((f) => f.display)).toEqual(['contrats/archives/vieux.pdf', 'contrats/notes.json']);
  });

  it('follows a symlinked folder once, keeps broken links, and lists a file reached twice once', async () => {
    const root = tree();
    symlinkSync(join(root, 'contrats'), join(root, 'contrats', 'annexes', 'retour')); // a loop
    symlinkSync(join(root, 'contrats', 'nulle-part.pdf'), join(root, 'contrats', 'casse.pdf'));
    const { files } = await collectFiles(['contrats', 'contrats/a.docx'], options(root));
    expect(files.map((f) => f.display)).toEqual([
      'contrats/a.docx',
      'contrats/annexes/annexe-1.odt',
      'contrats/archives/vieux.pdf',
      'contrats/b.PDF',
      'contrats/casse.pdf',
    ]);
  });

  it('a path that does not exist is a usage error', async () => {
    const root = tree();
    await expect(collectFiles(['contrats', 'absent'], options(root))).rejects.toThrow('no such file or folder: absent');
  });

  it('shows paths outside the working directory as absolute', async () => {
    const root = tree();
    const { files } = await collectFiles([join(root, 'contrats/a.docx')], options(root, { cwd: join(root, 'contrats/annexes') }));
    expect(files[0]!.display).toBe(join(root, 'contrats/a.docx'));
  });
});
