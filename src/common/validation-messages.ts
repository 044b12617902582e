import type { ValidationError } from 'class-validator';

/**
 * class-validator's default messages are English ("name must be a string"). The validation pipe
 * gives people these French ones instead, constraint by constraint; a message a DTO wrote itself
 * (already French) is kept. `errors[].field` stays the property path, for programs.
 */
type Translate = (field: string, english: string) => string | undefined;

const after = (english: string, marker: string) => {
  const index = english.indexOf(marker);
  return index < 0 ? undefined : english.slice(index + marker.length).trim();
};
const number = (english: string) => /(-?\d+(?:\.\d+)?)/.exec(english)?.[1];

const FRENCH: Record<string, Translate> = {
  whitelistValidation: (field) => `${field} n'est pas un champ attendu : retirez-le`,
  isDefined: (field) => `${field} est obligatoire`,
  isNotEmpty: (field) => `${field} ne doit pas être vide`,
  isString: (field) => `${field} doit être un texte`,
  isBoolean: (field) => `${field} doit valoir true (oui) ou false (non)`,
  isInt: (field) => `${field} doit être un nombre entier`,
  isNumber: (field) => `${field} doit être un nombre`,
  isObject: (field) => `${field} doit être un objet`,
  isArray: (field) => `${field} doit être une liste`,
  isEmail: (field) => `${field} doit être une adresse électronique valide`,
  isUuid: (field) => `${field} doit être un identifiant (UUID)`,
  isUUID: (field) => `${field} doit être un identifiant (UUID)`,
  isTimeZone: (field) => `${field} doit être un fuseau horaire IANA (ex. Europe/Paris)`,
  isDate: (field) => `${field} doit être une date valide`,
  isEnum: (field, english) => `${field} doit valoir l'une de ces valeurs : ${after(english, 'following values:') ?? ''}`.trim(),
  isIn: (field, english) => `${field} doit valoir l'une de ces valeurs : ${after(english, 'following values:') ?? ''}`.trim(),
  min: (field, english) => `${field} doit être supérieur ou égal à ${number(english) ?? '?'}`,
  max: (field, english) => `${field} doit être inférieur ou égal à ${number(english) ?? '?'}`,
  minLength: (field, english) => `${field} doit compter au moins ${number(english) ?? '?'} caractères`,
  maxLength: (field, english) => `${field} doit compter au plus ${number(english) ?? '?'} caractères`,
  isLength: (field, english) =>
    english.includes('longer')
      ? `${field} doit compter au moins ${number(english) ?? '?'} caractères`
      : `${field} doit compter au plus ${number(english) ?? '?'} caractères`,
  arrayMinSize: (field, english) => `${field} doit contenir au moins ${number(english) ?? '?'} élément(s)`,
  arrayMaxSize: (field, english) => `${field} doit contenir au plus ${number(english) ?? '?'} éléments`,
  arrayUnique: (field) => `${field} ne doit pas contenir deux fois le même élément`,
  arrayNotEmpty: (field) => `${field} ne doit pas être une liste vide`,
  matches: (field) => `${field} n'a pas le format attendu`,
  nestedValidation: (field) => `${field} doit être un objet ou une liste d'objets`,
};

/** class-validator's own wording: a default message always ends in English words like these. */
const ENGLISH_DEFAULT = /\b(must|should|each value)\b/;

export function frenchMessage(constraint: string, field: string, message: string): string {
  if (!ENGLISH_DEFAULT.test(message)) return message;
  return FRENCH[constraint]?.(field, message) ?? `${field} n'est pas valable : corrigez ce champ`;
}

/** Flattens nested class-validator errors into problem+json field errors, in French. */
export function fieldErrors(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, messages: Object.entries(error.constraints).map(([constraint, message]) => frenchMessage(constraint, field, message)) }]
      : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
