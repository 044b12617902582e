/** A PostgreSQL `date` as YYYY-MM-DD, whether the driver gave a string or a Date. */
export const isoDate = (value: string | Date): string => (typeof value === 'string' ? value : value.toISOString().slice(0, 10));
