import PdfPrinter from 'pdfmake';
import type { SubjectAccessDto } from './dto/subject-access.dto.js';

const printer = new PdfPrinter({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});

const GROUP_TITLES: Record<string, string> = {
  identity: 'Identité',
  contact: 'Coordonnées',
  social: 'Situation sociale',
  health: 'Santé',
  narrative: 'Récit de la situation',
  documents: 'Documents',
};
const dateTime = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso)) : '—';

/** The text of a JSON scalar (string, number, boolean or null). */
const scalar = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** A value of the case file as lines of text (nested objects and lists flattened). */
function lines(value: unknown, prefix = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => lines(item, `${prefix}${index + 1}. `));
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      typeof item === 'object' && item !== null
        ? [`${prefix}${key} :`, ...lines(item, `${prefix}  `)]
        : [`${prefix}${key} : ${scalar(item)}`],
    );
  return [`${prefix}${scalar(value)}`];
}

const section = (title: string, body: unknown[]) => [
  { text: title, style: 'h2' },
  ...(body.length > 0 ? body : [{ text: 'Aucune information.', italics: true }]),
];

/** The right-of-access document in French (GDPR art. 15), from the same JSON document. */
export function renderSubjectAccess(document: SubjectAccessDto): Promise<Buffer> {
  const content: unknown[] = [
    { text: 'Informations détenues sur vous par la cellule d’appui aux situations complexes', style: 'h1' },
    {
      text: `Dossier ${document.reference}, enregistré le ${dateTime(document.createdAt)}. Document établi le ${dateTime(document.producedAt)} (RGPD, article 15).`,
      margin: [0, 0, 0, 8],
    },
    ...section(
      'Dossier',
      Object.entries(document.caseFile).flatMap(([group, value]) => [
        { text: GROUP_TITLES[group] ?? group, bold: true, margin: [0, 4, 0, 2] },
        { ul: lines(value) },
      ]),
    ),
    ...(document.withheldGroups.length > 0
      ? [
          {
            text: `Informations détenues mais communiquées par un professionnel habilité : ${document.withheldGroups.map((group) => GROUP_TITLES[group] ?? group).join(', ')}.`,
            italics: true,
            margin: [0, 4, 0, 0],
          },
        ]
      : []),
    ...section(
      'Étapes et décisions',
      document.history.length > 0
        ? [
            {
              ul: document.history.map(
                (step) => `${dateTime(step.at)} : ${step.from} → ${step.to}${step.reason ? ` (${step.reason})` : ''}`,
              ),
            },
          ]
        : [],
    ),
    ...(document.rightsMeasures.length > 0
      ? section('Opposition et limitation du traitement', [
          {
            ul: document.rightsMeasures.map(
              (measure) =>
                `${measure.kind === 'objection' ? 'Opposition' : 'Limitation'} enregistrée le ${dateTime(measure.at)}${measure.reason ? ` (${measure.reason})` : ''}${measure.liftedAt ? `, levée le ${dateTime(measure.liftedAt)}${measure.liftReason ? ` (${measure.liftReason})` : ''}` : ''}`,
            ),
          },
        ])
      : []),
    ...section(
      'Documents',
      document.documents.length > 0
        ? [
            {
              ul: document.documents.map(
                (item) => `${item.filename ?? 'document'} (${item.mediaType}), déposé le ${dateTime(item.uploadedAt)}`,
              ),
            },
          ]
        : [],
    ),
    ...section(
      'Accords recueillis',
      document.consents.length > 0
        ? [
            {
              ul: document.consents.map(
                (consent) =>
                  `${consent.purpose} : ${consent.decision} le ${consent.givenOn} (${consent.method})${consent.refusedOrganizations.length > 0 ? `, structures refusées : ${consent.refusedOrganizations.join(', ')}` : ''}`,
              ),
            },
          ]
        : [],
    ),
    ...section(
      'Examens en commission et préconisations',
      document.sessions.flatMap((session) => [
        { text: `Séance du ${dateTime(session.scheduledAt)}`, bold: true, margin: [0, 4, 0, 2] },
        {
          ul: [
            ...(session.summary ? [`Synthèse : ${session.summary}`] : []),
            ...session.recommendations.map(
              (item) =>
                `Préconisation : ${item.action ?? ''} (${item.status}, échéance ${item.dueDate}${item.carrierOrganization ? `, portée par ${item.carrierOrganization}` : ''})`,
            ),
          ],
        },
      ]),
    ),
    ...section(
      'Orientations vers le DAC',
      document.referrals.length > 0
        ? [{ ul: document.referrals.map((referral) => `${referral.dac} : ${referral.status} (${dateTime(referral.createdAt)})`) }]
        : [],
    ),
    ...section(
      'Destinataires de vos informations',
      document.recipients.length > 0 ? [{ ul: document.recipients.map((recipient) => `${recipient.organization} : ${recipient.as}`) }] : [],
    ),
    ...section(
      'Qui a consulté votre dossier',
      document.accesses.length > 0
        ? [
            {
              ul: document.accesses.map(
                (entry) =>
                  `${entry.role ?? 'système'}${entry.organization ? `, ${entry.organization}` : ''} : ${entry.events} accès, du ${dateTime(entry.firstAt)} au ${dateTime(entry.lastAt)}`,
              ),
            },
          ]
        : [],
    ),
  ];
  const pdf = printer.createPdfKitDocument({
    info: { title: `Droit d'accès, dossier ${document.reference}` },
    content,
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      h1: { fontSize: 15, bold: true, color: '#000091', margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
    },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
