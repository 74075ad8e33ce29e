/**
 * Running headers and footers of a paged document ("Contrat n° 2025-117 –
 * Page 3 / 11 – Confidentiel", "Page 3 sur 11", a bare "3"): lines among the
 * first or last few of (almost) every page that read the same once digits are
 * ignored. Left in, they split sentences that cross a page break and pollute
 * quotes.
 */

/** How many non-empty lines at the top and at the bottom of a page may be running lines. */
export const RUNNING_ZONE_LINES = 3;
/** Longer lines are body text, whatever repeats. */
const MAX_RUNNING_LINE_LENGTH = 160;

export interface RunningLinesResult {
  /** Page texts without their running lines. */
  pages: string[];
  /** One example (as first seen) of each running line removed. */
  removed: string[];
}

/** The comparison key: case, spacing and every number ignored ("Page 3 / 11" ≡ "Page 4 / 11"). */
export function runningLineKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Minimum number of pages a line must repeat on: every page of 2, half of more (cover pages lack headers). */
export function runningLineThreshold(pageCount: number): number {
  return Math.max(2, Math.ceil(pageCount / 2));
}

type Zone = 'top' | 'bottom';

interface ZoneLine {
  zone: Zone;
  index: number;
  key: string;
}

export function removeRunningLines(pages: string[]): RunningLinesResult {
  if (pages.length < 2) return { pages, removed: [] };
  const pageLines = pages.map((page) => page.split('\n'));
  const candidates = pageLines.map(zoneLines);
  const pagesPerKey = new Map<string, number>();
  for (const lines of candidates) {
    for (const id of new Set(lines.map((line) => `${line.zone}:${line.key}`))) {
      pagesPerKey.set(id, (pagesPerKey.get(id) ?? 0) + 1);
    }
  }
  const threshold = runningLineThreshold(pages.length);
  const examples = new Map<string, string>();
  const cleaned = pageLines.map((lines, pageIndex) => {
    const drop = new Set<number>();
    for (const candidate of candidates[pageIndex] ?? []) {
      if ((pagesPerKey.get(`${candidate.zone}:${candidate.key}`) ?? 0) < threshold) continue;
      drop.add(candidate.index);
      if (!examples.has(candidate.key)) examples.set(candidate.key, (lines[candidate.index] ?? '').trim());
    }
    return drop.size === 0 ? pages[pageIndex]! : lines.filter((_, index) => !drop.has(index)).join('\n');
  });
  return { pages: cleaned, removed: [...examples.values()] };
}

function zoneLines(lines: string[]): ZoneLine[] {
  const nonEmpty = lines.map((line, index) => ({ line: line.trim(), index })).filter(({ line }) => line !== '');
  const top = nonEmpty.slice(0, RUNNING_ZONE_LINES);
  const bottom = nonEmpty.slice(-RUNNING_ZONE_LINES);
  const result: ZoneLine[] = [];
  for (const [zone, zoneEntries] of [['top', top], ['bottom', bottom]] as const) {
    for (const { line, index } of zoneEntries) {
      if (line.length > MAX_RUNNING_LINE_LENGTH) continue;
      result.push({ zone, index, key: runningLineKey(line) });
    }
  }
  return result;
}
