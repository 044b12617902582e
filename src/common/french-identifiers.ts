import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * French national identifiers: the person's INS (matricule INS: a NIR or a NIA), the FINESS number
 * of a structure and the RPPS number of a professional. Formats and check digits only: whether a
 * number really belongs to someone is for the national services (INSi, annuaire santé) to say.
 */

/** Luhn check (ISO/IEC 7812), used by FINESS and RPPS numbers for their last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** FINESS: 9 digits, the last a Luhn key over the first eight. */
export function isFiness(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9]{9}$/.test(value) && luhnValid(value);
}

/** RPPS: 11 digits, the last a Luhn key. */
export function isRpps(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9]{11}$/.test(value) && luhnValid(value);
}

/**
 * Matricule INS (NIR or NIA, same layout): sex (1, 2, 3, 4, 7, 8), year, month, department (two
 * digits, or 2A/2B for Corsica), commune, order number, then a 2-digit key = 97 − (the first 13
 * characters as a number mod 97), where 2A counts as 19 and 2B as 18.
 */
const INS_LAYOUT = /^[123478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}([0-9]{2})$/;

export function isInsMatricule(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INS_LAYOUT.exec(value);
  if (!match) return false;
  const body = value
    .slice(0, 13)
    .replace(/^(.{5})2A/, '$119')
    .replace(/^(.{5})2B/, '$118');
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(match[1]);
}

/**
 * The RPPS number inside a professional identifier as Pro Santé Connect presents it (idNat_PS:
 * "8" followed by the 11-digit RPPS); undefined for any other identifier (ADELI, local).
 */
export function rppsFromProfessionalId(professionalId: string | null | undefined): string | undefined {
  if (!professionalId || !/^8[0-9]{11}$/.test(professionalId)) return undefined;
  const rpps = professionalId.slice(1);
  return isRpps(rpps) ? rpps : undefined;
}

function checked(name: string, test: (value: unknown) => boolean, message: string, options: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** A FINESS number: 9 digits with a correct check digit. */
export function IsFiness(options: ValidationOptions = {}): PropertyDecorator {
  return checked('isFiness', isFiness, 'Le numéro FINESS compte 9 chiffres, dont une clé de contrôle juste.', options);
}

/** A matricule INS (NIR or NIA): 15 characters with a correct key. */
export function IsInsMatricule(options: ValidationOptions = {}): PropertyDecorator {
  return checked(
    'isInsMatricule',
    isInsMatricule,
    'Le matricule INS compte 15 caractères (13 pour le numéro, 2A ou 2B admis pour la Corse, puis 2 chiffres de clé) et sa clé doit être juste.',
    options,
  );
}
