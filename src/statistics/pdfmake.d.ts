// pdfmake 0.2 ships no types; the server-side printer is all this service uses.
declare module 'pdfmake' {
  import type { Readable } from 'node:stream';
  interface PdfKitDocument extends Readable {
    end(): void;
  }
  export default class PdfPrinter {
    constructor(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>);
    createPdfKitDocument(definition: Record<string, unknown>): PdfKitDocument;
  }
}
