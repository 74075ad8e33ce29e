import type { z } from 'zod';
import { closest } from './suggest.js';

/** A configuration problem, phrased so the user can fix it without reading the docs. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
    this.name = 'ConfigError';
  }
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** The schema found at a key path, looking through optional/default/record/array wrappers. */
function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): AnySchema | undefined {
  let current = unwrap(root as AnySchema);
  for (const key of path) {
    if (!current) return undefined;
    const def = current._zod.def;
    if (def.type === 'object') current = unwrap((def.shape as Record<string, AnySchema>)[String(key)]);
    else if (def.type === 'record') current = unwrap(def.valueType as AnySchema);
    else if (def.type === 'array') current = unwrap(def.element as AnySchema);
    else return undefined;
  }
  return current;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  while (current && ['optional', 'default', 'nullable', 'prefault'].includes(current._zod.def.type)) {
    current = current._zod.def.innerType as AnySchema;
  }
  return current;
}

function knownKeys(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const schema = schemaAt(root, path);
  return schema?._zod.def.type === 'object' ? Object.keys(schema._zod.def.shape as object) : [];
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(top level)';
}

/** One readable line per zod issue: key path, what was expected, and a suggestion for a typo. */
export function describeIssues(root: z.ZodType, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const where = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(root, issue.path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, known);
        const at = issue.path.length ? `${formatPath([...issue.path, key])}` : key;
        return `${at}: unknown key${suggestion ? ` — did you mean "${suggestion}"?` : ''} (allowed: ${known.join(', ')})`;
      });
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      return [`${where}: expected one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`];
    }
    if (issue.code === 'invalid_type') return [`${where}: expected ${issue.expected}`];
    return [`${where}: ${issue.message}`];
  });
}
