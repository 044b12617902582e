import PdfPrinter from 'pdfmake';
import type { StatCellDto, StatisticsDto, StatTableDto } from './dto/statistics.dto.js';

/** The PDF's standard fonts (no font file to ship; WinAnsi covers French). */
const printer = new PdfPrinter({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});

const BLUE = '#000091';
const cellText = (cell: StatCellDto | null | undefined) => (cell == null ? '' : cell.value === null ? 's' : String(cell.value));
const frenchDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A horizontal bar chart of a one-way table's published cells (suppressed ones drawn as "s"). */
function barChart(table: StatTableDto): Record<string, unknown> {
  const rows = table.rows.map((row, index) => ({ label: row.label, cell: table.cells[index][0] }));
  const max = Math.max(1, ...rows.map((row) => row.cell.value ?? 0));
  const height = 16 * rows.length + 4;
  const bars = rows
    .map((row, index) => {
      const y = 16 * index + 2;
      const width = row.cell.value === null ? 0 : Math.round((row.cell.value / max) * 250);
      return (
        `<text x="0" y="${y + 11}" font-size="8" font-family="Helvetica">${escape(row.label)}</text>` +
        `<rect x="170" y="${y}" width="${width}" height="12" fill="${BLUE}"/>` +
        `<text x="${174 + width}" y="${y + 10}" font-size="8" font-family="Helvetica">${cellText(row.cell)}</text>`
      );
    })
    .join('');
  return { svg: `<svg width="460" height="${height}" viewBox="0 0 460 ${height}">${bars}</svg>`, margin: [0, 4, 0, 10] };
}

function table(statTable: StatTableDto): Record<string, unknown>[] {
  const twoWay = statTable.columns.length > 1;
  const header = [statTable.rowTitle, ...statTable.columns.map((column) => column.label), ...(twoWay ? ['Total'] : [])];
  const body = statTable.rows.map((row, index) => [
    row.label,
    ...statTable.cells[index].map(cellText),
    ...(twoWay ? [cellText(statTable.rowTotals?.[index])] : []),
  ]);
  if (statTable.total) {
    body.push([
      'Total',
      ...(twoWay ? (statTable.columnTotals ?? []).map(cellText) : [cellText(statTable.total)]),
      ...(twoWay ? [cellText(statTable.total)] : []),
    ]);
  }
  const content: Record<string, unknown>[] = [
    { text: statTable.title, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', ...header.slice(1).map(() => 'auto')],
        body: [header.map((text) => ({ text, bold: true })), ...body],
      },
      layout: 'lightHorizontalLines',
      fontSize: twoWay && header.length > 6 ? 7 : 9,
    },
  ];
  if (statTable.note) content.push({ text: statTable.note, italics: true, fontSize: 8, margin: [0, 2, 0, 0] });
  if (!twoWay && statTable.additive && ['saisinesByMonth', 'saisinesByReferrerKind', 'closuresByOutcome'].includes(statTable.key))
    content.push(barChart(statTable));
  if (!statTable.additive) content.push(barChart(statTable));
  return content;
}

/** The yearly report, in French, ready to paste into the CLSM's bilan. */
export function renderReport(statistics: StatisticsDto, year: number): Promise<Buffer> {
  const content: unknown[] = [
    { text: `Cellule d'appui aux situations complexes — bilan ${year}`, style: 'h1' },
    {
      text: `Période du ${frenchDate(statistics.from)} au ${frenchDate(statistics.to)}. Saisines : ${statistics.saisines}.`,
      margin: [0, 0, 0, 6],
    },
    {
      text: `Secret statistique : aucun effectif de 1 à ${statistics.minimumCount - 1} n'est publié ; « s » marque une case masquée, soit parce qu'elle est petite, soit pour qu'aucune petite case ne puisse être retrouvée par différence avec les totaux.`,
      fontSize: 8,
      italics: true,
      margin: [0, 0, 0, 10],
    },
  ];
  if (statistics.withheld) {
    content.push({ text: `Moins de ${statistics.minimumCount} saisines sur la période : seul leur nombre est publié.` });
  } else {
    for (const statTable of statistics.tables) content.push(...table(statTable));
    const delay = statistics.delayToFirstSession;
    content.push({ text: 'Activité de la commission', style: 'h2' });
    content.push({
      ul: [
        `Séances tenues : ${statistics.sessionsHeld ?? 0}`,
        `Situations examinées : ${cellText(statistics.situationsReviewed)}`,
        delay && delay.median !== null
          ? `Délai entre la saisine et la première séance : médiane ${delay.median} jours (quartiles ${delay.firstQuartile} et ${delay.thirdQuartile})`
          : 'Délai entre la saisine et la première séance : non publié (trop peu de situations)',
      ],
    });
  }
  const document = printer.createPdfKitDocument({
    info: { title: `Bilan ${year} de la cellule d'appui aux situations complexes`, author: 'CLSM', subject: 'Statistiques anonymisées' },
    content,
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      h1: { fontSize: 16, bold: true, color: BLUE, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
    },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'right', fontSize: 8, margin: [0, 10, 40, 0] }),
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
