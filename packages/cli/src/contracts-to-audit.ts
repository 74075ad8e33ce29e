import type { Settings } from '@clausier/core';
import { collectFiles, type ContractFile, type WalkProblem } from './collect-files.js';
import { checkOutputPath } from './sink.js';

/**
 * The contracts a command works on: the paths walked under the configured
 * include/exclude globs, refused when `--output` would overwrite one of them.
 * Shared by `audit` and `baseline`.
 */
export async function contractsToAudit(
  paths: readonly string[],
  settings: Settings,
  cwd: string,
): Promise<{ files: ContractFile[]; problems: readonly WalkProblem[] }> {
  const collected = await collectFiles(paths, {
    cwd,
    include: settings.include,
    exclude: settings.exclude,
    globBase: settings.globBase,
  });
  const files = settings.output ? await checkOutputPath(settings.output, collected.files) : [...collected.files];
  return { files, problems: collected.problems };
}
