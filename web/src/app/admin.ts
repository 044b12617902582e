import type { Schemas } from '../api/client';
import type { User } from './session';

export type OrganizationKind = Schemas['OrganizationDto']['kind'];
export type AccessChangeStatus = Schemas['AccessChangeDto']['status'];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  psychiatry_sector: 'Secteur de psychiatrie',
  municipal_social_service: 'Service social municipal',
  ccas: 'Centre communal d’action sociale (CCAS)',
  departement_social_service: 'Service social départemental',
  housing_provider: 'Bailleur social',
  user_association: 'Association d’usagers',
  family_association: 'Association de familles',
  dac: 'Dispositif d’appui à la coordination (DAC)',
  justice_police: 'Justice ou police',
  other: 'Autre',
};

export const ACCESS_CHANGE_STATUS_LABELS: Record<AccessChangeStatus, string> = {
  pending: 'En attente de l’approbation du comité d’éthique',
  approved: 'Approuvée',
  refused: 'Refusée',
  withdrawn: 'Retirée',
};

export const administers = (user: User) => user.roles.includes('admin');

/** The administrator's entries in the header navigation. */
export function adminNavigation(path: string) {
  return [
    { text: 'Structures', linkProps: { href: '/administration/structures' }, isActive: path === '/administration/structures' },
    { text: 'Comptes', linkProps: { href: '/administration/comptes' }, isActive: path === '/administration/comptes' },
    {
      text: 'Demandes d’accès',
      linkProps: { href: '/administration/demandes-acces' },
      isActive: path === '/administration/demandes-acces',
    },
  ];
}

/** What each administration screen is for (home page tiles). */
export const ADMIN_TILES: Record<string, string> = {
  Structures: 'Les structures partenaires et leur type',
  Comptes: 'Créer, désactiver, réinitialiser le second facteur, connexion unique',
  'Demandes d’accès': 'Les changements d’accès soumis au comité d’éthique',
};
