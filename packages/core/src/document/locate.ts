import type { ContractDocument, Section } from './types.js';

export interface Location {
  /** 1-based page, or null for formats without pages. */
  page: number | null;
  /** Innermost section holding the offset, or null before the first heading. */
  section: Section | null;
  /** Headings from the outermost section in, joined by " > "; "" outside any section. */
  sectionPath: string;
}

/** Where an offset of `doc.text` falls: page and section, by binary search. */
export function locate(doc: Pick<ContractDocument, 'pages' | 'sections'>, offset: number): Location {
  const page = doc.pages ? (doc.pages[lastStartingAtOrBefore(doc.pages, offset)]?.number ?? null) : null;
  let index: number | null = lastStartingAtOrBefore(doc.sections, offset);
  // The last section starting before the offset is the deepest candidate; climb until one still covers it.
  while (index !== null && index >= 0) {
    const section: Section = doc.sections[index]!;
    if (offset < section.end) break;
    index = section.parent;
  }
  const section = index !== null && index >= 0 ? doc.sections[index]! : null;
  return { page, section, sectionPath: section ? sectionPath(doc.sections, section) : '' };
}

export function sectionPath(sections: Section[], section: Section): string {
  const headings: string[] = [];
  for (let current: Section | undefined = section; current; current = current.parent === null ? undefined : sections[current.parent]) {
    headings.unshift(current.heading);
  }
  return headings.join(' > ');
}

/** Index of the last item whose `start` ≤ offset (items sorted by start), or -1. */
function lastStartingAtOrBefore(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
