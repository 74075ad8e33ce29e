/**
 * Text normalisation: one canonical spelling of every character, and
 * paragraphs rebuilt from the visual lines a PDF gives, so rules match
 * "notification" however the file was typeset. Pure and idempotent.
 */

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Every space-like character other than the plain space and line breaks (NBSP, narrow NBSP, thin, em, ideographic…). */
const SPACE_LIKE = /[\t\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Soft hyphen, zero-width space/joiners, word joiner, BOM, and bidi marks: invisible, they only break matching. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\u202A-\u202E\uFEFF]/g;
/** Typographic apostrophes and single quotes (’ ‘ ʼ ‛ ′ used as apostrophes). */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032]/g;
/** Hyphen and non-breaking hyphen → ASCII hyphen-minus, so "sous‑traitant" matches "sous-traitant". */
const HYPHENS = /[\u2010\u2011]/g;
const LIGATURE_CHARS = /[\uFB00-\uFB06]/g;

/** Character-level clean-up; keeps line breaks. Idempotent. */
export function normaliseCharacters(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(INVISIBLE, '')
    .replace(LIGATURE_CHARS, (c) => LIGATURES[c] ?? c)
    .replace(SPACE_LIKE, ' ')
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .normalize('NFC')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/^ +| +$/g, '');
}

/**
 * First fragments of real compounds: "sous-\ntraitant" keeps its hyphen.
 * Lowercase, accents kept.
 */
const COMPOUND_PREFIXES = new Set([
  'sous', 'non', 'auto', 'co', 'anti', 'ci', 'vis', 'après', 'avant', 'arrière', 'contre', 'demi', 'semi', 'mi',
  'ex', 'extra', 'inter', 'intra', 'multi', 'post', 'pré', 'pro', 'quasi', 'sur', 'super', 'ultra', 'vice', 'peut',
  'grand', 'porte', 'garde', 'bien', 'mal', 'hors', 'haut', 'bas', 'mini', 'micro', 'macro', 'pseudo', 'self',
  'cross', 'third', 'well', 'long', 'short', 'high', 'low', 'end', 'real', 'full', 'part', 'sub', 'pre', 'e',
  'opt', 'follow', 'check', 'set', 'back', 'up', 'down', 'cyber', 'libre', 'plein', 'franco', 'belle', 'beau',
  'faire', 'celui', 'celle', 'ceux', 'celles', 'lui', 'elle', 'eux', 'moi', 'soi', 'nous', 'vous', 'là', 'au',
  'chef', 'lieu', 'entre', 'outre', 'tiers', 'court', 'moyen', 'clé', 'clés', 'data', 'mot', 'mots',
  'plug', 'add', 'built', 'on', 'off', 'in', 'out', 'over', 'under', 'cloud',
  // Spelled-out numbers: "vingt-\nquatre", "dix-\nhuit", "twenty-\nfour".
  'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'quatre', 'cent', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/** Second fragments that only exist after a hyphen: "celle-\nci", "elle-\nmême", "peut-\nêtre". */
const COMPOUND_SUFFIXES = new Set([
  'ci', 'là', 'même', 'mêmes', 't', 'il', 'ils', 'elle', 'elles', 'on', 'dessous', 'dessus', 'après', 'avant',
  'joint', 'jointe', 'joints', 'jointes', 'dire', 'être', 'mail', 'mails',
]);

/** A line that is a table row: cells joined by " | " (DOCX/ODT/Markdown tables). Never merged. */
export function isTableRow(line: string): boolean {
  return line.includes(' | ');
}

/** Starts a list item: a bullet, "a) ", "(i) ", "1) ", "1° ". "(48) heures" is not one: a figure after its words. */
const LIST_MARKER = /^(?:[-–—•▪◦*·»>]\s|\(?[a-z]{1,3}\)\s|\d{1,2}\)\s|\d{1,3}°\s|#{1,6}\s)/i;
/**
 * Starts a numbered heading: "7.2 Notification", "12. Audit", "Article 7 –", "ANNEXE 3", but not a
 * reference that wrapped to the start of a line ("Clause 7.2 of this Agreement", "2.4 du logiciel").
 * Numbered headings carry a dot ("7.", "7.2", "7.2.1."): a bare figure ("73", "24 Heures") is not one.
 */
const NUMBERED_HEAD = /^\d{1,3}(?:(?:\.\d{1,3})+\.?|\.)/;
const KEYWORD_HEAD =
  /^(?:article|art\.|annexe?|chapitre|chapter|titre|section|schedule|appendix|appendice|exhibit|avenant|amendment|clause|partie|part)\s+(?:n°\s*|no\.?\s*)?[\dIVXLCA-Z][\d.]*/i;
/** After the number: a separator, a capital (no `i` flag here: it would make \p{Ll} match capitals), or nothing. */
const TITLE_AFTER_NUMBER = /^(?:\s*[–—:.-]|\s+[^\p{Ll}\s]|\s*$)/u;

/**
 * Whether a line opens a new block (list item or heading) even after an unfinished line:
 * `strong` for a list marker or a numbered title ("Article 7 – Sécurité", "7.2 Notification"),
 * `weak` for a keyword and number without a dash or colon ("Schedule 2. Service Credits are…" may
 * continue "…as set out in"): a heading only after a finished or short line.
 */
export function opensBlock(line: string): 'strong' | 'weak' | false {
  if (LIST_MARKER.test(line)) return 'strong';
  const keyword = KEYWORD_HEAD.exec(line);
  const head = keyword ?? NUMBERED_HEAD.exec(line);
  if (!head) return false;
  const after = line.slice(head[0].length);
  if (!TITLE_AFTER_NUMBER.test(after)) return false;
  return keyword && !/^\s*[–—:-]/.test(after) ? 'weak' : 'strong';
}

/** A keyword heading with its title ("Article 3 – Documents contractuels"): a capital after it starts the body. */
function isTitledKeywordHeading(line: string): boolean {
  const keyword = KEYWORD_HEAD.exec(line);
  return keyword !== null && /^\s*[–—:-]\s*\S/.test(line.slice(keyword[0].length));
}

/** Lines up to this many characters, in pairs, are table cells wrapped in a PDF rather than paragraphs. */
const SHORT_LINE_LENGTH = 30;
/** A line this short after an unfinished one is the tail of a wrapped cell. */
const STUB_LENGTH = 8;

const ENDS_SENTENCE = /[.!?…]["»)\]]?$/;
const ENDS_LIST_ITEM = /[;:]$/;

/**
 * Joins two consecutive lines of one paragraph, repairing a word hyphenated
 * across the break: "notifi-\ncation" → "notification", "sous-\ntraitant" →
 * "sous-traitant".
 */
export function joinLines(previous: string, next: string): string {
  const hyphenated = /(\p{L}+)-$/u.exec(previous);
  if (hyphenated) {
    const fragment = hyphenated[1]!;
    const continuation = /^\p{L}+/u.exec(next)?.[0];
    if (continuation) {
      const keepHyphen =
        !/^\p{Ll}/u.test(continuation) ||
        fragment.length < 2 ||
        COMPOUND_PREFIXES.has(fragment.toLowerCase()) ||
        COMPOUND_SUFFIXES.has(continuation.toLowerCase());
      return keepHyphen ? previous + next : previous.slice(0, -1) + next;
    }
    return previous + next;
  }
  if (/\d-$/.test(previous) && /^\d/.test(next)) return previous + next; // "2025-\n117"
  return `${previous} ${next}`;
}

export interface JoinContext {
  /** Length of a full line of body text on this page, characters. */
  fullLineLength: number;
}

/**
 * Whether `next` continues the paragraph `previous` ends. PDF text comes as
 * visual lines: a line ending without terminal punctuation followed by a
 * lowercase line is the same paragraph; a full-width unfinished line followed
 * by a capital is too (a name, "Client", "Titulaire").
 */
export function continuesParagraph(previous: string, next: string, context: JoinContext): boolean {
  if (isTableRow(previous) || isTableRow(next)) return false;
  const unfinished = !ENDS_SENTENCE.test(previous) && !ENDS_LIST_ITEM.test(previous);
  const full = previous.length >= context.fullLineLength * 0.6;
  const opener = opensBlock(next);
  if (opener === 'strong' || (opener === 'weak' && !(unfinished && full))) return false;
  if (/\p{L}-$/u.test(previous) && /^\p{L}/u.test(next)) return true;
  // Sentences do not start in lowercase: "…toute cette durée ;\nune extraction…", "art.\n7".
  if (/^\p{Ll}/u.test(next)) return true;
  if (endsWithAbbreviation(previous, next)) return true;
  if (!unfinished) return false;
  if (isShouted(previous)) return isShouted(next); // an upper-case title wraps in upper case; then body text
  if (isTitledKeywordHeading(previous)) return false;
  if (full) return true;
  // Two short lines in a row are one cell or row wrapped in a PDF table ("Clémence" / "Aubertin"),
  // and a stub ("73" of "01 45 22 18 73") is the end of a wrapped cell.
  const short = Math.min(SHORT_LINE_LENGTH, context.fullLineLength * 0.5);
  return (previous.length <= short && next.length <= short) || next.length <= STUB_LENGTH;
}

/** Abbreviations whose dot does not end the sentence: "art.", "cf.", "M.", "Mme.", "n°"… */
const ABBREVIATION = /(?:^|[\s(])(?:art|arts|cf|p|pp|al|réf|ref|MM|Mme|Mlle|Dr|Me|Pr|No|i\.e|e\.g|vs|approx|env|Ste|St)\.$/i;

/**
 * "R.\n2161-2" (a code article), "M.\nRémi Chaumeil": the line break falls after an
 * abbreviation. A lone capital is an abbreviation before a figure, or "M." before a name.
 */
function endsWithAbbreviation(previous: string, next: string): boolean {
  if (ABBREVIATION.test(previous)) return true;
  const initial = /(?:^|[\s(])([A-Z])\.$/.exec(previous)?.[1];
  return initial !== undefined && (/^\d/.test(next) || initial === 'M');
}

function isShouted(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && line === line.toUpperCase();
}

/** Typical length of a full body line: the 90th percentile, ignoring table rows and short lines. */
export function fullLineLength(lines: string[]): number {
  const lengths = lines
    .filter((line) => !isTableRow(line) && line.length >= 15)
    .map((line) => line.length)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return Number.POSITIVE_INFINITY; // nothing to compare: never join on width
  return lengths[Math.floor(0.9 * (lengths.length - 1))]!;
}

/**
 * Rebuilds paragraphs from lines: blank lines always separate paragraphs;
 * within a block, lines are joined when `continuesParagraph` says so.
 * Output: paragraphs (one line each; table rows stay rows) separated by "\n\n".
 */
export function rebuildParagraphs(text: string): string {
  const lines = text.split('\n');
  const context: JoinContext = { fullLineLength: fullLineLength(lines) };
  const paragraphs: string[] = [];
  let current: string | null = null;
  // The join decision looks at the last visual line, not the paragraph built so far.
  let lastVisualLine = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (current !== null) paragraphs.push(current);
      current = null;
      continue;
    }
    if (current !== null && continuesParagraph(lastVisualLine, line, context)) {
      current = joinLines(current, line);
    } else {
      if (current !== null) paragraphs.push(current);
      current = line;
    }
    lastVisualLine = line;
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs.join('\n\n');
}

/**
 * For word-processor sources (DOCX, ODT, DOC, RTF) every line already is a
 * paragraph: no visual-line heuristics, just one paragraph per non-empty line.
 */
export function linesAsParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n\n');
}

/** Full normalisation of one page or document: characters, then paragraphs. */
export function normalise(text: string): string {
  return rebuildParagraphs(normaliseCharacters(text));
}
