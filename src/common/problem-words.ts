/**
 * Words for people: every problem's `title` and `detail` is French and says what to do; its `type`
 * stays a stable URI for programs. The filter passes every outgoing problem through `inFrench`, so
 * a title written in English somewhere (or produced by Nest or a library) still leaves in French.
 */

/** The title of a problem that has no more precise one, by HTTP status. */
export const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Action non autorisée',
  404: 'Ressource introuvable',
  405: 'Méthode non prise en charge',
  406: 'Format de réponse non disponible',
  408: 'Délai de requête dépassé',
  409: 'Action impossible dans l’état actuel',
  410: 'Ressource détruite',
  411: 'Longueur de requête requise',
  412: 'Condition préalable non remplie',
  413: 'Requête trop volumineuse',
  414: 'Adresse trop longue',
  415: 'Type de contenu non pris en charge',
  422: 'Demande impossible à traiter',
  428: 'Condition préalable requise',
  429: 'Trop de requêtes',
  431: 'En-têtes trop volumineux',
  500: 'Erreur interne',
  501: 'Fonction non disponible',
  502: 'Service intermédiaire en erreur',
  503: 'Service momentanément indisponible',
  504: 'Délai de réponse dépassé',
};

/** What to do, for a problem that came without a detail (or with one written for programmers). */
export const DETAIL_BY_STATUS: Record<number, string> = {
  400: 'La requête est mal formée : corrigez-la avant de la renvoyer.',
  401: 'Connectez-vous (jeton absent, invalide ou expiré), puis recommencez.',
  403: 'Votre compte ne permet pas cette action : adressez-vous au coordinateur de la cellule si vous pensez en avoir besoin.',
  404: 'La ressource demandée est introuvable : vérifiez l’adresse ou l’identifiant.',
  405: 'Cette adresse ne prend pas en charge cette méthode : consultez la documentation de l’API (/api/docs).',
  409: 'L’état actuel ne permet pas cette action : rechargez la ressource et recommencez.',
  413: 'La requête est trop volumineuse : réduisez sa taille.',
  415: 'Envoyez du JSON (Content-Type: application/json), ou multipart/form-data pour un document.',
  422: 'La demande ne respecte pas une règle du dossier : corrigez-la avant de la renvoyer.',
  429: 'Trop de requêtes : réessayez dans une minute.',
  500: 'Une erreur inattendue est survenue. Elle est journalisée avec l’identifiant de la requête : communiquez-le au support si elle se répète.',
  503: 'Le service est momentanément indisponible : réessayez dans quelques instants.',
};

/** Titles still written in English in some modules (or by Nest), and their French words. */
const FRENCH_TITLES: Record<string, string> = {
  'Bad Request': TITLE_BY_STATUS[400],
  Unauthorized: TITLE_BY_STATUS[401],
  Forbidden: TITLE_BY_STATUS[403],
  'Not Found': TITLE_BY_STATUS[404],
  Conflict: TITLE_BY_STATUS[409],
  Gone: TITLE_BY_STATUS[410],
  'Payload Too Large': TITLE_BY_STATUS[413],
  'Unsupported Media Type': TITLE_BY_STATUS[415],
  Unprocessable: TITLE_BY_STATUS[422],
  'Unprocessable Content': TITLE_BY_STATUS[422],
  'Unprocessable Entity': TITLE_BY_STATUS[422],
  'Too Many Requests': TITLE_BY_STATUS[429],
  'Internal Server Error': TITLE_BY_STATUS[500],
  'Service Unavailable': TITLE_BY_STATUS[503],
  'Integrity Error': 'Donnée chiffrée non authentifiée',
  'Weak password': 'Mot de passe trop faible',
  'Consent required': 'Accord de la personne requis',
  'Unknown member': 'Membre inconnu',
  'Invalid member': 'Membre non valable',
  'Missing transition details': 'Précisions manquantes',
  'Invalid consent record': 'Accord mal renseigné',
  'Unknown organization': 'Structure inconnue',
  'Charter acceptance required': 'Charte éthique à accepter',
  'Emergency: referral not accepted': 'Urgence : saisine non enregistrée',
};

/** Details written for programmers (by Nest, Express or a guard), and what a person should read instead. */
const FRENCH_DETAILS: [RegExp, (status: number) => string][] = [
  // Nest's answer to an unknown route: "Cannot GET /api/…".
  [/^Cannot [A-Z]+ \//, () => 'Cette adresse ne correspond à aucune ressource de l’API : vérifiez le chemin (documentation : /api/docs).'],
  [
    /^This route declares no access rule\.?$/,
    () => 'Cette route ne déclare aucune règle d’accès : elle est refusée. Signalez-le à l’équipe technique.',
  ],
  // Nest's default messages repeat the status text ("Not Found", "Forbidden resource"…).
  [
    /^(Bad Request|Unauthorized|Forbidden( resource)?|Not Found|Conflict|Too Many Requests|Internal server error|Unprocessable Entity)$/i,
    (status) => DETAIL_BY_STATUS[status] ?? DETAIL_BY_STATUS[400],
  ],
];

export function frenchTitle(title: string | undefined, status: number): string {
  if (title && FRENCH_TITLES[title]) return FRENCH_TITLES[title];
  if (title) return title;
  return TITLE_BY_STATUS[status] ?? (status >= 500 ? TITLE_BY_STATUS[500] : TITLE_BY_STATUS[400]);
}

export function frenchDetail(detail: string | undefined, status: number): string | undefined {
  if (detail === undefined || detail === '')
    return DETAIL_BY_STATUS[status] ?? (status >= 500 ? DETAIL_BY_STATUS[500] : DETAIL_BY_STATUS[400]);
  for (const [pattern, replacement] of FRENCH_DETAILS) if (pattern.test(detail)) return replacement(status);
  return detail;
}
