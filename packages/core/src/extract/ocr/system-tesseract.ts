import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { OCR_LANGUAGES, type OcrEngine, type OcrPageText } from './engine.js';
import { pageTextFromTsv } from './tsv.js';

/**
 * The system `tesseract` (Debian `tesseract-ocr` + `tesseract-ocr-fra`), run
 * once per page on stdin/stdout. One thread per process
 * (`OMP_THREAD_LIMIT=1`): pages of different files already run side by side
 * in the isolation pool, and OpenMP threads only fight over the same cores.
 */

const run = promisify(execFile);
const COMMAND = process.env.CLAUSIER_TESSERACT ?? 'tesseract';

export interface SystemTesseractInfo {
  version: string;
  languages: string[];
}

/** Null when the command is missing or lacks French or English data. */
export async function probeSystemTesseract(): Promise<SystemTesseractInfo | null> {
  try {
    const [version, langs] = await Promise.all([
      run(COMMAND, ['--version'], { timeout: 10_000 }),
      run(COMMAND, ['--list-langs'], { timeout: 10_000 }),
    ]);
    const languages = `${langs.stdout}\n${langs.stderr}`
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[a-z_]+$/i.test(line));
    if (!OCR_LANGUAGES.every((lang) => languages.includes(lang))) return null;
    const versionLine = `${version.stdout}${version.stderr}`.split('\n')[0]?.trim() ?? 'tesseract';
    return { version: versionLine, languages };
  } catch {
    return null;
  }
}

export function createSystemTesseractEngine(info: SystemTesseractInfo): OcrEngine {
  return {
    name: 'tesseract',
    description: info.version,
    recognize: (png, dpi) => recognizeWithSystemTesseract(png, dpi),
    close: async () => {},
  };
}

function recognizeWithSystemTesseract(png: Uint8Array, dpi: number): Promise<OcrPageText> {
  return new Promise((resolve, reject) => {
    const child = spawn(COMMAND, ['stdin', 'stdout', '-l', OCR_LANGUAGES.join('+'), '--psm', '3', '--dpi', String(Math.round(dpi)), 'tsv'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // an early exit closes the pipe; the exit code tells why
    child.on('close', (code) => {
      if (code === 0) resolve(pageTextFromTsv(Buffer.concat(out).toString('utf8')));
      else reject(new Error(`tesseract exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().slice(0, 300)}`));
    });
    child.stdin.end(png);
  });
}
