import type { OcrEngine, OcrEngineName } from './engine.js';
import { createSystemTesseractEngine, probeSystemTesseract } from './system-tesseract.js';
import { createTesseractJsEngine } from './tesseract-js.js';

/**
 * Which engine reads scans. `auto` takes the system `tesseract` when it is
 * installed with French and English data, because it measured faster
 * single-threaded (see docs/formats.md and `pnpm bench:ocr`), and falls back
 * to tesseract.js, which is always there. `CLAUSIER_OCR_ENGINE` forces one.
 */
export type OcrEnginePreference = 'auto' | OcrEngineName;

export function enginePreferenceFromEnv(env: NodeJS.ProcessEnv = process.env): OcrEnginePreference {
  const value = env.CLAUSIER_OCR_ENGINE?.trim().toLowerCase();
  if (value === 'tesseract' || value === 'system') return 'tesseract';
  if (value === 'tesseract.js' || value === 'tesseractjs' || value === 'wasm') return 'tesseract.js';
  return 'auto';
}

export async function createOcrEngine(preference: OcrEnginePreference = enginePreferenceFromEnv()): Promise<OcrEngine> {
  if (preference !== 'tesseract.js') {
    const system = await probeSystemTesseract();
    if (system) return createSystemTesseractEngine(system);
    if (preference === 'tesseract') {
      throw new Error('the system tesseract with French and English data is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)');
    }
  }
  return createTesseractJsEngine();
}

let shared: Promise<OcrEngine> | null = null;

/** One engine per process, created on the first scanned page and kept for the next files. */
export function sharedOcrEngine(): Promise<OcrEngine> {
  if (!shared) {
    shared = createOcrEngine();
    shared.catch(() => {
      shared = null; // let a later file try again rather than caching the failure
    });
  }
  return shared;
}

export async function closeSharedOcrEngine(): Promise<void> {
  const engine = shared;
  shared = null;
  if (engine) await (await engine.catch(() => null))?.close();
}
