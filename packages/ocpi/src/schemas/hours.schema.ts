/**
 * Opening hours (mod_locations.asciidoc §Hours, §RegularHours, §ExceptionalPeriod).
 */
import { type Static, Type } from 'typebox';
import { DateTime } from './types.schema.js';

/** Local time of day `HH:MM`, regex `([0-1][0-9]|2[0-3]):[0-5][0-9]` (locations §RegularHours). */
export const TIME_OF_DAY_PATTERN = '^([0-1][0-9]|2[0-3]):[0-5][0-9]$';

/** `ExceptionalPeriod` class (locations §ExceptionalPeriod). */
export const ExceptionalPeriod = Type.Object({
  period_begin: DateTime,
  period_end: DateTime,
});
/** Static type of {@link ExceptionalPeriod}. */
export type ExceptionalPeriod = Static<typeof ExceptionalPeriod>;

/** `RegularHours` class (locations §RegularHours): weekday 1 (Monday) to 7 (Sunday). */
export const RegularHours = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  period_begin: Type.String({ maxLength: 5, pattern: TIME_OF_DAY_PATTERN }),
  period_end: Type.String({ maxLength: 5, pattern: TIME_OF_DAY_PATTERN }),
});
/** Static type of {@link RegularHours}. */
export type RegularHours = Static<typeof RegularHours>;

/**
 * `Hours` class (locations §Hours). When `twentyfourseven` is false, `regular_hours` must hold
 * at least one entry; that rule is part of the schema.
 */
export const Hours = Type.Object(
  {
    twentyfourseven: Type.Boolean(),
    regular_hours: Type.Optional(Type.Array(RegularHours)),
    exceptional_openings: Type.Optional(Type.Array(ExceptionalPeriod)),
    exceptional_closings: Type.Optional(Type.Array(ExceptionalPeriod)),
  },
  {
    if: { properties: { twentyfourseven: { const: false } }, required: ['twentyfourseven'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema `if`/`then` keyword, not a thenable
    then: { required: ['regular_hours'], properties: { regular_hours: { type: 'array', minItems: 1 } } },
  },
);
/** Static type of {@link Hours}. */
export type Hours = Static<typeof Hours>;
