/**
 * Jobs for fuzzing in isolation children: the full detect-and-dispatch path,
 * and one format's extractor fed directly (bypassing detection, so mutated
 * bytes reach the parser instead of being refused at the door).
 */
import type { SourceFormat } from '../../../packages/core/src/document/types.js';
import { extractorFor } from '../../../packages/core/src/extract/index.js';
import type { ExtractOptions, ExtractResult } from '../../../packages/core/src/extract/types.js';

export { extractBytes } from '../../../packages/core/src/extract/index.js';

export async function extractAs(format: SourceFormat, bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const extractor = extractorFor(format);
  if (!extractor) throw new Error(`no extractor for ${format}`);
  return extractor.extract(bytes, options);
}
