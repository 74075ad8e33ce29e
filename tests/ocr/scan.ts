import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openPageRenderer } from '../../packages/core/src/extract/ocr/render-pages.js';

/**
 * Test helpers that fake a scanner: the born-digital PDF's pages are rendered
 * to images and put back into a PDF that holds only those images, so the
 * result has no text layer at all, like a contract signed, scanned and sent
 * back by the supplier.
 */

/** Image-only copy of `pdf`; `keepTextPages` (1-based) stay born-digital, for mixed PDFs. */
export async function makeScannedPdf(pdf: Uint8Array, keepTextPages: number[] = []): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  const renderer = await openPageRenderer(pdf);
  try {
    for (let index = 0; index < source.getPageCount(); index++) {
      const pageNumber = index + 1;
      if (keepTextPages.includes(pageNumber)) {
        const [copied] = await out.copyPages(source, [index]);
        out.addPage(copied!);
        continue;
      }
      const { width, height } = source.getPage(index).getSize();
      const image = await out.embedPng((await renderer.render(pageNumber)).png);
      out.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
  } finally {
    await renderer.close();
  }
  return out.save();
}

/** A born-digital A4 PDF, one entry of `pages` per page, lines drawn top-down in 12 pt Helvetica. */
export async function makeTextPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 12, font }));
  }
  return doc.save();
}
