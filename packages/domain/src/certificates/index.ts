/**
 * Station certificates (`@chargebridge/domain/certificates`): the checks on a station's CSR and the
 * signing with the hub's station CA. A subpath of its own so that only the gateway and the worker
 * load the X.509 library (and its Reflect polyfill).
 */
export { type IssuedCertificate, issueStationCertificate, signStationCsr } from './issue-certificate.js';
export { loadStationCa, type StationCa, stationCaFromPem } from './station-ca.js';
export {
  type AcceptedCsr,
  type CsrCheck,
  checkStationCsr,
  type RefusedCsr,
  type StationKeyType,
} from './station-csr.js';
