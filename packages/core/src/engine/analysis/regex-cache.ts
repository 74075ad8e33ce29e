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
