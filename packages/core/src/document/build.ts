import { detectLanguage } from '../language/detect-language.js';
import { continuesParagraph, fullLineLength, joinLines, linesAsParagraphs, normaliseCharacters, rebuildParagraphs } from './normalise.js';
import { removeRunningLines } from './running-lines.js';
import { detectSections } from './sections.js';
import type { ContractDocument, DocumentWarning, Language, PageSpan, RawDocument, RawHeading, SourceFormat } from './types.js';

/** Word processors store paragraphs, not visual lines: each line of their text is a paragraph. */
const PARAGRAPH_FORMATS: ReadonlySet<SourceFormat> = new Set(['docx', 'odt', 'doc', 'rtf']);

export interface BuildOptions {
  /** Force the document language instead of detecting it. */
  language?: Language;
}

/**
 * RawDocument → ContractDocument: characters normalised per page, running
 * headers/footers removed (paged sources), paragraphs rebuilt from visual
 * lines (PDF, text) or taken line by line (word processors), pages joined
 * with their spans recorded, then sections and language. Pure: no I/O.
 */
export function buildDocument(raw: RawDocument, options: BuildOptions = {}): ContractDocument {
  const warnings: DocumentWarning[] = [...raw.warnings];
  let pageTexts = raw.pages.map((page) => normaliseCharacters(page.text));
  if (raw.paged) {
    const running = removeRunningLines(pageTexts);
    pageTexts = running.pages;
    if (running.removed.length > 0) {
      warnings.push({
        code: 'header-footer-removed',
        message: `Removed running headers/footers repeated across pages: ${running.removed.map((line) => `"${line}"`).join(', ')}.`,
      });
    }
  }
  const toParagraphs = PARAGRAPH_FORMATS.has(raw.format) ? linesAsParagraphs : rebuildParagraphs;
  const lineLengths = pageTexts.map((page) => fullLineLength(page.split('\n')));
  const { text, spans } = joinPages(pageTexts.map(toParagraphs), lineLengths);
  const pages: PageSpan[] | null = raw.paged
    ? spans.map((span, i) => {
        const confidence = raw.pages[i]?.ocrConfidence;
        return confidence === undefined ? span : { ...span, ocrConfidence: confidence };
      })
    : null;
  const hints: RawHeading[] = (raw.headings ?? []).map((hint) => ({ ...hint, text: normaliseCharacters(hint.text) }));
  const detection = detectLanguage(text, options.language ? { force: options.language } : {});
  return {
    text,
    format: raw.format,
    pages,
    sections: detectSections(text, hints),
    language: detection.language,
    languageSpans: detection.spans,
    warnings,
  };
}

/** Page separator when a paragraph does not run on across the page break. */
const PAGE_BREAK = '\n\n';

/**
 * Concatenates page texts. A paragraph cut by a page break ("… dans un délai
 * de" / "vingt-quatre heures …", "… of any" / "Major Security Incident …") is
 * joined back, hyphenation repaired, and the page boundary falls inside it.
 * `fullLineLengths[i]` is page i's body line length (see `fullLineLength`).
 */
export function joinPages(pageTexts: string[], fullLineLengths: number[] = []): { text: string; spans: PageSpan[] } {
  let text = '';
  const spans: PageSpan[] = [];
  pageTexts.forEach((pageText, i) => {
    if (pageText === '') {
      spans.push({ number: i + 1, start: text.length, end: text.length });
      return;
    }
    let start: number;
    if (text === '') {
      start = 0;
      text = pageText;
    } else {
      const lastParagraph = text.slice(text.lastIndexOf('\n') + 1);
      const firstParagraph = pageText.slice(0, pageText.indexOf('\n') === -1 ? pageText.length : pageText.indexOf('\n'));
      // Never across an empty (scanned) page: what it held is missing between the two. The width
      // test uses the previous page's line length: a body paragraph is as long as a full line.
      const context = { fullLineLength: fullLineLengths[i - 1] ?? Number.POSITIVE_INFINITY };
      const runsOn = pageTexts[i - 1] !== '' && continuesParagraph(lastParagraph, firstParagraph, context);
      if (runsOn) {
        const joined = joinLines(lastParagraph, firstParagraph);
        const head = text.slice(0, text.length - lastParagraph.length);
        // joinLines keeps `lastParagraph` intact, drops a hyphen, or adds one space: the rest is page i+1.
        const kept = joined.startsWith(lastParagraph) ? lastParagraph.length : lastParagraph.length - 1;
        const previousEnd = head.length + kept;
        const previous = spans[spans.length - 1]!;
        previous.end = previousEnd; // page i ends where page i+1 takes over
        text = head + joined + pageText.slice(firstParagraph.length);
        start = head.length + joined.length - firstParagraph.length;
      } else {
        text += PAGE_BREAK;
        start = text.length;
        text += pageText;
      }
    }
    spans.push({ number: i + 1, start, end: text.length });
  });
  return { text, spans };
}
