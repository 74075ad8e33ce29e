/**
 * Jobs that misbehave on purpose, run in isolation children by
 * isolate.test.ts: each stands for what a pathological file can make a reader do.
 */

export function echo(value: unknown): unknown {
  return value;
}

export function pid(): number {
  return process.pid;
}

/** A parser stuck in a loop that never yields. */
export function spinForever(): never {
  for (;;) {
    // busy: no await, no timer can interrupt it in-process
  }
}

/** A parser that keeps every object it builds (an entity expansion, a huge page tree). */
export function exhaustHeap(): never {
  const kept: unknown[] = [];
  for (;;) kept.push({ index: kept.length, text: `chunk ${kept.length}`.repeat(16) });
}

/** Native memory outside the V8 heap (a rendered bitmap, a WebAssembly heap). */
export async function exhaustNativeMemory(): Promise<never> {
  const kept: Buffer[] = [];
  for (;;) {
    kept.push(Buffer.alloc(32 * 1024 * 1024, 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function crash(): never {
  process.kill(process.pid, 'SIGSEGV');
  throw new Error('unreachable');
}

export function throwError(): never {
  throw new TypeError('reader bug');
}

/** Starts a grandchild (like the system tesseract) and hangs; the kill must reach the grandchild too. */
export async function hangWithGrandchild(pidFile: string): Promise<never> {
  const { spawn } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
  writeFileSync(pidFile, String(sleeper.pid));
  return new Promise<never>(() => {});
}

/** Legitimately slow work that announces each page, like OCR of a long scan. */
export async function slowPages(pages: number, msPerPage: number): Promise<string> {
  const { announceOcrPage } = await import('../../../packages/core/src/extract/ocr/budget.js');
  for (let page = 0; page < pages; page++) {
    announceOcrPage();
    await new Promise((resolve) => setTimeout(resolve, msPerPage));
  }
  return 'read';
}
