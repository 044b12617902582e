import PdfPrinter from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import type { MinutesViewDto } from './dto/session.dto.js';

const font = (name: string) => Buffer.from(vfs[name], 'base64');
let printer: PdfPrinter | undefined;

const frenchDate = (iso: string, withTime = false) =>
  new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) });

/**
 * Approved minutes as a French PDF: the session, then each item the reader may see, named by its
 * case reference. Rendered in memory (nothing touches the disk); the caller records the download.
 */
export async function renderMinutesPdf(session: { scheduledAt: Date; location: string }, minutes: MinutesViewDto): Promise<Buffer> {
  printer ??= new PdfPrinter({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  const document = printer.createPdfKitDocument({
    info: { title: 'Procès-verbal de séance — commission des situations complexes', creator: 'clsm-cellule' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.3 },
    pageMargins: [50, 60, 50, 60],
    header: {
      text: 'Document confidentiel — informations couvertes par le secret professionnel partagé',
      alignment: 'center',
      fontSize: 8,
      margin: [0, 25, 0, 0],
    },
    footer: (page: number, pages: number) => ({ text: `Page ${page} sur ${pages}`, alignment: 'center', fontSize: 8 }),
    content: [
      { text: 'Procès-verbal de la séance de la commission des situations complexes', fontSize: 15, bold: true, margin: [0, 0, 0, 10] },
      { text: `Séance du ${frenchDate(session.scheduledAt.toISOString(), true)} — ${session.location}` },
      {
        text: minutes.approvedAt ? `Approuvé le ${frenchDate(minutes.approvedAt, true)} par la présidence de séance.` : 'Non approuvé.',
        italics: true,
        margin: [0, 0, 0, 15],
      },
      ...minutes.items.flatMap((item, index) => [
        { text: `Point ${index + 1} — dossier ${item.reference}`, fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
        { text: item.text },
      ]),
      ...(minutes.items.length === 0 ? [{ text: 'Aucun point de ce procès-verbal ne vous est accessible.', italics: true }] : []),
    ],
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.end();
  return done;
}
