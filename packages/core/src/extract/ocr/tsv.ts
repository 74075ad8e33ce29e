import type { OcrPageText } from './engine.js';

/**
 * Tesseract's TSV output, one row per layout element; level 5 rows are words
 * with a confidence (0–100, or -1 for non-word rows). Columns: level,
 * page_num, block_num, par_num, line_num, word_num, left, top, width, height,
 * conf, text.
 */
export function pageTextFromTsv(tsv: string): OcrPageText {
  const paragraphs: string[][] = [];
  let lastParagraph = '';
  let lastLine = '';
  let confidenceSum = 0;
  let words = 0;
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = cells.slice(11).join('\t').trim();
    const confidence = Number(cells[10]);
    if (text === '' || !Number.isFinite(confidence) || confidence < 0) continue;
    const paragraph = `${cells[1]}.${cells[2]}.${cells[3]}`;
    const line = `${paragraph}.${cells[4]}`;
    if (paragraph !== lastParagraph) paragraphs.push([]);
    const lines = paragraphs[paragraphs.length - 1]!;
    if (line !== lastLine) lines.push(text);
    else lines[lines.length - 1] += ` ${text}`;
    lastParagraph = paragraph;
    lastLine = line;
    confidenceSum += confidence;
    words++;
  }
  return {
    text: paragraphs.map((lines) => lines.join('\n')).join('\n\n'),
    confidence: words === 0 ? 0 : round1(confidenceSum / words),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
