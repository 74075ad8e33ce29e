import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findSources } from '../fixtures/discover.js';
import { EXTENSION, renderFixture } from '../fixtures/render.js';
import { parseSource, type OutputFormat, type Source } from '../fixtures/source.js';
import { PageCounter } from './page-count.js';
import { pick, seededRandom } from './random.js';
import { establishmentFor, varySource } from './vary-source.js';

/** One generated bench contract. */
export interface BenchContract {
  path: string;
  format: OutputFormat;
  /** A4 pages of the fixture layout (exact for PDF; what the text would fill for the others). */
  pages: number;
  bytes: number;
}

export interface Corpus {
  dir: string;
  contracts: BenchContract[];
  seconds: number;
}

/** Mostly PDF, as in real hospital procurement folders: 70 % PDF, 12 % DOCX, 10 % ODT, 8 % TXT. */
const FORMAT_MIX: readonly OutputFormat[] = [
  ...Array<OutputFormat>(35).fill('pdf'), ...Array<OutputFormat>(6).fill('docx'),
  ...Array<OutputFormat>(5).fill('odt'), ...Array<OutputFormat>(4).fill('txt'),
];
const MIN_PAGES = 5;
const MAX_PAGES = 40;

/** Generates `count` contracts from fixtures/sources/contracts into `dir`. Deterministic for a given count. */
export async function generateCorpus(fixturesDir: string, dir: string, count: number, onProgress?: (done: number) => void): Promise<Corpus> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const sources = await loadSources(fixturesDir);
  const counter = new PageCounter();
  const basePages = new Map<string, number>();
  const random = seededRandom(20251128 + count);
  const contracts: BenchContract[] = [];

  for (let index = 0; index < count; index++) {
    const { name, source } = sources[index % sources.length];
    const format = pick(random, FORMAT_MIX);
    const targetPages = MIN_PAGES + Math.floor(random() * (MAX_PAGES - MIN_PAGES + 1));
    if (!basePages.has(name)) basePages.set(name, await counter.pages(source));
    // Each copy starts on a new page, so pages grow by about basePages per copy.
    const copies = Math.max(1, Math.round(targetPages / basePages.get(name)!));
    const variant = varySource(source, { index, format, establishment: establishmentFor(index), copies });
    const bytes = await renderFixture(variant, name);
    const path = join(dir, `${String(index).padStart(5, '0')}-${name}.${EXTENSION[format]}`);
    await writeFile(path, bytes);
    contracts.push({ path, format, pages: await counter.pages(variant), bytes: bytes.length });
    onProgress?.(index + 1);
  }
  return { dir, contracts, seconds: (performance.now() - started) / 1000 };
}

async function loadSources(fixturesDir: string): Promise<{ name: string; source: Source }[]> {
  const files = await findSources(fixturesDir, 'contracts');
  if (files.length === 0) throw new Error(`no sources under ${fixturesDir}/sources/contracts`);
  return Promise.all(files.map(async (f) => ({ name: f.name, source: parseSource(await readFile(f.path, 'utf8'), f.path) })));
}
