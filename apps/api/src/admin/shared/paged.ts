import { type TSchema, Type } from 'typebox';

/** A page of a list answer: `items` from `offset`, at most `limit` of `total`. */
export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({
    total: Type.Integer(),
    offset: Type.Integer(),
    limit: Type.Integer(),
    items: Type.Array(item),
  });
