export const ROLES = ['admin', 'coordinator', 'member', 'referrer', 'ethics', 'dac'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'psychiatry_sector',
  'municipal_social_service',
  'ccas',
  'departement_social_service',
  'housing_provider',
  'user_association',
  'family_association',
  'dac',
  'justice_police',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * Professional categories. They decide which field groups of a case file a person may read
 * (CSP R1110-2: health information only for the categories entitled to it); the mapping lives in
 * the ethics policy, not here.
 */
export const PROFESSIONAL_CATEGORIES = [
  'physician',
  'nurse',
  'psychologist',
  'social_worker',
  'educator',
  'legal_protector',
  'housing_officer',
  'elected_official',
  'peer_worker',
  'administrative',
  'coordinator',
  'other',
] as const;
export type ProfessionalCategory = (typeof PROFESSIONAL_CATEGORIES)[number];
