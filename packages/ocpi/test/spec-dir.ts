/** Location of the shared OCPI 2.2.1 spec checkout (`../shared` next to the repository). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the spec directory; `OCPI_SPEC_DIR` overrides it. */
export const SPEC_DIR =
  process.env.OCPI_SPEC_DIR ?? fileURLToPath(new URL('../../../../shared/specs/ocpi-2.2.1/', import.meta.url));

/** True when the spec, with its examples, is present. */
export const HAS_SPECS = existsSync(`${SPEC_DIR}/examples`);

/** Reason shown for tests skipped without the spec. */
export const NO_SPECS = 'skipped: no shared specs';
