import type { NotificationEvent } from './notifications.service.js';

/**
 * Notification events shared by several features. Built from fixed French words, a date and ids
 * only: nothing about the person concerned.
 */

/** dd/mm/yyyy from an ISO date (YYYY-MM-DD). */
export const frenchDate = (date: string) => date.slice(0, 10).split('-').reverse().join('/');

const REFERRAL_STATUS: Record<string, string> = {
  acknowledged: 'reçue par le DAC',
  accepted: 'acceptée',
  declined: 'déclinée',
  closed: 'clôturée',
  withdrawn: 'retirée',
  under_review: "en cours d'examen",
  redirected: 'réorientée',
};

/**
 * A referral changed status; told to the other side. To a DAC, no case reference (it is the
 * CLSM's), hence no `situationId` there: the caller adds it for the coordination only.
 */
export function referralStatusEvent(referral: { id: string; direction: 'inbound' | 'outbound' }, to: string): NotificationEvent {
  const what = referral.direction === 'outbound' ? "L'orientation adressée par le CLSM au DAC" : 'La saisine adressée par le DAC au CLSM';
  return {
    kind: 'referral.status_changed',
    message: `${what} est désormais « ${REFERRAL_STATUS[to] ?? to} ».`,
    link: `/orientations/${referral.id}`,
  };
}

export type ReminderKind = 'due_soon' | 'overdue';

/** A préconisation one follows falls due within 7 days, or is overdue. */
export function reminderEvent(kind: ReminderKind, recommendation: { situationId: string; dueDate: string }): NotificationEvent {
  return kind === 'due_soon'
    ? {
        kind: 'recommendation.due_soon',
        message: `Une préconisation que vous suivez arrive à échéance le ${frenchDate(recommendation.dueDate)}.`,
        situationId: recommendation.situationId,
        link: `/situations/${recommendation.situationId}`,
      }
    : {
        kind: 'recommendation.overdue',
        message: `Une préconisation que vous suivez a dépassé son échéance du ${frenchDate(recommendation.dueDate)} : indiquez où elle en est.`,
        situationId: recommendation.situationId,
        link: `/situations/${recommendation.situationId}`,
      };
}

export const ACCESS_CHANGE_EVENT: NotificationEvent = {
  kind: 'access_change.pending',
  message: "Une modification de droits d'accès attend l'approbation du comité d'éthique.",
  link: '/comite-ethique',
};
