/**
 * Chooses the tariff that prices a session (mod_tariffs "Tariff Object", `start_date_time` /
 * `end_date_time` and the NOTE on changing tariffs: the tariff valid when the session starts
 * applies to the whole session).
 */
import { formatDateTime } from '../datetime/date-time.parser.js';
import { TariffInputError } from '../errors.js';
import type { CompiledTariff } from './compiled-tariff.types.js';
import { compileTariff, isCompiledTariff } from './tariff.compiler.js';

/** A tariff as accepted by the pricing functions: raw OCPI JSON or already compiled. */
export type TariffLike = CompiledTariff | unknown;

/**
 * True when the tariff's validity window contains `at` (epoch ms). `start_date_time` is
 * inclusive; `end_date_time` is inclusive too: the spec calls it "the time after which this tariff
 * is no longer valid".
 */
export function isValidAt(tariff: CompiledTariff, at: number): boolean {
  return (
    (tariff.validFrom === undefined || tariff.validFrom <= at) &&
    (tariff.validUntil === undefined || at <= tariff.validUntil)
  );
}

/**
 * Compiles the candidate(s) and returns the first one valid at `at`.
 * A single tariff is paths-rooted at `root`, a list at `root[i]`.
 * @throws TariffInputError when a candidate is invalid or none is valid at `at`.
 */
export function selectTariff(tariffs: TariffLike | readonly TariffLike[], at: number, root = 'tariff'): CompiledTariff {
  if (isCompiledTariff(tariffs) && isValidAt(tariffs, at)) return tariffs; // hot path
  const list = Array.isArray(tariffs) ? tariffs : [tariffs];
  if (list.length === 0) throw TariffInputError.at(root, 'no tariff given');
  const compiled = list.map((t, i) =>
    isCompiledTariff(t) ? t : compileTariff(t, Array.isArray(tariffs) ? `${root}[${i}]` : root),
  );
  const chosen = compiled.find((t) => isValidAt(t, at));
  if (chosen !== undefined) return chosen;
  const path = Array.isArray(tariffs)
    ? root
    : `${root}.${compiled[0].validFrom !== undefined && compiled[0].validFrom > at ? 'start_date_time' : 'end_date_time'}`;
  throw TariffInputError.at(path, `no tariff is valid at the session start ${formatDateTime(at)}`);
}
