// natural is imported by submodule only (its top-level import is slow and prints to stdout).
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  const distances: {
    DamerauLevenshteinDistance(source: string, target: string, options?: { restricted?: boolean }): number;
  };
  export default distances;
}
