import { ENCRYPTED_FIELDS } from '../crypto/field-registry.js';
import { FIELD_GROUPS } from '../situations/situation.constants.js';
import type { Charter, EthicsPolicy, RetentionKind } from './policy.js';

/**
 * The record of processing activities (RGPD art. 30) and the inventory a DPIA needs, in French,
 * rendered from the ethics policy and the field registry: who may read what, the retention periods
 * and the encrypted columns are never written twice. `npm run registre` writes ethics/registre.md;
 * a test fails when the committed file differs from what this renders.
 */

const ROLE_LABELS: Record<string, string> = {
  admin: 'Administration technique',
  coordinator: 'Coordination de la cellule',
  member: 'Membre de la cellule',
  referrer: 'Professionnel à l’origine de la saisine',
  ethics: 'Comité d’éthique',
  dac: 'Dispositif d’appui à la coordination (DAC)',
};
const RELATION_LABELS: Record<string, string> = {
  referrer: 'qui a adressé la situation',
  pilot: 'référent de la situation',
  convened_member: 'convoqué à une séance dont l’ordre du jour publié porte la situation, pendant la fenêtre d’accès',
  invitee: 'invité pour un point de l’ordre du jour, pendant la fenêtre d’accès',
  recommendation_carrier: 'porteur d’une préconisation ouverte',
  dac_contact: 'interlocuteur du DAC',
};
const CATEGORY_LABELS: Record<string, string> = {
  physician: 'médecin',
  nurse: 'infirmier',
  psychologist: 'psychologue',
  social_worker: 'travailleur social',
  educator: 'éducateur',
  legal_protector: 'mandataire judiciaire',
  housing_officer: 'bailleur',
  elected_official: 'élu',
  peer_worker: 'pair-aidant',
  administrative: 'administratif',
  coordinator: 'coordination',
  other: 'autre',
};
const GROUP_LABELS: Record<string, string> = {
  identity: 'Identité (nom de naissance, nom d’usage, prénoms, date de naissance, sexe, matricule INS lorsqu’il est connu)',
  contact: 'Coordonnées (adresse, quartier, téléphone)',
  social: 'Situation sociale (mesure de protection et représentant, professionnels intervenant)',
  health: 'Santé (informations de santé utiles à la situation)',
  narrative: 'Récit (situation, démarches déjà tentées, attentes ; synthèses, préconisations, motifs)',
  documents: 'Documents joints (nom de fichier et contenu)',
  by_key: 'Jeu de données transmis au DAC (figé, filtré groupe par groupe)',
};
const ACTION_LABELS: Record<string, string> = {
  create: 'saisir',
  list: 'lister',
  read: 'consulter',
  update: 'rectifier',
  transition: 'faire évoluer l’état',
  upload_document: 'joindre un document',
  read_documents: 'lire les documents',
  read_consents: 'lire les accords',
  record_consent: 'enregistrer un accord',
  designate_pilot: 'désigner le référent',
  refer: 'orienter vers le DAC',
  subject_access: 'produire la copie des données pour la personne (droit d’accès)',
  object: 'enregistrer l’opposition de la personne',
  restrict: 'limiter le traitement et lever la limitation',
};
const RETENTION_LABELS: Record<RetentionKind, string> = {
  closed_situation: 'Situation close (dossier, transitions, synthèses, préconisations)',
  rejected_situation: 'Saisine non recevable',
  redirected_situation: 'Saisine réorientée',
  refused_saisine: 'Saisine refusée (urgence) : rien n’est enregistré, seul le nombre annuel est compté',
  consent_proof: 'Preuves de l’accord de la personne',
  document: 'Documents joints',
  notification: 'Notifications',
  rights_request: 'Demandes d’exercice des droits',
  audit_trail: 'Journal d’audit (traces d’accès)',
};
const AFTER_LABELS: Record<string, string> = {
  closure: 'après la clôture',
  decision: 'après la décision',
  receipt: 'après la réception',
  sending: 'après l’envoi',
  answer: 'après la réponse',
  recording: 'après l’enregistrement',
};
/** Columns kept in clear, for the workflow and the statistics (migrations/). */
const CLEAR_COLUMNS = [
  'référence de la situation (CC-AAAA-NNNN), état, dates de saisine et des transitions, issue de clôture',
  'problématiques (liste fermée)',
  'décennie de naissance et sexe (catégories grossières, pour les statistiques seulement)',
  'identifiants du professionnel et de la structure à l’origine de la saisine',
  'index aveugle de l’identité (256 valeurs, détection des doublons sans déchiffrement)',
];
const SECURITY_MEASURES = [
  'Chiffrement de chaque champ sensible et de chaque document (XChaCha20-Poly1305, nonce aléatoire, données associées liant le chiffré à sa table, sa colonne et sa ligne) sous une clé propre à chaque situation, elle-même chiffrée par une clé maîtresse (chiffrement d’enveloppe) ; rotation de la clé maîtresse sans interruption.',
  'Destruction cryptographique à l’échéance : la clé de la situation est détruite, les documents et preuves supprimés ; il ne reste qu’une pierre tombale (référence, dates, état final).',
  'Séparation des données : schéma « cellule » inaccessible au rôle de base de données des données générales du CLSM (vérifié par un test).',
  'Accès au besoin d’en connaître, décidé en un seul point à partir de la charte et de la politique (ethics/policy.yaml) ; refus par défaut ; acceptation de la charte avant tout accès.',
  'Journal d’audit chaîné (empreintes SHA-256 et MAC), points de contrôle signés (Ed25519), sans donnée nominative ; vérification par API et en ligne de commande.',
  'Authentification par mot de passe (argon2id) et second facteur pour qui lit le contenu des situations ou le journal.',
  'Statistiques calculées sur des colonnes non identifiantes, secret des petits effectifs (primaire et secondaire).',
];

const bullet = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');
const days = (value: number) =>
  value === 0
    ? 'aucune conservation'
    : value % 365 === 0
      ? `${value / 365} an${value / 365 > 1 ? 's' : ''} (${value} jours)`
      : `${value} jours`;

export function renderRegistre(policy: EthicsPolicy, charter: Charter): string {
  const register = policy.register;
  const out: string[] = [];
  out.push('<!-- Généré par `npm run registre` depuis ethics/policy.yaml et src/crypto/field-registry.ts : ne pas modifier à la main. -->');
  out.push('');
  out.push('# Registre des activités de traitement et inventaire pour l’analyse d’impact');
  out.push('');
  out.push(
    `Traitement : cellule d’appui aux situations complexes du CLSM. Politique ${policy.version}, charte ${charter.version} (article ${register.article}).`,
  );
  out.push('');
  out.push('## 1. Responsable du traitement');
  out.push('');
  out.push(register.controller);
  out.push('');
  out.push('## 2. Finalités et bases légales');
  out.push('');
  out.push('| Finalité | Base légale | Charte |');
  out.push('| --- | --- | --- |');
  for (const purpose of register.purposes) out.push(`| ${purpose.name} | ${purpose.legalBasis} | art. ${purpose.article} |`);
  out.push('');
  out.push('## 3. Catégories de personnes concernées');
  out.push('');
  out.push(bullet(register.persons));
  out.push('');
  out.push('## 4. Catégories de données');
  out.push('');
  out.push('### Données chiffrées (registre des champs)');
  out.push('');
  out.push('| Table | Colonne | Groupe de champs | Catégories professionnelles habilitées |');
  out.push('| --- | --- | --- | --- |');
  for (const field of Object.values(ENCRYPTED_FIELDS)) {
    const group = field.group as string;
    const readers =
      group === 'by_key'
        ? 'selon le groupe de chaque clé'
        : policy.fieldGroups[group as keyof EthicsPolicy['fieldGroups']].readers
            .map((category) => CATEGORY_LABELS[category] ?? category)
            .join(', ');
    out.push(`| ${field.table} | ${field.column} | ${GROUP_LABELS[group] ?? group} | ${readers} |`);
  }
  out.push('');
  out.push('### Groupes de champs');
  out.push('');
  for (const group of FIELD_GROUPS) out.push(`- ${GROUP_LABELS[group]} — charte, article ${policy.fieldGroups[group].article}.`);
  out.push('');
  out.push('### Données conservées en clair');
  out.push('');
  out.push(bullet(CLEAR_COLUMNS));
  out.push('');
  out.push('## 5. Destinataires');
  out.push('');
  out.push('| Qui | Sur quelles situations | Ce qu’il peut faire | Accord pour l’examen requis | Charte |');
  out.push('| --- | --- | --- | --- | --- |');
  for (const grant of policy.grants) {
    const scope =
      grant.scope === 'all'
        ? 'toutes'
        : grant.scope === 'none'
          ? 'aucune (saisie seulement)'
          : `celles dont il est ${RELATION_LABELS[grant.relation!] ?? grant.relation}`;
    out.push(
      `| ${ROLE_LABELS[grant.role]} | ${scope} | ${grant.actions.map((action) => ACTION_LABELS[action] ?? action).join(', ')} | ${grant.requiresReviewConsent ? 'oui' : 'non'} | art. ${grant.article} |`,
    );
  }
  out.push('');
  const subjects = Object.entries(policy.subjects).map(([name, rule]) => {
    const who = (roles: string[]) => (roles.length > 0 ? roles.map((role) => ROLE_LABELS[role]).join(', ') : '—');
    return `| ${name} | ${who(rule.manage)} | ${who(rule.takePart)} | ${who(rule.counterpart)} | ${who(rule.oversight)} | art. ${rule.article} |`;
  });
  out.push('| Objet | Gère | Participe | Contrepartie | Contrôle (sans contenu) | Charte |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  out.push(...subjects);
  out.push('');
  out.push(
    `L’accès tiré d’une séance dure ${policy.accessWindowDaysAfterSession} jours après celle-ci (charte, article 5). L’administration technique et le comité d’éthique n’accèdent jamais au contenu des situations.`,
  );
  out.push('');
  const { restriction, objection } = policy.rightsMeasures;
  const labels = (actions: string[]) => actions.map((action) => ACTION_LABELS[action] ?? action).join(', ');
  out.push(
    `Opposition de la personne (RGPD, article 21 ; charte, article ${objection.article}) : tout partage cesse aussitôt ; les accès tirés des relations « ${objection.endsRelations.map((relation) => RELATION_LABELS[relation] ?? relation).join(' », « ')} » prennent fin ; sont refusés : ${labels(objection.refusedActions)} ; la situation est close dès que le parcours le permet.`,
  );
  out.push('');
  out.push(
    `Limitation du traitement (RGPD, article 18 ; charte, article ${restriction.article}) : tant qu’elle dure, le dossier n’est visible que de : ${restriction.readers.map((role) => ROLE_LABELS[role]).join(', ')} ; seules ces actions restent possibles : ${labels(restriction.actions)}.`,
  );
  out.push('');
  out.push('## 6. Durées de conservation');
  out.push('');
  out.push('| Donnée | Durée | Point de départ | Charte |');
  out.push('| --- | --- | --- | --- |');
  for (const [kind, period] of Object.entries(policy.retentionPeriods) as [
    RetentionKind,
    EthicsPolicy['retentionPeriods'][RetentionKind],
  ][]) {
    out.push(
      `| ${RETENTION_LABELS[kind]} | ${days(period.days)} | ${AFTER_LABELS[period.after] ?? period.after} | art. ${period.article} |`,
    );
  }
  out.push('');
  out.push(`Statistiques : aucun effectif de 1 à ${policy.statisticsMinimumCount - 1} n’est publié (charte, article 9).`);
  out.push('');
  out.push('## 7. Mesures de sécurité');
  out.push('');
  out.push(bullet(SECURITY_MEASURES));
  out.push('');
  out.push('## 8. Inventaire pour l’analyse d’impact (AIPD)');
  out.push('');
  out.push('Critères qui rendent l’analyse d’impact obligatoire :');
  out.push('');
  out.push(bullet(register.dpiaCriteria));
  out.push('');
  out.push(`Hébergement : ${register.hosting}`);
  out.push('');
  out.push(
    'Les sections 2 à 7 ci-dessus fournissent la description du traitement, les données, les destinataires, les durées et les mesures que l’analyse d’impact reprend.',
  );
  out.push('');
  return out.join('\n');
}
