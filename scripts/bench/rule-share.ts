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
 * on identical inputs.
 */
export async function measureRuleShare(paths: string[]): Promise<RuleShare> {
  const pack = await loadPack();
  let extractAndBuild = 0;
  let ruleMatching = 0;
  let files = 0;
  for (const path of paths) {
    const t0 = performance.now();
    const extracted = await extractFile(path);
    if (!extracted.ok) continue;
    const doc = buildDocument(extracted.raw);
    const t1 = performance.now();
    auditDocument(doc, pack);
    const t2 = performance.now();
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
