import { fastForm } from '../../language/lowered.js';

const perOwner = new WeakMap<object, Map<string, RegExp>>();

/**
 * A pattern built from one contract's party names, compiled once per contract
 * (`owner` is its party lexicon) under a short key: looking a pattern up by its
 * whole source would hash a long alternation of names on every call.
 * Compiled in `lowered`'s fast form, which matches the same text. Callers of
 * a global (`g`) pattern get it with `lastIndex` reset, or use `matchAll`.
 */
export function ownedRegex(owner: object, key: string, build: () => string, flags: string): RegExp {
  let patterns = perOwner.get(owner);
  if (!patterns) {
    patterns = new Map();
    perOwner.set(owner, patterns);
  }
  let re = patterns.get(key);
  if (!re) {
    // Case-sensitive party patterns run on lower-cased text: the fast form matches the same.
    const fast = fastForm(build(), flags);
    re = new RegExp(fast.source, fast.flags);
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
