/** The part of pdfmake 0.2 (CommonJS, no bundled types) that the minutes use, on the server. */
declare module 'pdfmake' {
  interface PdfKitDocument extends NodeJS.ReadableStream {
    end(): void;
  }
  export default class PdfPrinter {
    constructor(fonts: Record<string, { normal: Buffer | string; bold: Buffer | string; italics: Buffer | string; bolditalics: Buffer | string }>);
    createPdfKitDocument(definition: Record<string, unknown>): PdfKitDocument;
  }
}

declare module 'pdfmake/build/vfs_fonts.js' {
  const vfs: Record<string, string>;
  export default vfs;
}
