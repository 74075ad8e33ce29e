import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { layoutDocument } from '../fixtures/pdf-layout.js';
import type { Source } from '../fixtures/source.js';

/**
 * How many A4 pages a source fills with the fixture PDF layout. Used to size
 * every contract (and to count the pages of DOCX/ODT/TXT files, which have no
 * pages of their own) without writing a PDF.
 */
export class PageCounter {
  private fonts: Promise<Record<'helvetica' | 'times', [PDFFont, PDFFont]>>;

  constructor() {
    this.fonts = (async () => {
      const pdf = await PDFDocument.create();
      return {
        helvetica: [await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold)],
        times: [await pdf.embedFont(StandardFonts.TimesRoman), await pdf.embedFont(StandardFonts.TimesRomanBold)],
      };
    })();
  }

  async pages(source: Source): Promise<number> {
    const [regular, bold] = (await this.fonts)[source.meta.font];
    const metrics = { widthOf: (text: string, size: number, isBold?: boolean) => (isBold ? bold : regular).widthOfTextAtSize(text.replace(/[\u202f\u2009]/g, '\u00a0').replace(/\u2011/g, '-'), size) };
    // Same body sizes as scripts/fixtures/write-pdf.ts.
    const layout = layoutDocument(source.blocks, metrics, {
      columns: source.meta.columns,
      hyphenate: source.meta.hyphenate,
      bodySize: source.meta.font === 'times' ? 10.5 : 9.5,
    });
    return layout.length;
  }
}
