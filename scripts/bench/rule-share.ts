import { auditDocument, buildDocument, extractFile, loadPack } from '../../packages/core/src/index.js';

/** Where in-process time goes for a sample: reading the file into a document vs matching the rules. */
export interface RuleShare {
  files: number;
  extractAndBuildSeconds: number;
  ruleMatchingSeconds: number;
  /** ruleMatching / (extractAndBuild + ruleMatching), 0–100. */
  percent: number;
}

/**
 * Measures from the core sources (the same code the CLI bundles), in this
 * process, without the cache or the worker pool, so the two parts are timed
 * on identical inputs, after one uncounted contract per format.
 */
export async function measureRuleShare(paths: string[]): Promise<RuleShare> {
  const pack = await loadPack();
  // Steady state, as in a bulk audit: one contract of each format first, uncounted, so that
  // neither side is charged with one-off costs (module loading, regex compilation, JIT).
  const warmUp = new Map<string, string>();
  for (const path of paths) {
    const ext = path.slice(path.lastIndexOf('.'));
    if (!warmUp.has(ext)) warmUp.set(ext, path);
  }
  for (const path of warmUp.values()) {
    const extracted = await extractFile(path);
    if (extracted.ok) auditDocument(buildDocument(extracted.raw), pack);
  }
  let extractAndBuild = 0;
  let ruleMatching = 0;
  let files = 0;
  // CPU time of this process (user + system), not wall time: on a shared machine wall time
  // charges other jobs' load to whichever side happens to be running.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (const path of paths) {
    const t0 = cpuMs();
    const extracted = await extractFile(path);
    if (!extracted.ok) continue;
    const doc = buildDocument(extracted.raw);
    const t1 = cpuMs();
    auditDocument(doc, pack);
    const t2 = cpuMs();
    extractAndBuild += t1 - t0;
    ruleMatching += t2 - t1;
    files++;
  }
  const total = extractAndBuild + ruleMatching;
  return {
    files,
    extractAndBuildSeconds: extractAndBuild / 1000,
    ruleMatchingSeconds: ruleMatching / 1000,
    percent: total === 0 ? 0 : (ruleMatching / total) * 100,
  };
}
