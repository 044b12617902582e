/** The part of pdfmake 0.2 (CommonJS, no bundled types) the service uses, on the server (minutes, bilan, subject access). */
declare module 'pdfmake' {
  import type { Readable } from 'node:stream';
  interface PdfKitDocument extends Readable {
    end(): void;
  }
  export default class PdfPrinter {
    constructor(
      fonts: Record<string, { normal: Buffer | string; bold: Buffer | string; italics: Buffer | string; bolditalics: Buffer | string }>,
    );
    createPdfKitDocument(definition: Record<string, unknown>): PdfKitDocument;
  }
}

declare module 'pdfmake/build/vfs_fonts.js' {
  const vfs: Record<string, string>;
  export default vfs;
}
