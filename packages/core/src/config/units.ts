/** Sizes and durations as people write them in a config file or a flag. */

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** "50MB" → 50 000 000, "50MiB"/"50M" → 52 428 800, 1024 → 1024 (bytes); null when unreadable. */
export function parseSize(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return null;
  const factor = SIZE_UNITS[(match[2] || 'b').toLowerCase()];
  if (factor === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * factor);
  return bytes > 0 ? bytes : null;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, '': 1000, m: 60_000, min: 60_000 };

/** "90s" → 90 000, "2m" → 120 000, 30 → 30 000 (a bare number is seconds); result in milliseconds. */
export function parseDuration(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m)?\s*$/i.exec(value);
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * DURATION_UNITS[(match[2] ?? '').toLowerCase()]!);
  return ms > 0 ? ms : null;
}
