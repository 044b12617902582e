import Badge from '@codegouvfr/react-dsfr/Badge';
import type { Schemas } from '../api/client';
import { REFERRAL_STATUS_LABELS, SESSION_STATUS_LABELS, STATUS_LABELS } from '../app/labels';

type Severity = 'success' | 'warning' | 'error' | 'info' | 'new' | undefined;
const SITUATION_SEVERITY: Partial<Record<Schemas['SituationDto']['status'], Severity>> = {
  submitted: 'new',
  admissible: 'info',
  in_preparation: 'info',
  scheduled: 'info',
  reviewed: 'success',
  follow_up: 'success',
  rejected: 'error',
};

export function SituationStatus({ status }: { status: Schemas['SituationDto']['status'] }) {
  return (
    <Badge small noIcon severity={SITUATION_SEVERITY[status]}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function ReferralStatus({ status }: { status: Schemas['ReferralDto']['status'] }) {
  const severity: Severity = status === 'accepted' ? 'success' : status === 'declined' ? 'error' : status === 'draft' ? undefined : 'info';
  return (
    <Badge small noIcon severity={severity}>
      {REFERRAL_STATUS_LABELS[status]}
    </Badge>
  );
}

export function SessionStatus({ status }: { status: Schemas['SessionDto']['status'] }) {
  const severity: Severity =
    status === 'minutes_approved' ? 'success' : status === 'cancelled' ? 'error' : status === 'planned' ? undefined : 'info';
  return (
    <Badge small noIcon severity={severity}>
      {SESSION_STATUS_LABELS[status]}
    </Badge>
  );
}
