import { ocpiSuccess } from '@chargebridge/ocpi';

const SLOT = '\u0000data\u0000';
const SLOT_JSON = JSON.stringify(SLOT);
const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/**
 * The JSON body (UTF-8) of a success envelope (`ocpiSuccess`) whose `data` is a list of objects
 * already serialized — e.g. cached rendered Locations — so they are copied, not parsed and
 * serialized again. Same text as `JSON.stringify(ocpiSuccess(items))`.
 */
export function ocpiSuccessListJson(itemsJson: readonly Buffer[]): Buffer {
  const envelope = JSON.stringify(ocpiSuccess(SLOT));
  const at = envelope.indexOf(SLOT_JSON);
  const parts: Buffer[] = [Buffer.from(envelope.slice(0, at)), OPEN];
  itemsJson.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(item);
  });
  parts.push(CLOSE, Buffer.from(envelope.slice(at + SLOT_JSON.length)));
  return Buffer.concat(parts);
}
