import { Type } from 'typebox';

/** `T | null` in a route schema. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
