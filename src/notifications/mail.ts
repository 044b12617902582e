/**
 * What a notification e-mail says. Built only from a notification event: the kind, the French
 * sentence (fixed words, a date), the case reference at most and a link. Never a name, a birth date
 * or a health detail of the person concerned: none reaches this module.
 */
export interface CalendarInvite {
  /** Stable across updates of the same invitation (the agenda item's id). */
  uid: string;
  /** ISO date-time of the session's start. */
  start: string;
  durationMinutes: number;
  /** No personal data: "Séance de la commission (CLSM)". */
  summary: string;
}

/** One e-mail to one recipient, as queued (the address is looked up by the worker). */
export interface MailJob {
  recipientId: string;
  kind: string;
  message: string;
  reference: string | null;
  link: string;
  calendar?: CalendarInvite;
}

const SUBJECTS: Record<string, string> = {
  'agenda.invited': 'Invitation à une séance de la commission',
  'agenda.changed': 'Ordre du jour modifié',
  'recommendation.assigned': 'Une préconisation vous est confiée',
  'recommendation.assigned_to_structure': 'Une préconisation est confiée à votre structure',
  'recommendation.due_soon': 'Préconisation à échéance dans 7 jours',
  'recommendation.overdue': 'Préconisation en retard',
  'referral.sent': 'Orientation adressée par le CLSM',
  'referral.received': 'Saisine reçue d’un DAC',
  'referral.status_changed': 'Une orientation a changé de statut',
  'minutes.awaiting_approval': 'Procès-verbal à approuver',
  'access_change.pending': "Modification de droits d'accès à approuver",
};

export function subjectOf(job: Pick<MailJob, 'kind' | 'reference'>): string {
  const subject = SUBJECTS[job.kind] ?? 'Notification';
  return `[CLSM] ${subject}${job.reference ? ` (${job.reference})` : ''}`;
}

export function textOf(job: MailJob, publicUrl: string): string {
  return [
    'Bonjour,',
    '',
    job.message,
    ...(job.reference ? ['', `Référence du dossier : ${job.reference}`] : []),
    '',
    `Pour en savoir plus, connectez-vous : ${publicUrl}${job.link}`,
    '',
    'Ce message ne contient volontairement aucune information sur la personne concernée.',
    'Merci de ne pas y répondre.',
  ].join('\n');
}

const icsDate = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
/** RFC 5545 text escaping. */
const icsText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** An iCalendar invitation (METHOD:REQUEST), times in UTC, with no personal data. */
export function icsOf(invite: CalendarInvite, organizer: string, link: string, now = new Date()): string {
  const end = new Date(new Date(invite.start).getTime() + invite.durationMinutes * 60_000).toISOString();
  const address = /<([^>]+)>/.exec(organizer)?.[1] ?? organizer;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CLSM cellule//Notifications//FR',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${invite.uid}@clsm-cellule`,
    `DTSTAMP:${icsDate(now.toISOString())}`,
    `DTSTART:${icsDate(invite.start)}`,
    `DTEND:${icsDate(end)}`,
    `SUMMARY:${icsText(invite.summary)}`,
    `DESCRIPTION:${icsText(link)}`,
    `ORGANIZER:mailto:${address}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
