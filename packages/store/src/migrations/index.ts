import type { Migration } from 'kysely';
import * as initialSchema from './0001-initial-schema.js';

/**
 * Forward-only, numbered migrations. Add new ones at the end; never edit a released one.
 * Listed statically (not read from disk) so they work from any working directory and bundle.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
};
