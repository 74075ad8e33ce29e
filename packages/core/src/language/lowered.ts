/**
 * Patterns the engine runs on text it has already lower-cased (`sentence.lower`,
 * heading paths). On such text the `i` flag buys nothing, and V8 runs
 * case-insensitive Unicode patterns (`/iu`) 10 to 30 times slower than the same
 * pattern with `u` alone (measured on 12,690 contract sentences: the log-topic
 * pattern 46 ms vs 4 ms, the retention-verb pattern 244 ms vs 4 ms). `lowered`
 * drops the flag, after checking the pattern has no upper-case letter that
 * could then never match.
 *
 * Under the test runner the returned pattern also refuses text that still has
 * upper-case letters, so a caller that forgets to lower-case fails a test
 * instead of silently missing a clause.
 */
const ESCAPES = /\\[pP]\{[^}]*\}|\\./gu;
const UPPER = /\p{Lu}/u;
const CHECKING = typeof process !== 'undefined' && process.env.VITEST !== undefined;

export function lowered(pattern: RegExp): RegExp {
  const literal = pattern.source.replace(ESCAPES, '');
  if (UPPER.test(literal)) throw new Error(`lowered(): /${pattern.source}/ has an upper-case letter; it would never match lower-cased text`);
  const flags = pattern.flags.replace('i', '');
  return CHECKING ? new LowerOnly(pattern.source, flags) : new RegExp(pattern.source, flags);
}

/** Test-time guard: the pattern is only ever given lower-cased text. */
class LowerOnly extends RegExp {
  override exec(text: string): RegExpExecArray | null {
    if (UPPER.test(text)) throw new Error(`lowered pattern /${this.source.slice(0, 60)}…/ given text with upper case: "${text.slice(0, 80)}"`);
    return super.exec(text);
  }
  // matchAll and split copy the pattern through its species, which is this class by default.
}
