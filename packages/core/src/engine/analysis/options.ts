import type { ContractDocument } from '../../document/types.js';
import type { Supersession } from './precedence.js';
import type { Sentence } from './sentences.js';

/**
 * Options chosen by tick-box in an order form or a call-off ("☐ Option A – Sécurité renforcée / ☒ Option B",
 * "[ ] Part A applies  [X] Part B applies"): what an option left unticked describes binds nothing. Its
 * paragraphs and sections are set aside.
 */

const KIND = String.raw`(?:option|part|partie|formule|offre|niveau|variante|tier|edition|[ée]dition|pack)`;
const UNTICKED = new RegExp(String.raw`(?:☐|□|❏|\[\s?\]|\(\s?\))\s*${KIND}\s+([a-z0-9]{1,3})\b`, 'giu');
const TICKED = new RegExp(String.raw`(?:☒|☑|✅|■|\[\s?[x✓✔]\s?\]|\(\s?[x✓✔]\s?\))\s*${KIND}\s+([a-z0-9]{1,3})\b`, 'giu');

function labels(text: string, pattern: RegExp): Set<string> {
  return new Set([...text.matchAll(pattern)].map((m) => m[1]!.toLowerCase()));
}

/** Parts describing options the document leaves unticked, as supersessions of kind 'unselected'. */
export function unselectedOptions(doc: ContractDocument, sentences: readonly Sentence[]): Supersession[] {
  if (!/☐|□|❏|\[\s?\]|\(\s?\)/u.test(doc.text)) return [];
  const ticked = labels(doc.text, TICKED);
  const unticked = [...labels(doc.text, UNTICKED)].filter((l) => !ticked.has(l));
  if (unticked.length === 0 || ticked.size === 0) return [];
  const out: Supersession[] = [];
  for (const label of unticked) {
    // A paragraph or a section that opens with the option's name ("Option A – Sécurité renforcée (…) : le Titulaire …").
    const opens = new RegExp(String.raw`^\s*(?:[-–•*]\s*)?(?:\d+(?:\.\d+)*\.?\s+)?${KIND}\s+${label}\b(?!\s*(?:et|and|ou|or|/)\s)`, 'iu');
    const note = label.toUpperCase();
    for (const section of doc.sections) {
      if (opens.test(section.heading)) out.push({ start: section.start, end: section.end, article: note, by: section.start, kind: 'unselected' });
    }
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i]!;
      if (s.tableRow || !opens.test(s.text) || (i > 0 && sentences[i - 1]!.line === s.line)) continue;
      // The whole paragraph the option's name opens.
      let end = s.end;
      for (let j = i + 1; j < sentences.length && sentences[j]!.line === s.line; j++) end = sentences[j]!.end;
      if (!out.some((o) => s.start >= o.start && s.start < o.end)) out.push({ start: s.start, end, article: note, by: s.start, kind: 'unselected' });
    }
  }
  return out;
}
