import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { OCR_LANGUAGES, type OcrEngine } from './engine.js';

/**
 * tesseract.js (Tesseract compiled to WebAssembly), always available since it
 * ships with the package. The language data comes from the
 * `@tesseract.js-data/*` npm packages, read from a local `langPath`, so nothing
 * is fetched from a CDN (`cacheMethod: 'none'` also keeps it from writing a
 * cache into the working directory).
 * `4.0.0_best_int` is the LSTM-only integer model: smaller and faster than the
 * full legacy+LSTM data, with the same LSTM accuracy.
 */

const require = createRequire(import.meta.url);
const MODEL_DIR = '4.0.0_best_int';

function languageFile(code: string): string {
  const packageDir = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return join(packageDir, MODEL_DIR, `${code}.traineddata.gz`);
}

/**
 * tesseract.js takes one `langPath` for all languages, and each language ships
 * in its own package, so a temporary folder links them side by side.
 */
async function linkLanguageData(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clausier-tessdata-'));
  await Promise.all(OCR_LANGUAGES.map((code) => symlink(languageFile(code), join(dir, `${code}.traineddata.gz`))));
  return dir;
}

export async function createTesseractJsEngine(): Promise<OcrEngine> {
  const langPath = await linkLanguageData();
  const version = (require('tesseract.js/package.json') as { version: string }).version;
  const worker = await createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    // The default handler prints to the console; failures reach us as rejected promises.
    errorHandler: () => {},
  }).finally(() => rm(langPath, { recursive: true, force: true }));
  return {
    name: 'tesseract.js',
    description: `tesseract.js ${version}`,
    async recognize(png, dpi) {
      // The library's default layout mode is one uniform block (PSM 6), which reads straight
      // across two columns; the tesseract command line defaults to automatic layout (PSM 3).
      await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)), tessedit_pageseg_mode: PSM.AUTO });
      const { data } = await worker.recognize(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      return { text: data.text.trim(), confidence: Math.round(data.confidence * 10) / 10 };
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
