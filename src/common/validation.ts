import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * Reusable input rules for DTOs. Dates are checked against the calendar (2026-02-30 is refused,
 * not rolled over to March) before PostgreSQL ever sees them, and a JSON number or boolean is never
 * taken for a date.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Bounds applied to every date unless a field sets its own: what PostgreSQL and people can mean. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '9999-12-31';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** YYYY-MM-DD naming a day that exists, between EARLIEST_DATE and LATEST_DATE. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number);
  return isRealDay(year, month, day) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/** ISO 8601 date-time with seconds optional and an explicit offset (Z or ±hh:mm), on a real day. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return false;
  if (match[8] !== 'Z' && (Number(match[9]) > 14 || Number(match[10]) > 59)) return false;
  const date = value.slice(0, 10);
  return date >= EARLIEST_DATE && date <= LATEST_DATE && !Number.isNaN(Date.parse(value));
}

/** Today in Europe/Paris, the service's one timezone, as YYYY-MM-DD. */
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

export interface CalendarDateOptions {
  /** Refuse a day after today (Europe/Paris), e.g. a birth date or the day a consent was given. */
  notInFuture?: boolean;
}

/** A real calendar day as YYYY-MM-DD (2026-02-30 and 12345 are refused). */
export function IsCalendarDate(options: CalendarDateOptions = {}, validationOptions: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: options.notInFuture
          ? `${String(propertyName)} doit être une date réelle au format AAAA-MM-JJ, non future`
          : `${String(propertyName)} doit être une date réelle au format AAAA-MM-JJ (entre ${EARLIEST_DATE} et ${LATEST_DATE})`,
        ...validationOptions,
      },
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && (!options.notInFuture || value <= parisToday()),
      },
    });
}

/** An ISO 8601 date-time string with an offset, e.g. 2026-12-10T14:00:00+01:00. */
export function IsIsoDateTime(validationOptions: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} doit être une date-heure ISO 8601 avec fuseau (ex. 2026-12-10T14:00:00+01:00)`,
        ...validationOptions,
      },
      validator: { validate: (value: unknown) => isIsoDateTime(value) },
    });
}

/**
 * An ISO 8601 date-time with offset, handed to the service as a Date. Only a valid string is
 * converted: a number, a boolean or a malformed string stays as it is and is refused.
 */
export const IsIsoDateTimeToDate = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (isIsoDateTime(value) ? new Date(value) : value)),
    IsDate({ message: ({ property }) => `${property} doit être une date-heure ISO 8601 avec fuseau (ex. 2026-12-10T14:00:00+01:00)` }),
  );

/**
 * Like @IsOptional(), but only an absent property is skipped: an explicit null is validated (and
 * refused by the property's other rules), so it never reaches a NOT NULL column.
 */
export const IsOptionalButNotNull = (validationOptions?: ValidationOptions) =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, validationOptions);
