import type { ColumnType } from 'kysely';

/** Column types shared by the table definitions. */

/** A `timestamptz` column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A `timestamptz` column with a database default. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A `jsonb` column holding T, written as its JSON text or value. */
export type Json<T> = ColumnType<T, T | string, T | string>;

/** A `jsonb` column with a database default. */
export type DefaultJson<T> = ColumnType<T, T | string | undefined, T | string>;

/** A `numeric` column: decimals travel as strings, never floats. */
export type Decimal = ColumnType<string, string | number, string | number>;
