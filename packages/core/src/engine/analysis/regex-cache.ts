/**
 * Patterns built from a contract's party names are the same for every sentence
 * of that contract: compile each once. Callers of a cached global (`g`) regex
 * reset `lastIndex` or use `matchAll`, which works on a copy.
 */
const compiled = new Map<string, RegExp>();

export function cachedRegex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size > 2_000) compiled.clear(); // a long batch of contracts with different party names
    re = new RegExp(source, flags);
    compiled.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

const perOwner = new WeakMap<object, Map<string, RegExp>>();

/**
 * A pattern built from one contract's party names, compiled once per contract
 * (`owner` is its party lexicon) under a short key: looking a pattern up by its
 * whole source would hash a long alternation of names on every call.
 */
export function ownedRegex(owner: object, key: string, build: () => string, flags: string): RegExp {
  let patterns = perOwner.get(owner);
  if (!patterns) {
    patterns = new Map();
    perOwner.set(owner, patterns);
  }
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(build(), flags);
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
