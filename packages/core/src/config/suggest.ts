import distances from 'natural/lib/natural/distance/levenshtein_distance.js';

/**
 * "Did you mean …?" for a mistyped key or id. Damerau-Levenshtein, so a swapped
 * pair of letters ("faliOn") counts as one edit; case differences cost nothing
 * extra beyond the letters themselves being compared case-insensitively.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // A cut-short id ("incident-notif") is a prefix of the one meant.
  const prefixed = candidates.filter((candidate) => lower.length >= 3 && candidate.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = distances.DamerauLevenshteinDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  // Beyond a third of the word's length a suggestion is more confusing than helpful.
  if (!best || best.distance > Math.max(2, Math.ceil(word.length / 3))) return undefined;
  return best.candidate;
}
