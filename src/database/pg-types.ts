import pg from 'pg';

// PostgreSQL `date` values stay 'YYYY-MM-DD' strings: node-pg would otherwise build a Date at local
// midnight, which shifts by a day when formatted under a timezone east of UTC (Europe/Paris).
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
