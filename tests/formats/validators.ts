import { accessSync, constants, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Independent readers for the formats: the official SARIF 2.1.0 schema (shipped
 * by Microsoft's @microsoft/sarif-multitool platform package, which is also the
 * validator binary) and helpers shared by the format, CLI and CI tests.
 */

const require = createRequire(import.meta.url);

/** Directory of the multitool's platform package (it ships `sarif-2.1.0.json` and the binary). */
function multitoolPackageDir(): string {
  const front = dirname(require.resolve('@microsoft/sarif-multitool/package.json'));
  const platformRequire = createRequire(join(front, 'package.json'));
  return dirname(platformRequire.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
}

export function officialSarifSchema(): object {
  return JSON.parse(readFileSync(join(multitoolPackageDir(), 'sarif-2.1.0.json'), 'utf8'));
}

let validateSarifSchema: ReturnType<Ajv2020['compile']> | undefined;

/** Schema errors of a SARIF log, as readable strings (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validateSarifSchema) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    validateSarifSchema = ajv.compile(officialSarifSchema());
  }
  if (validateSarifSchema(log)) return [];
  return (validateSarifSchema.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/**
 * Runs `Sarif.Multitool validate` with the SARIF and GitHub (GH) rule sets. It
 * exits 0 even when it finds errors, so errors are read from its output.
 * Returns `skipped` (with the reason) when the multitool cannot run here.
 * pnpm does not run the package's postinstall (`chmod u+x`), so an executable
 * copy is made in a temp dir when needed.
 */
export function runMultitoolValidate(sarifText: string): { ok: boolean; errors: string[]; output: string } | { skipped: string } {
  let binary: string;
  try {
    binary = join(multitoolPackageDir(), process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  } catch (error) {
    return { skipped: `@microsoft/sarif-multitool for ${process.platform} is not installed (${(error as Error).message})` };
  }
  const work = mkdtempSync(join(tmpdir(), 'clausier-sarif-'));
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    const copy = join(work, 'Sarif.Multitool');
    copyFileSync(binary, copy, constants.COPYFILE_FICLONE);
    spawnSync('chmod', ['u+x', copy]);
    binary = copy;
  }
  const input = join(work, 'report.sarif');
  const output = join(work, 'validation.sarif');
  writeFileSync(input, sarifText);
  const run = spawnSync(binary, ['validate', input, '--output', output, '--level', 'Error', 'Warning', 'Note', '--rule-kind', 'Sarif', 'Gh'], {
    encoding: 'utf8',
    timeout: 120_000,
    // The self-contained .NET binary needs ICU or the invariant mode; the invariant mode is enough here.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: process.env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT ?? '1' },
  });
  if (run.error) return { skipped: `Sarif.Multitool could not start: ${run.error.message}` };
  const text = `${run.stdout}\n${run.stderr}`;
  const errors = text.split('\n').filter((line) => /\): error [A-Z]+\d+:/.test(line));
  return { ok: run.status === 0 && errors.length === 0, errors, output: text };
}
