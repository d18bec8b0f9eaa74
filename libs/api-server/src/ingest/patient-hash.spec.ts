import { describe, expect, it } from 'vitest';
import { uidFromContent } from './derived-uid.js';
import { hashPatientId } from './patient-hash.js';

describe('hashPatientId', () => {
  it('is keyed: same ID and key agree, another key gives another hash, the ID never appears', () => {
    const a = hashPatientId('PAT-0042', 'key-one-0123456789');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPatientId(' PAT-0042 ', 'key-one-0123456789')).toBe(a);
    expect(hashPatientId('PAT-0042', 'key-two-0123456789')).not.toBe(a);
    expect(a).not.toContain('0042');
  });

  it('gives no hash for an empty ID', () => {
    expect(hashPatientId('  ', 'key-one-0123456789')).toBeNull();
  });
});

describe('uidFromContent', () => {
  it('derives a valid, stable DICOM UID from the bytes', () => {
    const uid = uidFromContent(new TextEncoder().encode('film'));
    expect(uid).toMatch(/^2\.25\.[1-9][0-9]*$/);
    expect(uid.length).toBeLessThanOrEqual(64);
    expect(uidFromContent(new TextEncoder().encode('film'))).toBe(uid);
    expect(uidFromContent(new TextEncoder().encode('other'))).not.toBe(uid);
  });
});
