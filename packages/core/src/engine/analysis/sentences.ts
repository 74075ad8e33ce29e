import type { ContractDocument } from '../../document/types.js';

/**
 * Splits the normalised text into the units rules read: sentences inside
 * paragraphs, table rows kept whole, and list items that carry the lead-in
 * line they complete ("Le Titulaire s'engage à : – notifier …").
 */

export interface Sentence {
  /** Index in the analysis' sentence list. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, same length as `text`, for matching. */
  lower: string;
  /** Index of the line (paragraph, heading or table row) the sentence belongs to. */
  line: number;
  /** The line is a table row: cells separated by " | ". */
  tableRow: boolean;
  /** The line looks like a heading (short, no final punctuation, or matches a section start). */
  heading: boolean;
  /** Index of the innermost section holding the sentence, or -1. */
  section: number;
  /**
   * Lower-cased lead-in that a list item or a continuation completes, e.g.
   * "le titulaire s'engage à :" — lets a rule find the subject of "– notifier …".
   */
  leadIn: string | null;
}

// Abbreviations after which a full stop does not end a sentence (FR and EN contract usage).
const ABBREVIATIONS = new Set([
  'art', 'arts', 'al', 'cf', 'etc', 'ex', 'p', 'pp', 'n', 'no', 'nos', 'm', 'mm', 'mme', 'mlle', 'me', 'dr', 'pr',
  'st', 'ste', 'inc', 'ltd', 'co', 'corp', 'sect', 'sec', 'ch', 'chap', 'vol', 'min', 'max', 'approx', 'vs', 'env',
  'tél', 'tel', 'fax', 'réf', 'ref', 'e.g', 'i.e', 'eg', 'ie', 'cad', 'c.-à-d', 'mr', 'mrs', 'ms', 'jr', 'sr', 'av', 'bd',
  'fig', 'annex', 'sched', 'para', 'paras', 'cl', 'ss', 'sa', 'sas', 'sarl', 'plc', 'llc', 'gmbh',
]);

/** Lower case with the same length and offsets as `text` (a character whose lower case is longer stays as it is). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Sentence boundaries inside one line, as [start, end) offsets relative to the line. */
// The label a clause opens with: "6.2", "A3.3", "E4 –", "B)".
const LABEL = String.raw`(?:\p{L}?\d[\d.]*\p{L}?\s*[–—:.)-]?\s+|\p{L}\d*\s*[–—:.)-]\s+)`;
// A title's label and dash, removed before counting its words.
const TITLE_LABEL = new RegExp(`^${LABEL}?[–—-]?\\s*`, 'u');
// A run-in title: a label, at most three words and a full stop, then more text.
const RUN_IN_TITLE = new RegExp(String.raw`^\s*${LABEL}?(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+\.\s+(?=\S)`, 'u');

export function splitLine(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  // Sentence ends, and a colon that opens a quotation ("… replaced by the following: « 8.2 Le Titulaire … »"):
  // the quoted text is read as a sentence of its own.
  const re = /[.!?](?=["»”')\]]*\s+["«“(]?[\p{Lu}\d])|:(?=\s*["«“])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const at = m.index;
    if (line[at] === '.') {
      const before = line.slice(Math.max(from, at - 12), at);
      const word = /([\p{L}.-]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      // "art. 7", "n. 3", "e.g. X", a single capital ("J. Martin"), and "7.2" numbering do not end sentences.
      if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^\p{L}$/u.test(word)) continue;
      if (/\d$/.test(before) && /^\.\d/.test(line.slice(at, at + 2))) continue;
    }
    let end = at + 1;
    while (end < line.length && /["»”')\]]/.test(line[end]!)) end++;
    if (end - from > 1) spans.push([from, end]);
    from = end;
    while (from < line.length && /\s/.test(line[from]!)) from++;
  }
  if (from < line.length) spans.push([from, line.length]);
  // A run-in title ("6. Audits. The Processor shall …") belongs to the sentence it introduces.
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    // Words of the title after its label: "E4 – Interlocuteur sécurité." is a two-word title.
    // Counted only for a short span: a title of three words is never long.
    const short = previous !== undefined && previous[1] - previous[0] <= 80;
    const title = short ? line.slice(previous[0], previous[1]).trim().replace(TITLE_LABEL, '') : '';
    if (short && title.split(/\s+/).length <= 3) previous[1] = span[1];
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * Where a run-in title ends ("e2 – alerte. le fournisseur prévient …", "6.2 notification. …"), or 0: the title
 * names the topic, it is not the clause's verb. At most three words (after a label), then a full stop and more text.
 */
export function runInTitleEnd(lower: string): number {
  const m = RUN_IN_TITLE.exec(lower);
  return m ? m[0].length : 0;
}

const LIST_ITEM = /^\s*(?:[-–—•·*▪◦]|\(?[a-z0-9]{1,3}[).]|[ivx]{1,4}[).])\s/i;

/** Index of the innermost section covering `offset` (sections are in document order). */
function sectionAt(doc: ContractDocument, offset: number, startedBefore: number): number {
  // The innermost section is the latest-starting one that still covers the offset.
  for (let i = startedBefore - 1; i >= 0; i--) if (offset < doc.sections[i]!.end) return i;
  return -1;
}

export function splitSentences(doc: ContractDocument, docLower: string = lowerSameLength(doc.text)): Sentence[] {
  const text = doc.text;
  // Lines come in order: count the sections started so far instead of rescanning them per line.
  let started = 0;
  const sentences: Sentence[] = [];
  const headingStarts = new Set(doc.sections.map((s) => s.start));
  let lineStart = 0;
  let lineIndex = 0;
  let leadIn: string | null = null;
  // True when the previous line ended with ':' ';' or ',' — the next line continues it.
  let previousContinues = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length > 0) {
      const tableRow = line.includes(' | ');
      const trimmed = line.trim();
      // A numbered clause that starts a section ("5.2 Le Prestataire conserve …") is a paragraph, not a title.
      const sectionStart = headingStarts.has(lineStart) || headingStarts.has(lineStart + (line.length - line.trimStart().length));
      // A title is short and plain: no verb of obligation, no address, no phone number.
      const titleLike =
        trimmed.length < 90 &&
        trimmed.split(/\s+/).length <= 14 &&
        !/[.;,:\]?]$/.test(trimmed) &&
        !/:\s*\S/.test(trimmed) && // "Contact sécurité : [à compléter]" is a label and its value
        !/@|\d{2}[\s.]?\d{2}[\s.]?\d{2}[\s.]?\d{2}/u.test(trimmed) &&
        !/\s(?:shall|must|will|doit|s'engage|est|sont)\s/iu.test(trimmed);
      const heading = !tableRow && titleLike && (sectionStart || /^[\p{Lu}\d#]/u.test(trimmed));
      const isListItem = LIST_ITEM.test(line);
      // A list item (or a line right after a colon) completes the last lead-in.
      const lineLeadIn = isListItem || previousContinues ? leadIn : null;
      while (started < doc.sections.length && doc.sections[started]!.start <= lineStart) started++;
      const section = sectionAt(doc, lineStart, started);
      const spans = tableRow || heading ? [[0, line.length] as [number, number]] : splitLine(line);
      // In a questionnaire ("S-03 Within what time are incidents notified? Premium plan: within 4 hours."), the
      // answer completes the question as a list item completes its lead-in.
      let question: string | null = null;
      for (const [a, b] of spans) {
        let s = a;
        let e = b;
        while (s < e && /\s/.test(line[s]!)) s++;
        while (e > s && /\s/.test(line[e - 1]!)) e--;
        if (e <= s) continue;
        const start = lineStart + s;
        const end = lineStart + e;
        const sentenceText = text.slice(start, end);
        sentences.push({
          index: sentences.length,
          start,
          end,
          text: sentenceText,
          lower: docLower.slice(start, end),
          line: lineIndex,
          tableRow,
          heading,
          section,
          leadIn: lineLeadIn ?? question,
        });
        if (/\?\s*$/.test(sentenceText)) question = docLower.slice(start, end).slice(-300);
      }
      if (/[:?]\s*$/.test(trimmed) && !heading) leadIn = lowerSameLength(trimmed.slice(-300));
      else if (!isListItem && !previousContinues) leadIn = null;
      if (heading) leadIn = null;
      previousContinues = /[:;,?]\s*$/.test(trimmed) && !heading;
      lineIndex++;
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  return sentences;
}

/** The cells of a table row ("| a | b |"), trimmed, without the empty edges outside its first and last bars. */
export function tableCells(row: string): string[] {
  return row
    .split('|')
    .map((c) => c.trim())
    .filter((c, i, all) => c.length > 0 || (i > 0 && i < all.length - 1));
}

/**
 * The numbers of the clause a sentence belongs to: its sections' numbers up to its article or annex, and the label
 * it opens with ("11.2 The Provider shall …", "A1.3 …"). Amendments and restrictions name clauses by these.
 */
export function clauseNumbers(doc: ContractDocument, sentence: Sentence): Set<string> {
  const own = new Set<string>();
  for (let i = sentence.section; i >= 0; i = doc.sections[i]!.parent ?? -1) {
    const n = doc.sections[i]!.number;
    if (n) own.add(n.toLowerCase().replace(/\.$/, ''));
    if (doc.sections[i]!.kind === 'article' || doc.sections[i]!.kind === 'annex') break;
  }
  const label = /^\s*([a-z]?\d+(?:\.\d+)+)\b/u.exec(sentence.lower);
  if (label) own.add(label[1]!);
  return own;
}
