/**
 * Regenerates the fixture contracts from their sources (see docs/fixtures.md):
 *
 *   pnpm fixtures                         every set
 *   pnpm fixtures --set contracts         one set (contracts | eval/dev | eval/heldout)
 *   pnpm fixtures --only fr-dpi-maintenance-chu
 *
 * Each fixtures/sources/<set>/**\/<name>.md becomes fixtures/<set>/<name>.<ext>,
 * and the author's <name>.expected.yaml beside it is copied next to the output.
 */
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETS, findSources } from './fixtures/discover.js';
import { EXTENSION, renderFixture } from './fixtures/render.js';
import { parseSource } from './fixtures/source.js';
import { hasPdftotext, verifyPdfTextLayer } from './fixtures/verify-pdf.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');

interface Options {
  sets: string[];
  only: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sets: [...SETS], only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--set' && value) {
      if (!(SETS as readonly string[]).includes(value)) throw new Error(`unknown set "${value}" (${SETS.join(', ')})`);
      options.sets = [value];
      i++;
    } else if (arg === '--only' && value) {
      options.only = value.replace(/\.md$/, '');
      i++;
    } else {
      throw new Error(`unknown argument "${arg}". Usage: build-fixtures [--set <set>] [--only <name>]`);
    }
  }
  return options;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Writes only when the bytes changed, so an unchanged fixture keeps its mtime. */
async function writeIfChanged(path: string, bytes: Uint8Array): Promise<boolean> {
  const previous = await readFile(path).catch(() => null);
  if (previous && Buffer.compare(previous, Buffer.from(bytes)) === 0) return false;
  await writeFile(path, bytes);
  return true;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const canVerifyPdf = await hasPdftotext();
  if (!canVerifyPdf) console.warn('pdftotext not found: PDF text layers are not checked (apt-get install poppler-utils)');
  let built = 0;
  const problems: string[] = [];

  for (const set of options.sets) {
    const outputDir = join(FIXTURES, set);
    const seen = new Map<string, string>();
    for (const { name, path: sourcePath } of await findSources(FIXTURES, set)) {
      const where = relative(ROOT, sourcePath);
      const clash = seen.get(name);
      if (clash) throw new Error(`${where}: same name as ${clash}; outputs of a set share one folder`);
      seen.set(name, where);
      if (options.only && options.only !== name) continue;

      const source = parseSource(await readFile(sourcePath, 'utf8'), where);
      const bytes = await renderFixture(source, name);
      await mkdir(outputDir, { recursive: true });
      const output = join(outputDir, `${name}.${EXTENSION[source.meta.format]}`);
      const changed = await writeIfChanged(output, bytes);

      const expected = join(dirname(sourcePath), `${name}.expected.yaml`);
      if (await exists(expected)) await copyFile(expected, join(outputDir, `${name}.expected.yaml`));
      else problems.push(`${where}: no ${name}.expected.yaml beside the source`);

      let check = '';
      if (source.meta.format === 'pdf' && canVerifyPdf) {
        const pdfProblems = await verifyPdfTextLayer(bytes, source);
        problems.push(...pdfProblems.map((p) => `${relative(ROOT, output)}: ${p}`));
        check = pdfProblems.length === 0 ? ', text layer ok' : `, ${pdfProblems.length} text-layer problem(s)`;
      }
      const engine = source.meta.format === 'pdf' ? ` ${source.meta.engine}` : '';
      console.log(`${changed ? 'wrote    ' : 'unchanged'} ${relative(ROOT, output)} (${source.meta.format}${engine}, ${bytes.length} bytes${check})`);
      built++;
    }
  }

  if (options.only && built === 0) throw new Error(`no source named "${options.only}" in ${options.sets.join(', ')}`);
  console.log(`${built} fixture(s) built`);
  if (problems.length > 0) {
    console.error(problems.map((p) => `  ${p}`).join('\n'));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
