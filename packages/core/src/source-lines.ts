import type { SourceLines } from './format/types.js';

/**
 * Finds a quoted passage in a text source and returns its 1-based lines, for
 * SARIF regions. The quote comes from the normalised text (whitespace collapsed,
 * lines re-flowed), so words are matched with any whitespace between them.
 * Returns null when the passage cannot be found verbatim (e.g. hyphenation was
 * repaired), rather than pointing at the wrong line.
 */
export function locateLines(source: string, quote: string): SourceLines | null {
  const words = quote.replace(/\s*\[…\]\s*$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u');
  const match = pattern.exec(source.normalize('NFC'));
  if (!match) return null;
  const startLine = lineAt(source, match.index);
  const endLine = startLine + countNewlines(match[0]);
  return { startLine, endLine };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lineAt(text: string, offset: number): number {
  return countNewlines(text.slice(0, offset)) + 1;
}

/** \n, \r\n and a lone \r each end a line. */
function countNewlines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}
