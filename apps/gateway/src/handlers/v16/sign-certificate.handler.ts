import { recordingHandler } from '../shared/record-event.js';

/**
 * 1.6 security whitepaper SignCertificate: recorded; the hub has no certificate authority wired
 * yet, so it answers Rejected rather than promising a CertificateSigned it cannot send.
 */
export const signCertificate = recordingHandler('SignCertificate', { status: 'Rejected' });
