import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Repairs the letter confusions Tesseract's LSTM models make on contract
 * fonts, which would otherwise hide the very words rules look for: "rn" read
 * as "m" (journaux → "joumaux", fournit → "foumit"), "rm" as "mm"
 * ("pemmettent"), "rr" as "n" ("couniel"), "ri" as "n" ("Secunty"), "cl" as
 * "d" ("Artide"), a dropped "l" ("ilimité"), a flipped accent ("accés").
 * A word is changed only when it is not a French or English word and exactly
 * one confusion turns it into one, so names, codes and correctly read words
 * are left alone. Only OCR'd pages go through here.
 */

/** Word lists (MIT, npm): ~336 000 French and ~275 000 English inflected forms. */
const require = createRequire(import.meta.url);
let lexicon: Set<string> | null = null;

function words(): Set<string> {
  if (!lexicon) {
    const lists = ['an-array-of-french-words/index.json', 'an-array-of-english-words/index.json'];
    // Parsed directly rather than `require`d, so the 600 000-entry arrays are not kept in
    // the module cache beside the Set (about 100 MiB of resident memory in all).
    lexicon = new Set(lists.flatMap((list) => JSON.parse(readFileSync(require.resolve(list), 'utf8')) as string[]));
  }
  return lexicon;
}

/** What was read → what it may have been; each applied at one position at a time. */
const CONFUSIONS: Array<[read: string, meant: string]> = [
  ['m', 'rn'],
  ['m', 'in'],
  ['m', 'rr'],
  ['mm', 'rm'],
  ['n', 'rr'],
  ['rn', 'm'],
  ['d', 'cl'],
  ['n', 'r'],
  ['n', 'ri'],
  ['r', 'n'],
  ['i', 'r'],
  ['i', 'l'],
  ['l', 'i'],
  ['i', 'il'],
  ['l', 'll'],
  ['é', 'è'],
  ['è', 'é'],
  ['c', 'e'],
  ['e', 'c'],
];

/** Shorter words have too many neighbours to be repaired safely. */
const MIN_LENGTH = 4;

export function repairOcrText(text: string, lexicon: ReadonlySet<string> = words()): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(/\p{L}+/gu, (word: string, at: number, whole: string) => {
    if (word.length < MIN_LENGTH || isHyphenationFragment(whole, at, word.length)) return word;
    const lower = word.toLowerCase();
    if (lexicon.has(lower)) return word;
    const found = new Set<string>();
    for (const [read, meant] of CONFUSIONS) {
      for (let at = lower.indexOf(read); at >= 0; at = lower.indexOf(read, at + 1)) {
        const candidate = lower.slice(0, at) + meant + lower.slice(at + read.length);
        if (lexicon.has(candidate)) found.add(candidate);
      }
    }
    if (found.size !== 1) return word;
    repaired++;
    return withCaseOf(word, [...found][0]!);
  });
  return { text: out, repaired };
}

/** "notifica-⏎tion": either half alone is no word, and must not be "repaired" into one. */
function isHyphenationFragment(text: string, at: number, length: number): boolean {
  // OCR may put a blank line between the two halves.
  return /-[ \t]*(\r?\n[ \t]*)+$/.test(text.slice(Math.max(0, at - 12), at)) || /^[-\u00ad][ \t]*\r?\n/.test(text.slice(at + length, at + length + 8));
}

function withCaseOf(original: string, candidate: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return candidate.toUpperCase();
  if (original[0] === original[0]!.toUpperCase()) return candidate[0]!.toUpperCase() + candidate.slice(1);
  return candidate;
}
