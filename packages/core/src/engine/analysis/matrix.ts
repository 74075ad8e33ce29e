import type { Supersession } from './precedence.js';
import { tableCells, type Sentence } from './sentences.js';
import { findDurations } from '../../language/durations.js';

/**
 * Compliance matrices of tender answers: a table of the buyer's requirements with the supplier's answer
 * ("Exigence | Conforme (O/N) | Commentaire", "Requirement | Compliant | Supplier comment"). A requirement the
 * supplier answers "N", "Non", "Not accepted" binds it to nothing, however good its figure: the row is set aside.
 */

// The answer column: what a header calls the supplier's yes or no.
const ANSWER_COLUMN =
  /^(?:conforme|conformit[ée]|compliant|compliance|compliant\s*\?|accept[ée]e?|accepted|accept[ée]e? par le titulaire|o\s*\/\s*n|y\s*\/\s*n|yes\s*\/\s*no|oui\s*\/\s*non|r[ée]ponse|response|answer|statut|status|engagement)\b/u;
const REFUSED =
  /^(?:n|non|no|nc|n\/a|not applicable|sans objet|non applicable|non[- ]conforme|not compliant|non[- ]compliant|non accept[ée]e?|not accepted|refus[ée]e?|rejected|ne peut pas|cannot|not (?:offered|provided|included)|non (?:propos[ée]e?|pr[ée]vue?|inclus[e]?))(?![\p{L}])/u;

// A part that holds the supplier's answers to the buyer's requirements (tested on a lower-cased heading path).
export const MATRIX_HEADING =
  /matri(?:ce|x)|(?:tableau|grille|[ée]tat) de conformit[ée]|compliance (?:table|checklist|statement|schedule)|deviations?|[ée]carts|questionnaire|r[ée]ponses? d[eu] (?:titulaire|prestataire|fournisseur|candidat|soumissionnaire)|(?:supplier|contractor|vendor|bidder)(?:'s|’s)? (?:answers|responses)/u;
// A table whose cells ran together (PDF, RTF, plain text): the refusal stands alone between the requirement and the
// comment, in capitals ("… within 24 hours of detection No Notification without undue delay …").
const FLAT_REFUSAL = /\s(?:N|NC|Non|NON|No|NO|Non conforme|Not compliant|Non accept[ée]e?|Not accepted|Refus[ée]e?)(?:\s+[-–—:]\s*|\s+)(?=[\p{Lu}\d]|$)|\s(?:N|Non|No)\s*$/u;

// Where a flattened matrix row starts: its label ("R3", "A-12", "Q7", "S.4") before the requirement's first word.
const ROW_LABEL = /\s(?=(?:[A-Z]{1,3}[-.]?\d{1,3}|\d{1,2}\.\d{1,2})\s+[\p{Lu}«"“])/gu;

/**
 * A compliance matrix whose cells ran together into one paragraph (plain text, PDF) is one sentence holding every
 * row: cut it at the row labels, so that a refused row sets aside only itself. Sentences are re-indexed.
 */
export function splitMatrixRows(sentences: Sentence[], inMatrix: (s: Sentence) => boolean): Sentence[] {
  if (!sentences.some((s) => !s.tableRow && inMatrix(s))) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    const cuts = !s.tableRow && !s.heading && inMatrix(s) ? [...s.text.matchAll(ROW_LABEL)].map((m) => m.index! + 1) : [];
    if (cuts.length < 2) {
      out.push({ ...s, index: out.length });
      continue;
    }
    for (const [i, from] of [0, ...cuts].entries()) {
      const to = i < cuts.length ? cuts[i]! : s.text.length;
      const text = s.text.slice(from, to).trimEnd();
      if (text.trim().length === 0) continue;
      // Each row its own line (between the paragraph's and the next), so no row reads its neighbours as followers.
      out.push({ ...s, index: out.length, line: s.line + i / 1000, start: s.start + from, end: s.start + from + text.length, text, lower: s.lower.slice(from, from + text.length) });
    }
  }
  return out;
}

/**
 * A row the supplier accepted with its own figure ("Notification … sous 24 h | O | Oui – sous 72 h ouvrées"): the
 * figures of the requirement are blanked (same length, so offsets hold), and the row reads with the supplier's.
 */
function withSuppliersFigures(row: Sentence, answerAt: number): string | null {
  const bars = [...row.text.matchAll(/\|/g)].map((m) => m.index!);
  // Cell i spans from after bar i to bar i+1 (a leading bar opens cell 0).
  const bounds: Array<[number, number]> = [];
  for (let i = 0; i + 1 < bars.length; i++) bounds.push([bars[i]! + 1, bars[i + 1]!]);
  if (bounds.length <= answerAt) return null;
  const comment = bounds.slice(answerAt + 1).map(([a, b]) => row.text.slice(a, b)).join(' ');
  if (findDurations(comment).length === 0) return null;
  let text = row.text;
  for (const [a, b] of bounds.slice(0, answerAt)) {
    for (const d of findDurations(row.text.slice(a, b))) text = text.slice(0, a + d.start) + ' '.repeat(d.end - d.start) + text.slice(a + d.end);
  }
  return text === row.text ? null : text;
}

export interface MatrixReading {
  /** Requirements refused ("N", "Non accepté"), as supersessions of kind 'refused'. */
  refused: Supersession[];
  /** Rows accepted with the supplier's own figures: the row's text with the requirement's figures blanked. */
  qualified: Array<{ index: number; text: string }>;
}

/** What the supplier answered in a compliance matrix. */
export function readMatrixRows(sentences: readonly Sentence[], inMatrix: (s: Sentence) => boolean): MatrixReading {
  const out: Supersession[] = [];
  const qualified: MatrixReading['qualified'] = [];
  let answerAt = -1;
  let headerLine = -1;
  for (const s of sentences) {
    if (!s.tableRow) {
      answerAt = -1;
      const flat = inMatrix(s) ? FLAT_REFUSAL.exec(s.text) : null;
      if (flat && !/N°/u.test(s.text.slice(flat.index, flat.index + 4))) out.push({ start: s.start, end: s.end, article: flat[0].trim().slice(0, 40), by: s.start, kind: 'refused' });
      continue;
    }
    const row = tableCells(s.lower);
    const header = row.findIndex((c) => ANSWER_COLUMN.test(c));
    // A header row: an answer column and no refusal in it (its cells are titles, not answers).
    if (header > 0 && row.every((c) => !REFUSED.test(c) || c.length > 20)) {
      answerAt = header;
      headerLine = s.line;
      continue;
    }
    if (answerAt < 0 || s.line === headerLine || /^[\s|:-]+$/.test(s.text)) continue;
    const answer = row[answerAt] ?? '';
    if (REFUSED.test(answer)) {
      out.push({ start: s.start, end: s.end, article: answer.slice(0, 40), by: s.start, kind: 'refused' });
      continue;
    }
    const text = withSuppliersFigures(s, answerAt);
    if (text !== null) qualified.push({ index: s.index, text });
  }
  return { refused: out, qualified };
}
