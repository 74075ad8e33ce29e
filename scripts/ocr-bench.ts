/**
 * OCR speed, pages per second, for each engine installed here, one thread
 * each (tesseract.js is one WebAssembly worker; the system tesseract runs with
 * OMP_THREAD_LIMIT=1), on real contract pages rendered at 300 dpi. Rendering is
 * timed apart: it is the same for both engines.
 *
 *   npx tsx scripts/ocr-bench.ts [file.pdf] [--pages 4]      (pnpm bench:ocr)
 *
 * Both wall-clock pages/s and CPU seconds per page are printed: on a loaded
 * machine the wall clock mostly measures the other processes, while CPU time
 * (this process and its threads for tesseract.js, the waited-for children for
 * the system tesseract, from /proc/self/stat) does not.
 *
 * The faster engine is the default when both are there (extract/ocr/choose-engine.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrEngine } from '../packages/core/src/extract/ocr/engine.js';
import { openPageRenderer, type RenderedPage } from '../packages/core/src/extract/ocr/render-pages.js';
import { createSystemTesseractEngine, probeSystemTesseract } from '../packages/core/src/extract/ocr/system-tesseract.js';
import { createTesseractJsEngine } from '../packages/core/src/extract/ocr/tesseract-js.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const pagesFlag = args.indexOf('--pages');
const pageCount = pagesFlag >= 0 ? Number(args[pagesFlag + 1]) : 4;
const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--pages') ?? resolve(ROOT, 'fixtures/contracts/fr-dpi-maintenance-chu.pdf');

const pdf = readFileSync(file);
const renderStarted = performance.now();
const renderer = await openPageRenderer(pdf);
const pages: RenderedPage[] = [];
try {
  for (let n = 1; pages.length < pageCount; n++) {
    try {
      pages.push(await renderer.render(n));
    } catch {
      break; // past the last page
    }
  }
} finally {
  await renderer.close();
}
const renderSeconds = (performance.now() - renderStarted) / 1000;
console.log(`${file}: ${pages.length} page(s) rendered at 300 dpi in ${renderSeconds.toFixed(1)} s (${(pages.length / renderSeconds).toFixed(2)} pages/s)`);

interface BenchResult {
  engine: string;
  startSeconds: number;
  pagesPerSecond: number;
  cpuSecondsPerPage: number;
  meanConfidence: number;
  characters: number;
}

async function bench(makeEngine: () => Promise<OcrEngine>): Promise<BenchResult> {
  const started = performance.now();
  const engine = await makeEngine();
  const startSeconds = (performance.now() - started) / 1000;
  try {
    // One warm-up page so that start-up costs are not counted as reading speed.
    await engine.recognize(pages[0]!.png, pages[0]!.dpi);
    const t0 = performance.now();
    const cpu0 = cpuSeconds();
    let confidence = 0;
    let characters = 0;
    for (const page of pages) {
      const result = await engine.recognize(page.png, page.dpi);
      confidence += result.confidence;
      characters += result.text.length;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpuSecondsPerPage = (cpuSeconds() - cpu0) / pages.length;
    return { engine: engine.description, startSeconds, pagesPerSecond: pages.length / seconds, cpuSecondsPerPage, meanConfidence: confidence / pages.length, characters };
  } finally {
    await engine.close();
  }
}

/** This process (all threads) plus its waited-for children, seconds; /proc on Linux, own CPU elsewhere. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 per second).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // not Linux: children's CPU is not counted
  }
  return (own.user + own.system) / 1e6 + children;
}

const results: BenchResult[] = [await bench(createTesseractJsEngine)];
const system = await probeSystemTesseract();
if (system) results.push(await bench(async () => createSystemTesseractEngine(system)));
else console.log('system tesseract (with fra+eng data) not installed: apt-get install tesseract-ocr tesseract-ocr-fra');

for (const r of results) {
  console.log(
    `${r.engine.padEnd(24)} ${r.pagesPerSecond.toFixed(2)} pages/s wall, ${r.cpuSecondsPerPage.toFixed(2)} CPU s/page (${(1 / r.cpuSecondsPerPage).toFixed(2)} pages per CPU second), start ${r.startSeconds.toFixed(1)} s, ` +
      `mean confidence ${r.meanConfidence.toFixed(0)}, ${r.characters} characters)`,
  );
}
if (results.length === 2) {
  const [js, sys] = results as [BenchResult, BenchResult];
  const faster = sys.cpuSecondsPerPage <= js.cpuSecondsPerPage ? sys : js;
  const ratio = Math.max(sys.cpuSecondsPerPage, js.cpuSecondsPerPage) / Math.min(sys.cpuSecondsPerPage, js.cpuSecondsPerPage);
  console.log(`faster per CPU second: ${faster.engine} (${ratio.toFixed(2)}x)`);
}
