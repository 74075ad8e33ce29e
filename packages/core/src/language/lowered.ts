/**
 * Patterns the engine runs on text it has already lower-cased (`sentence.lower`,
 * heading paths). On such text the `i` flag buys nothing, and V8 runs
 * case-insensitive Unicode patterns (`/iu`) 10 to 30 times slower than the same
 * pattern with `u` alone (measured on 12,690 contract sentences: the log-topic
 * pattern 46 ms vs 4 ms, the retention-verb pattern 244 ms vs 4 ms). `lowered`
 * drops the flag, after checking the pattern has no upper-case letter that
 * could then never match.
 *
 * `lowered` also spells `\p{L}` out as the letters contracts are written in
 * (Latin, Greek, Cyrillic) and, when nothing else needs it, drops the `u` flag:
 * V8 tests `\p{L}` against every Unicode letter range, which made one role
 * pattern 3 to 4 times slower (770 ms vs 235 ms over 12,690 sentences ×20), and
 * non-Unicode mode runs the remaining patterns about 30 % faster. Letters of
 * other scripts then count as non-letters, which only matters around words.
 *
 * Under the test runner the returned pattern also refuses text that still has
 * upper-case letters, so a caller that forgets to lower-case fails a test
 * instead of silently missing a clause.
 */
const ESCAPES = /\\[pP]\{[^}]*\}|\\./gu;
const UPPER = /\p{Lu}/u;
const CHECKING = typeof process !== 'undefined' && process.env.VITEST !== undefined;

// \p{L} for the scripts contracts use: Latin (with ª º, Latin-1, Extended-A/B and Additional), Greek, Cyrillic,
// and the ﬀ–ﬆ ligatures. Upper-case ranges stay in, so the class means "letter" whatever the text.
const LETTERS = 'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u03ff\\u0400-\\u052f\\u1e00-\\u1eff\\ufb00-\\ufb06';
// Only what the rewrite handles; any other Unicode-mode escape keeps the `u` flag.
const UNICODE_ONLY = /\\[pP]\{|\\u\{/;

/** `\p{L}` spelled out (inside a class: its ranges; outside: a class of them). */
function spellOutLetters(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const escape = source.slice(i, i + 5);
      if (escape === '\\p{L}') {
        out += inClass ? LETTERS : `[${LETTERS}]`;
        i += 4;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

export function lowered(pattern: RegExp): RegExp {
  const literal = pattern.source.replace(ESCAPES, '');
  if (UPPER.test(literal)) throw new Error(`lowered(): /${pattern.source}/ has an upper-case letter; it would never match lower-cased text`);
  const { source, flags } = fastForm(pattern.source, pattern.flags.replace('i', ''));
  return CHECKING ? new LowerOnly(source, flags) : new RegExp(source, flags);
}

/** The same case-sensitive pattern without `\p{L}` and, when nothing needs it, without the `u` flag. */
export function fastForm(source: string, flags: string): { source: string; flags: string } {
  if (flags.includes('i')) return { source, flags };
  const spelled = spellOutLetters(source);
  return { source: spelled, flags: UNICODE_ONLY.test(spelled) ? flags : flags.replace('u', '') };
}

/** Test-time guard: the pattern is only ever given lower-cased text. */
class LowerOnly extends RegExp {
  override exec(text: string): RegExpExecArray | null {
    if (UPPER.test(text)) throw new Error(`lowered pattern /${this.source.slice(0, 60)}…/ given text with upper case: "${text.slice(0, 80)}"`);
    return super.exec(text);
  }
  // matchAll and split copy the pattern through its species, which is this class by default.
}
