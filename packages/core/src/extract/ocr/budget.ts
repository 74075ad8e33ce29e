/**
 * Time budget for OCR. A per-file time limit sized for reading text (seconds)
 * cannot also fit a 40-page scan (seconds per page), so each page sent to OCR
 * announces itself here, and the isolation child (isolate-worker.ts) asks its
 * parent to extend that file's deadline by one page's budget.
 */

/** Extra wall-clock time per OCR'd page, milliseconds: about 10x one page's CPU time on a loaded machine. */
export const OCR_PAGE_BUDGET_MS = 60_000;

type Listener = (extraMs: number) => void;
let listener: Listener | null = null;

/** Set by the isolation child; null (nothing to extend) when extraction runs in-process. */
export function onOcrPage(callback: Listener | null): void {
  listener = callback;
}

export function announceOcrPage(): void {
  listener?.(OCR_PAGE_BUDGET_MS);
}
