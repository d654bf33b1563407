/**
 * BusinessDetails and Image (mod_locations.asciidoc §BusinessDetails, §Image, §ImageCategory),
 * shared by Locations and Credentials.
 */
import { type Static, Type } from 'typebox';
import { CiString, OcpiString, Url } from './types.schema.js';

/** `ImageCategory` enum (locations §ImageCategory). */
export const ImageCategory = Type.Enum(['CHARGER', 'ENTRANCE', 'LOCATION', 'NETWORK', 'OPERATOR', 'OTHER', 'OWNER'], {
  type: 'string',
});
/** Static type of {@link ImageCategory}. */
export type ImageCategory = Static<typeof ImageCategory>;

/** `Image` class (locations §Image). `width`/`height` are `int(5)`. */
export const Image = Type.Object({
  url: Url,
  thumbnail: Type.Optional(Url),
  category: ImageCategory,
  type: CiString(4),
  width: Type.Optional(Type.Integer({ minimum: 0, maximum: 99999 })),
  height: Type.Optional(Type.Integer({ minimum: 0, maximum: 99999 })),
});
/** Static type of {@link Image}. */
export type Image = Static<typeof Image>;

/** `BusinessDetails` class (locations §BusinessDetails). */
export const BusinessDetails = Type.Object({
  name: OcpiString(100),
  website: Type.Optional(Url),
  logo: Type.Optional(Image),
});
/** Static type of {@link BusinessDetails}. */
export type BusinessDetails = Static<typeof BusinessDetails>;
