import type { CommissionSession } from './session.entity.js';

/** The session's day as people read it (Europe/Paris): 10/12/2026. */
export const dateOf = (session: Pick<CommissionSession, 'scheduledAt'>) =>
  session.scheduledAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/** To the chair: minutes wait for their approval. No personal data: the session's date and a link. */
export const minutesAwaitingApproval = (session: Pick<CommissionSession, 'id' | 'scheduledAt'>) => ({
  kind: 'minutes.awaiting_approval',
  message: `Le procès-verbal de la séance du ${dateOf(session)} attend votre approbation.`,
  link: `/seances/${session.id}`,
});
