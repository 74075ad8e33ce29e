import { paragraphSpans, type ParagraphSpan } from './paragraphs.js';
import type { RawHeading, Section, SectionKind } from './types.js';

/**
 * Headings → sections. A heading starts a paragraph: "Article 7 – Sécurité",
 * "ARTICLE VII", "Art. 7.", "7. Security", "7.2 Notification", "12.3(b)(ii)",
 * "ANNEXE 3 – …", "Schedule 2", "Avenant n° 1", "CHAPITRE II", Markdown "#",
 * or a paragraph the source styled as a heading. A numbered list item or a
 * sentence that merely starts with a reference ("Article 7 du CCAP prévoit…")
 * is not a heading.
 */

export interface HeadingMatch {
  kind: SectionKind;
  number: string | null;
  /** Depth from the numbering: 0 for a chapter/title container, 1 for "7", 2 for "7.2"… */
  depth: number;
  /** "ARTICLE 7 :" with its title on the next line. */
  titleMissing: boolean;
}

const BOUNDARY = String.raw`(?=$|[\s.:–—\-)(,])`;
const NUMBER_MARK = String.raw`(?:\s*(?:n°|nº|no\.?|n\.|number|#)\s*|\s+)`;
const CHAPTER = new RegExp(String.raw`^(chapitre|titre|partie|chapter|part)\s+(\d{1,3}|[A-Z]{1,7}|premier|1er|first|one)${BOUNDARY}`, 'i');
const ARTICLE = new RegExp(
  String.raw`^(article|art\.|clause|section|§)(?:${NUMBER_MARK}|(?<=§))(\d{1,3}(?:\.\d{1,3})*(?:[A-Z]|\s?(?:bis|ter|quater))?|1er|premier|unique|[IVXLC]{1,7})${BOUNDARY}`,
  'i',
);
const ANNEX = new RegExp(String.raw`^(annexe|annex|schedule|appendix|appendice|exhibit)(?:${NUMBER_MARK}(\d{1,3}|[A-Za-z]{1,5}))?${BOUNDARY}`, 'i');
const AMENDMENT = new RegExp(String.raw`^(avenant|amendment)(?:${NUMBER_MARK}(\d{1,3}|[IVXLC]{1,7}))?${BOUNDARY}`, 'i');
const MULTI_LEVEL = /^(\d{1,3}(?:\.\d{1,3})+)\.?((?:\([a-z0-9]{1,4}\))*)(?=$|\s|[–—:-])/;
/** "VII.1", "IV.2.3": an article numbered in roman figures, then its clauses. */
const ROMAN_MULTI_LEVEL = /^([IVXLC]{1,7})((?:\.\d{1,3})+)\.?(?=$|\s|[–—:-])/;
const SINGLE_LEVEL = /^(\d{1,3})(?:\.|\)|\s+[–—-])(?=\s|$)/;
const MARKDOWN = /^(#{1,6})\s+(.*)$/;
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
/** A table-of-contents line: dot leaders then a page number. */
const TOC_LEADERS = /(\.{4,}|…{2,}|\.\s\.\s\.)\s*\d+$/;

/** A heading should read as a title: a longer paragraph is kept only for numbered clauses that open with their text. */
const MAX_TITLE_LENGTH = 160;

export function classifyHeading(paragraph: string): HeadingMatch | null {
  if (paragraph.includes(' | ') || TOC_LEADERS.test(paragraph)) return null;
  if (/[;,]$/.test(paragraph) && paragraph.length <= 200) return null; // an enumeration item, part of a sentence

  let match = CHAPTER.exec(paragraph);
  if (match) {
    const number = /^(premier|1er|first|one)$/i.test(match[2]!) ? '1' : ordinal(match[2]!);
    return number && accepts(paragraph, match[0], 'strict') ? { kind: 'article', number, depth: 0, titleMissing: titleMissing(paragraph, match[0]) } : null;
  }
  match = ARTICLE.exec(paragraph);
  if (match) {
    const number = arabic(match[2]!);
    if (!number || !accepts(paragraph, match[0], 'strict')) return null;
    const depth = number.split('.').length;
    return { kind: depth === 1 ? 'article' : 'clause', number, depth, titleMissing: titleMissing(paragraph, match[0]) };
  }
  match = ANNEX.exec(paragraph);
  if (match) {
    const token = match[2];
    const number = token === undefined ? null : ordinal(token);
    // "Annexe au présent contrat": the word after is not a number, the heading is unnumbered.
    const head = token !== undefined && number === null ? match[1]! : match[0];
    return accepts(paragraph, head, 'lenient') ? { kind: 'annex', number, depth: 1, titleMissing: titleMissing(paragraph, head) } : null;
  }
  match = AMENDMENT.exec(paragraph);
  if (match) {
    const number = match[2] === undefined ? null : arabic(match[2]);
    return accepts(paragraph, match[0], 'lenient') ? { kind: 'amendment', number, depth: 1, titleMissing: titleMissing(paragraph, match[0]) } : null;
  }
  match = MULTI_LEVEL.exec(paragraph);
  if (match) {
    if (!accepts(paragraph, match[0], 'strict')) return null;
    const dotted = match[1]!;
    const subClauses = match[2] ?? '';
    const depth = dotted.split('.').length + (subClauses.match(/\(/g)?.length ?? 0);
    return { kind: 'clause', number: dotted + subClauses, depth, titleMissing: titleMissing(paragraph, match[0]) };
  }
  match = ROMAN_MULTI_LEVEL.exec(paragraph);
  if (match && ROMAN.test(match[1]!)) {
    if (!accepts(paragraph, match[0], 'strict')) return null;
    const number = `${romanValue(match[1]!)}${match[2]!}`;
    return { kind: 'clause', number, depth: number.split('.').length, titleMissing: titleMissing(paragraph, match[0]) };
  }
  match = SINGLE_LEVEL.exec(paragraph);
  if (match) {
    // "1. Le Titulaire tient à jour la liste des comptes à privilèges…" is a list item, "7. Security" a heading,
    // and so is "8. Governing law. This Agreement is governed by French law." (a short title, then its text).
    const title = paragraph.slice(match[0].length).trim();
    const firstSentence = /^[^.!?]*/.exec(title)![0];
    if (title === '' || firstSentence.split(/\s+/).length > 6) return null;
    if (!accepts(paragraph, match[0], 'strict')) return null;
    return { kind: 'article', number: match[1]!, depth: 1, titleMissing: false };
  }
  return null;
}

/**
 * What follows the number must read as a title: nothing, a separator, or a
 * capital. `strict`: a lowercase word means a sentence citing an article.
 * `lenient` (annexes, amendments): "Exhibit A to the Agreement" is a title
 * when it is short and does not end like a sentence.
 */
function accepts(paragraph: string, head: string, mode: 'strict' | 'lenient'): boolean {
  const after = paragraph.slice(head.length);
  const rest = after.replace(/^[\s–—:.\-)]+/, '');
  if (rest === '' || !/^\p{Ll}/u.test(rest)) return true;
  if (/^\s*[–—:]/.test(after)) return true; // "Article 7 – des obligations": the dash says title
  return mode === 'lenient' && paragraph.length <= 100 && !/[.;,:]$/.test(paragraph);
}

function titleMissing(paragraph: string, head: string): boolean {
  return paragraph.slice(head.length).replace(/^[\s–—:.\-)]+/, '') === '';
}

/**
 * An annex, part or chapter number: figures, a roman numeral up to XL ("Titre V",
 * "Annexe III"), else a letter ("Annexe C", "Part D"); null for a word ("Annexe au…").
 */
function ordinal(token: string): string | null {
  if (/^\d+$/.test(token)) return token;
  if (ROMAN.test(token) && romanValue(token) <= 40) return String(romanValue(token));
  if (/^[A-Z]$/.test(token)) return token;
  return null;
}

function arabic(token: string): string | null {
  if (/^\d+er$/i.test(token)) return token.slice(0, -2); // "1er"
  if (/^\d/.test(token)) return token.replace(/\s+/, ' ');
  if (/^(premier|unique|first|one)$/i.test(token)) return '1';
  if (ROMAN.test(token)) return String(romanValue(token)); // upper case only: "vi" is a word, not six
  return null;
}

function romanValue(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i]!]!;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

interface Candidate {
  paragraph: ParagraphSpan;
  index: number;
  match: HeadingMatch;
  heading: string;
}

/**
 * Finds the sections of a normalised text. `hints` are headings the source
 * styled (DOCX/ODT/Markdown) so that an unnumbered "Préambule" still counts.
 */
export function detectSections(text: string, hints: RawHeading[] = []): Section[] {
  const paragraphs = paragraphSpans(text);
  const hinted = new Map(hints.map((hint) => [collapse(hint.text), hint.level]));
  const candidates: Candidate[] = [];
  paragraphs.forEach((paragraph, index) => {
    let body = paragraph.text;
    let markdownLevel: number | null = null;
    const markdown = MARKDOWN.exec(body);
    if (markdown) {
      markdownLevel = markdown[1]!.length;
      body = markdown[2]!.trim();
    }
    const styledLevel = markdownLevel ?? hinted.get(collapse(body)) ?? null;
    const match =
      classifyHeading(body) ??
      (styledLevel !== null ? { kind: 'article' as const, number: null, depth: styledLevel, titleMissing: false } : null);
    if (!match) return;
    let heading = body;
    const next = paragraphs[index + 1];
    if (match.titleMissing && next && next.text.length <= 100 && !/[.;,:]$/.test(next.text) && !classifyHeading(next.text)) {
      heading = `${body} ${next.text}`; // "ARTICLE 7 :" + "SÉCURITÉ"
    }
    candidates.push({ paragraph, index, match, heading: clipHeading(heading) });
  });
  const kept = dropListsOfHeadings(candidates);
  return toSections(kept.length > 0 ? kept : titleLines(paragraphs), text.length);
}

/**
 * For a contract with no numbered or styled heading at all (plain text with
 * "Objet", "DURÉE DU MARCHÉ" on their own lines): short title-like paragraphs
 * followed by body text become unnumbered sections.
 */
function titleLines(paragraphs: ParagraphSpan[]): Candidate[] {
  const candidates: Candidate[] = [];
  paragraphs.forEach((paragraph, index) => {
    const text = paragraph.text;
    const next = paragraphs[index + 1];
    const titleLike =
      text.length <= 80 &&
      text.split(/\s+/).length <= 10 &&
      /^[^\p{Ll}\d\s]/u.test(text) &&
      /\p{L}/u.test(text) &&
      !/[.;,:!?]$/.test(text) &&
      !text.includes(' | ');
    const bodyFollows = next !== undefined && (next.text.length > 80 || /[.!?]$/.test(next.text)) && !next.text.includes(' | ');
    if (titleLike && bodyFollows) {
      candidates.push({ paragraph, index, match: { kind: 'article', number: null, depth: 1, titleMissing: false }, heading: text });
    }
  });
  return candidates;
}

/**
 * Consecutive annex headings with nothing between them are a list of the
 * contract's annexes ("Annexe 1 : PAS", "Annexe 2 : Contacts"), and three or
 * more bare article headings in a row are a table of contents.
 */
function dropListsOfHeadings(candidates: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  let runStart = 0;
  for (let i = 1; i <= candidates.length; i++) {
    const previous = candidates[i - 1]!;
    const current = candidates[i];
    const continuesRun =
      current !== undefined &&
      current.index === previous.index + 1 &&
      current.match.kind === previous.match.kind &&
      current.match.depth === previous.match.depth &&
      !previous.match.titleMissing &&
      // A table of contents ends where the numbering starts again: "Article 3" then "Article 1".
      !restartsNumbering(previous.match.number, current.match.number);
    if (continuesRun) continue;
    const run = candidates.slice(runStart, i);
    const kind = run[0]!.match.kind;
    const minimum = kind === 'annex' || kind === 'amendment' ? 2 : 3;
    const titlesOnly = run.every(
      (candidate) => candidate.match.number !== null && candidate.paragraph.text.length <= 100 && !/[.!?]$/.test(candidate.paragraph.text),
    );
    if (run.length >= minimum && titlesOnly) {
      for (const candidate of run) dropped.add(candidate);
    }
    runStart = i;
  }
  return candidates.filter((candidate) => !dropped.has(candidate));
}

function restartsNumbering(previous: string | null, current: string | null): boolean {
  const first = (number: string | null) => Number.parseInt(number ?? '', 10);
  return Number.isFinite(first(previous)) && Number.isFinite(first(current)) && first(current) <= first(previous);
}

function toSections(candidates: Candidate[], textLength: number): Section[] {
  const sections: Section[] = [];
  const open: number[] = []; // indices of sections not yet closed, outermost first
  let insideAnnex = false;
  for (const candidate of candidates) {
    const { match } = candidate;
    if (match.kind === 'annex' || match.kind === 'amendment') insideAnnex = true;
    else if (match.depth === 0) insideAnnex = false;
    // Inside an annex or an amendment, its own "Article 1" is a child, not a sibling.
    const numbered = match.number !== null && (match.kind === 'article' || match.kind === 'clause');
    const level = match.depth + (insideAnnex && numbered ? 1 : 0);
    while (open.length > 0 && sections[open[open.length - 1]!]!.level >= level) {
      sections[open.pop()!]!.end = candidate.paragraph.start;
    }
    sections.push({
      number: match.number,
      heading: candidate.heading,
      kind: match.kind,
      level,
      start: candidate.paragraph.start,
      end: textLength,
      parent: open.length > 0 ? open[open.length - 1]! : null,
    });
    open.push(sections.length - 1);
  }
  return sections;
}

/** A clause that opens with its text keeps its first sentence as heading, cut at a word. */
function clipHeading(heading: string): string {
  if (heading.length <= MAX_TITLE_LENGTH) return heading;
  const sentence = /^.{10,}?[.!?](?=\s)/.exec(heading)?.[0];
  if (sentence && sentence.length <= MAX_TITLE_LENGTH) return sentence;
  const cut = heading.slice(0, MAX_TITLE_LENGTH);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).trimEnd();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
