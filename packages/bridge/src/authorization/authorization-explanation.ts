import type { AuthorizationSource, AuthorizationTrigger } from './authorizer.js';

/** A recorded authorization decision, as the `authorizations` table keeps it. */
export interface RecordedAuthorization {
  result: string;
  source: string;
  /** `{trigger}` or `{trigger}: {reason}` (see `authorizationRow`). */
  reason: string | null;
  /** The OCPI AllowedType an eMSP answered (or the verdict's), if any. */
  allowed: string | null;
}

/** Why a decision went the way it did, in words an operator reads. */
export interface AuthorizationExplanation {
  accepted: boolean;
  /** Which OCPP message carried the token. */
  trigger: AuthorizationTrigger | null;
  /** The reason as recorded, without the trigger (e.g. `emsp unreachable: timeout`). */
  detail: string | null;
  /** Where the decision came from: local card list, eMSP token list, eMSP real time … */
  source_label: string;
  /** One sentence: why accepted or refused. */
  why: string;
}

const TRIGGERS: readonly AuthorizationTrigger[] = [
  'Authorize',
  'StartTransaction',
  'StopTransaction',
  'TransactionEvent',
];

const SOURCE_LABELS: Record<AuthorizationSource, string> = {
  local: 'local card list',
  whitelist: 'roaming token list (whitelist)',
  realtime: 'eMSP real-time authorization',
  cache: 'eMSP real-time answer (cached)',
  'offline-fallback': 'eMSP unreachable, offline fallback',
  command: 'eMSP START_SESSION command',
  unknown: 'not found',
  error: 'hub error',
};

/** What an eMSP's OCPI AllowedType means (mod_tokens §AllowedType). */
const ALLOWED_MEANING: Record<string, string> = {
  ALLOWED: 'allowed',
  BLOCKED: 'blocked by the eMSP',
  EXPIRED: 'expired',
  NO_CREDIT: 'no credit left',
  NOT_ALLOWED: 'not allowed at this location',
};

/** Splits a recorded reason into the OCPP message that carried the token and the reason proper. */
export function splitReason(reason: string | null): { trigger: AuthorizationTrigger | null; detail: string | null } {
  if (!reason) return { trigger: null, detail: null };
  const trigger = TRIGGERS.find((t) => reason === t || reason.startsWith(`${t}: `)) ?? null;
  if (!trigger) return { trigger: null, detail: reason };
  const detail = reason.slice(trigger.length + 2);
  return { trigger, detail: detail === '' ? null : detail };
}

/**
 * Explains a recorded decision from its result, source, reason and AllowedType — the steps of
 * {@link TokenAuthorizer}: START_SESSION, local cards, eMSP token list by whitelist type, the
 * eMSP in real time (or its cached answer), the ALLOWED_OFFLINE fallback, unknown.
 */
export function explainAuthorization(row: RecordedAuthorization): AuthorizationExplanation {
  const { trigger, detail } = splitReason(row.reason);
  const accepted = row.result === 'accepted';
  const source = row.source as AuthorizationSource;
  const allowed = row.allowed ? `${row.allowed} (${ALLOWED_MEANING[row.allowed] ?? row.allowed.toLowerCase()})` : null;
  const because = detail ? ` (${detail})` : '';
  let why: string;
  switch (source) {
    case 'local':
      why = accepted
        ? "A card of the station's own CPO, valid in the local card list."
        : `A card of the station's own CPO, but not valid in the local card list${because}.`;
      break;
    case 'whitelist':
      why = accepted
        ? "The eMSP's token has whitelist ALWAYS: accepted from its pushed token list without asking the eMSP."
        : "The eMSP's pushed token is marked not valid: refused without asking the eMSP.";
      break;
    case 'realtime':
      if (accepted) why = `The eMSP allowed it in a real-time authorization: ${allowed ?? 'ALLOWED'}.`;
      else if (row.result === 'unknown') why = 'The eMSP answered that it does not know this token.';
      else if (detail?.startsWith('emsp unreachable'))
        why = `The eMSP could not be reached${because}, and the token's whitelist type does not allow charging offline.`;
      else why = `The eMSP refused it in a real-time authorization: ${allowed ?? row.result}.`;
      break;
    case 'cache':
      why = accepted
        ? `The eMSP's recent real-time answer ${allowed ?? 'ALLOWED'} was reused (cached).`
        : `The eMSP's recent real-time refusal ${allowed ?? row.result} was reused (cached).`;
      break;
    case 'offline-fallback':
      why = `The eMSP could not be reached${because}; the token is ALLOWED_OFFLINE, so it was accepted.`;
      break;
    case 'command':
      why = `Started by the eMSP's remote START_SESSION${detail?.startsWith('START_SESSION') ? ` (${detail.slice(14)})` : ''}, which authorizes the token at this station for 15 minutes.`;
      break;
    case 'unknown':
      why = 'Neither a local card nor an eMSP token with this uid is known to the hub.';
      break;
    case 'error':
      why = `The hub could not decide${because}, so it refused to be safe.`;
      break;
    default:
      why = accepted ? `Accepted${because}.` : `Refused: ${row.result}${because}.`;
  }
  return {
    accepted,
    trigger,
    detail,
    source_label: SOURCE_LABELS[source] ?? row.source,
    why,
  };
}
