/** A paragraph of the normalised text, with its half-open offsets. */
export interface ParagraphSpan {
  start: number;
  end: number;
  text: string;
}

/** Splits normalised text (paragraphs separated by blank lines) into paragraphs with offsets. */
export function paragraphSpans(text: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (;;) {
    const match = separator.exec(text);
    const end = match ? match.index : text.length;
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') spans.push({ start: start + leading, end: start + leading + trimmed.length, text: trimmed });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return spans;
}
