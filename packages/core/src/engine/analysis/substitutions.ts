import type { ContractDocument } from '../../document/types.js';
import { clauseNumbers, lowerSameLength, tableCells, type Sentence } from './sentences.js';

/**
 * Amendments that change words rather than whole articles: "À l'article 7.3, les mots « soixante-douze (72)
 * heures » sont remplacés par les mots « vingt-quatre (24) heures »", 'In clause 9.2, "ninety (90) days" is
 * replaced by "twelve (12) months"', or a change-log table (clause | replaced wording | new wording). The
 * original sentence no longer binds; the clause reads with the new words.
 */
export interface Substitution {
  /** The sentence the words are changed in. */
  original: Sentence;
  /** The amending sentence (or change-log row). */
  by: Sentence;
  /** The clause as amended: the original with the words replaced (or deleted). */
  text: string;
  /** The clause number the amendment names, if any. */
  article: string | null;
}

const OPEN = `[«"“]\\s*`;
const CLOSE = `\\s*[»"”]`;
const QUOTED = (group: string) => `${OPEN}(?<${group}>[^«»"“”]{1,300}?)${CLOSE}`;
// "à l'article 7.3", "in clause 9.2 of the Agreement", "article 4 :": the clause the words are changed in.
const ARTICLE = String.raw`(?:(?:[àa]|dans|in|under)\s+(?:l'|le |la |the )?)?(?:article|clause|section|paragraph|paragraphe|point|annexe|annex|schedule)\s+(?<article>[a-z]?\d+(?:\.\d+)*)`;
const WORDS = String.raw`(?:(?:les|the)\s+(?:mots|termes|words|figure|chiffre|d[ée]lai|dur[ée]e|period|time)\s*)?`;

// "les mots « A » sont remplacés par les mots « B »", '"A" is replaced by "B"', "the words "A" shall be replaced with "B"".
const REPLACED = new RegExp(
  String.raw`(?:${ARTICLE}[^«"“.;]{0,80}?)?${WORDS}${QUOTED('old')}\s*(?:,\s*)?(?:(?:est|sont|is|are|shall be|will be)\s+(?:hereby\s+)?(?:(?:supprim[ée]e?s?|deleted)\s+(?:et|and)\s+)?(?:remplac[ée]e?s?|replaced|substitu[ée]e?s?|substituted)\s+(?:par|by|with)\s+${WORDS}${QUOTED('new')})`,
  'u',
);
// 'delete "A" and insert "B"', 'replace "A" with "B"', "remplacer « A » par « B »".
const IMPERATIVE = new RegExp(
  String.raw`(?:${ARTICLE}[^«"“.;]{0,80}?)?(?:delete|replace|substitute|remplacer|substituer)\s+${WORDS}${QUOTED('old')}\s*(?:(?:and|et)\s+(?:insert|substitute|replace (?:it )?with|ins[ée]rer)|with|by|par)\s+${WORDS}${QUOTED('new')}`,
  'u',
);
// "les mots « A » sont supprimés", '"A" is deleted'.
const DELETED = new RegExp(
  String.raw`(?:${ARTICLE}[^«"“.;]{0,80}?)?${WORDS}${QUOTED('old')}\s*(?:,\s*)?(?:est|sont|is|are|shall be)\s+(?:hereby\s+)?(?:supprim[ée]e?s?|deleted|struck(?: out)?|removed)(?!\s+(?:et|and))`,
  'u',
);

const CHANGE_VERB = /remplac|replac|substitu|supprim|delet|struck|remov/;

// The header of a change-log table: a column of replaced words and a column of new ones.
const OLD_COLUMN = /replaced|former|old|original|initial|ancien|remplac|actuel|current|existing/u;
const NEW_COLUMN = /new|amended|revised|nouve|modifi|r[ée]vis/u;
const CLAUSE_COLUMN = /clause|article|section|paragraph|paragraphe|r[ée]f[ée]rence|stipulation|point/u;

/** Words compared without case, spacing or typographic quotes. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

interface Change {
  by: Sentence;
  article: string | null;
  old: string;
  replacement: string;
}

function changesIn(sentences: readonly Sentence[]): Change[] {
  const out: Change[] = [];
  let header: { line: number; clause: number; old: number; replacement: number } | null = null;
  for (const s of sentences) {
    if (s.tableRow) {
      const row = tableCells(s.lower);
      const oldAt = row.findIndex((c) => OLD_COLUMN.test(c) && !NEW_COLUMN.test(c));
      const newAt = row.findIndex((c, i) => i !== oldAt && NEW_COLUMN.test(c));
      if (oldAt >= 0 && newAt >= 0) {
        header = { line: s.line, clause: row.findIndex((c) => CLAUSE_COLUMN.test(c)), old: oldAt, replacement: newAt };
        continue;
      }
      // Rows follow their header without a break.
      if (header && s.line <= header.line + 40 && !/^[\s|:-]+$/.test(s.text)) {
        const row2 = tableCells(s.text);
        const old = row2[header.old] ?? '';
        if (old.length >= 2) {
          const article = header.clause >= 0 ? (/[a-z]?\d+(?:\.\d+)*/iu.exec(row2[header.clause] ?? '')?.[0] ?? null) : null;
          out.push({ by: s, article, old, replacement: /^(?:[-–—]|n\/a|néant|none|supprim\p{L}*|deleted)$/iu.test(row2[header.replacement] ?? '') ? '' : (row2[header.replacement] ?? '') });
        }
        continue;
      }
    }
    if (!s.tableRow) header = null;
    // Every form quotes the words and names the change: a cheap test before the three patterns.
    if (!CHANGE_VERB.test(s.lower) || !/[«"“]/u.test(s.text)) continue;
    const m = REPLACED.exec(s.text) ?? IMPERATIVE.exec(s.text);
    if (m?.groups) {
      out.push({ by: s, article: m.groups.article ?? null, old: m.groups.old!, replacement: m.groups.new! });
      continue;
    }
    const d = DELETED.exec(s.text);
    if (d?.groups) out.push({ by: s, article: d.groups.article ?? null, old: d.groups.old!, replacement: '' });
  }
  return out;
}

export function findSubstitutions(doc: ContractDocument, sentences: readonly Sentence[]): Substitution[] {
  const changes = changesIn(sentences);
  if (changes.length === 0) return [];
  const out: Substitution[] = [];
  for (const change of changes) {
    const wanted = plain(change.old);
    // The words in a sentence before the amendment, in the clause it names when it names one.
    const holders = sentences.filter((s) => s.start < change.by.start && s !== change.by && !s.tableRow && plain(s.text).includes(wanted));
    const inClause = change.article ? holders.filter((s) => clauseNumbers(doc, s).has(change.article!.toLowerCase())) : holders;
    const original = (inClause.length ? inClause : change.article ? [] : holders)[0];
    if (!original) continue;
    // Replace in the original's own spelling: find the words again allowing any spacing and apostrophe.
    const pattern = new RegExp(
      wanted
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
        .join('\\s+'),
      'iu',
    );
    const at = pattern.exec(original.text);
    if (!at) continue;
    const text = original.text.slice(0, at.index) + change.replacement + original.text.slice(at.index + at[0].length);
    out.push({ original, by: change.by, text, article: change.article });
  }
  return out;
}

/**
 * The amending sentence read as the clause it amends: the amended text, the original's section and lead-in,
 * at the amendment's place in the document (so its quote and page show the amendment).
 */
export function asAmendedClause(sub: Substitution): Sentence {
  return {
    ...sub.by,
    text: sub.text,
    lower: lowerSameLength(sub.text),
    section: sub.original.section,
    leadIn: sub.original.leadIn,
    tableRow: false,
    heading: false,
  };
}
