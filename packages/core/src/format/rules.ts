import type { Report } from '../report/schema.js';
import type { RuleDefinition } from '../rules/pack-schema.js';
import type { FormatOptions } from './types.js';
import type { Language } from '../document/types.js';

/** The rule columns/sections a format shows: the pack's order, then rules only the report mentions. */
export function ruleIds(report: Pick<Report, 'files'>, options: FormatOptions): string[] {
  const ids = (options.pack?.rules ?? []).map((rule) => rule.id);
  const seen = new Set(ids);
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (!seen.has(finding.rule)) {
        seen.add(finding.rule);
        ids.push(finding.rule);
      }
    }
  }
  return ids;
}

export function ruleDefinition(options: FormatOptions, id: string): RuleDefinition | undefined {
  return options.pack?.rules.find((rule) => rule.id === id);
}

export function ruleTitle(options: FormatOptions, id: string): string {
  const rule = ruleDefinition(options, id);
  return rule ? rule.title[language(options)] : id;
}

export function language(options: FormatOptions): Language {
  return options.lang ?? 'en';
}
