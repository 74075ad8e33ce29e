import { PDFParse } from 'pdf-parse';

/**
 * Rasterises PDF pages for OCR through pdf-parse's renderer (pdf.js drawing on
 * @napi-rs/canvas, both shipped as npm packages). One page at a time, so a
 * long scan never holds more than one bitmap.
 */

/** Tesseract reads 10–12 pt body text best at about 300 dpi. */
export const OCR_DPI = 300;
/**
 * Cap on one bitmap, pixels: an A4 page at 300 dpi is 8.7 Mpx. A hostile
 * MediaBox (a 5 m wide "page") is rendered at a lower resolution instead of
 * allocating gigabytes.
 */
const MAX_PIXELS = 12_000_000;
const POINTS_PER_INCH = 72;

export interface RenderedPage {
  /** 1-based. */
  pageNumber: number;
  png: Uint8Array;
  /** The resolution it was rendered at (lower than OCR_DPI only for oversized pages). */
  dpi: number;
}

export interface PageRenderer {
  render(pageNumber: number): Promise<RenderedPage>;
  close(): Promise<void>;
}

export async function openPageRenderer(pdf: Uint8Array, password?: string): Promise<PageRenderer> {
  // pdf.js takes ownership of (and may detach) the buffer it is given.
  const parser = new PDFParse({ data: new Uint8Array(pdf), password, verbosity: 0 });
  const info = await parser.getInfo({ parsePageInfo: true });
  const sizes = new Map(info.pages.map((page) => [page.pageNumber, page] as const));
  return {
    async render(pageNumber) {
      const size = sizes.get(pageNumber);
      const pointsArea = size ? Math.max(1, size.width * size.height) : 595 * 842;
      const fullScale = OCR_DPI / POINTS_PER_INCH;
      const scale = Math.min(fullScale, Math.sqrt(MAX_PIXELS / pointsArea));
      const shot = await parser.getScreenshot({ partial: [pageNumber], scale, imageDataUrl: false, imageBuffer: true });
      const page = shot.pages[0];
      if (!page) throw new Error(`page ${pageNumber} was not rendered`);
      return { pageNumber, png: page.data, dpi: scale * POINTS_PER_INCH };
    },
    close: () => parser.destroy(),
  };
}
