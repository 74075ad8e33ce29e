/**
 * A one-line progress bar on stderr: done/total, the file being read, elapsed
 * time and an estimate of the time left. Only when stderr is a terminal and
 * --quiet is not set; otherwise every call is a no-op, so CI logs stay clean.
 */
export interface Progress {
  started(file: string): void;
  finished(file: string): void;
  /** Erases the bar before something else is written to the same terminal. */
  clear(): void;
  /** Draws it again after such a write. */
  redraw(): void;
  stop(): void;
}

const NOOP: Progress = { started() {}, finished() {}, clear() {}, redraw() {}, stop() {} };

/** Redraws at most this often, milliseconds: a terminal cannot show more and it costs CPU. */
const MIN_REDRAW_MS = 100;

export function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

export function createProgress(options: { stream: NodeJS.WriteStream; enabled: boolean; total: number; now?: () => number }): Progress {
  if (!options.enabled || options.total === 0) return NOOP;
  const { stream, total } = options;
  const now = options.now ?? Date.now;
  const start = now();
  const running = new Set<string>();
  let done = 0;
  let shown = false;
  let lastDraw = 0;

  const line = () => {
    const elapsed = now() - start;
    const width = 20;
    const filled = Math.round((done / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    // ETA from the mean time per finished file, so parallel jobs are accounted for.
    const eta = done > 0 && done < total ? ` ETA ${clock((elapsed / done) * (total - done))}` : '';
    const current = [...running].at(-1) ?? '';
    const columns = stream.columns ?? 80;
    const head = `${bar} ${done}/${total} ${clock(elapsed)}${eta} `;
    const room = Math.max(0, columns - head.length - 1);
    const name = current.length > room ? `…${current.slice(current.length - room + 1)}` : current;
    return `${head}${name}`;
  };
  const draw = (force = false) => {
    const t = now();
    if (!force && t - lastDraw < MIN_REDRAW_MS) return;
    lastDraw = t;
    stream.write(`\r\u001b[2K${line()}`);
    shown = true;
  };
  return {
    started(file) {
      running.add(file);
      draw();
    },
    finished(file) {
      running.delete(file);
      done += 1;
      draw(done === total);
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
    redraw() {
      draw(true);
    },
    stop() {
      this.clear();
    },
  };
}
