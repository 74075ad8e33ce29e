/**
 * The one normalised view of a contract that every rule sees. Built once per
 * file by `buildDocument` from what an extractor read; rules never see PDF or
 * DOCX types. Offsets are UTF-16 code-unit indices into `text`, half-open.
 */

export type Language = 'fr' | 'en';

/** Formats clausier reads, detected from content (magic bytes) first. */
export type SourceFormat = 'pdf' | 'docx' | 'odt' | 'doc' | 'rtf' | 'txt' | 'md';

/** A page of a paged source (PDF): `[start, end)` in `ContractDocument.text`. */
export interface PageSpan {
  /** 1-based page number as printed by a viewer. */
  number: number;
  start: number;
  end: number;
  /** Set when the page text came from OCR: mean word confidence, 0–100. */
  ocrConfidence?: number;
}

export type SectionKind =
  | 'article' // "Article 7 – Sécurité", "7. Security", "ARTICLE VII"
  | 'clause' // "7.2", "7.2.1", "12.3(b)(ii)"
  | 'annex' // "Annexe 3", "Schedule 2", "Appendix B", "Exhibit A"
  | 'amendment'; // "Avenant n° 1", "Amendment No. 2"

export interface Section {
  /** "7.2.1", "3" (annex 3), "1" (avenant 1), or null for an unnumbered heading. */
  number: string | null;
  /** The heading line as written, e.g. "Article 7.2 – Notification des incidents". */
  heading: string;
  kind: SectionKind;
  /** Nesting depth: 1 for an article or annex, 2 for 7.2, 3 for 7.2.1, … */
  level: number;
  /** Offset of the heading's first character. */
  start: number;
  /** Offset where the next section at the same or a higher level starts. */
  end: number;
  /** Index in `sections` of the enclosing section, or null. */
  parent: number | null;
}

/** A stretch of text in one language (a French contract with an English annex). */
export interface LanguageSpan {
  start: number;
  end: number;
  language: Language;
}

export interface DocumentWarning {
  /** Stable code, e.g. `tracked-changes`, `ocr`, `low-text`, `header-footer-removed`. */
  code: string;
  message: string;
}

export interface ContractDocument {
  /** The canonical normalised text: NFC, spaces and hyphenation repaired, running headers removed. */
  text: string;
  format: SourceFormat;
  /** Page spans in order, or null for formats without pages (DOCX, ODT, text). */
  pages: PageSpan[] | null;
  /** Sections in document order (parents before children). */
  sections: Section[];
  /** The dominant language. */
  language: Language;
  /** Language by stretch; one span covering everything for a monolingual document. */
  languageSpans: LanguageSpan[];
  warnings: DocumentWarning[];
}

/** What an extractor reads, before normalisation. */
export interface RawDocument {
  format: SourceFormat;
  /** True for PDF: each entry of `pages` is one page. False: `pages` has one entry. */
  paged: boolean;
  pages: RawPage[];
  warnings: DocumentWarning[];
  /**
   * Headings as the source styled them (DOCX Heading 1–6, ODT text:h, Markdown #),
   * so unnumbered headings still become sections. Absent for PDF and plain text.
   */
  headings?: RawHeading[];
}

export interface RawHeading {
  /** The heading text as it appears in the page text. */
  text: string;
  /** Outline level from the source, 1 = top. */
  level: number;
}

export interface RawPage {
  text: string;
  /** Present when the text came from OCR: mean word confidence, 0–100. */
  ocrConfidence?: number;
  /** True when a PDF page had no text layer (a scan): OCR should fill it. */
  noTextLayer?: boolean;
}
