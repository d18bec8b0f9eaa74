import { createHmac } from 'node:crypto';

/**
 * Keyed hash of a PatientID: QA can group a patient's repeat exposures without the service ever
 * storing the ID. Keyed (HMAC) so the hash cannot be reversed by hashing a list of plausible IDs.
 */
export function hashPatientId(patientId: string, key: string): string | null {
  const id = patientId.trim();
  if (!id) return null;
  return createHmac('sha256', key).update(id, 'utf8').digest('hex');
}
