import type { Rng } from '../random.js';

/** A DICOM UID under the 2.25 (UUID-derived) root, drawn from the seeded stream so films are reproducible. */
export function deterministicUid(rng: Rng): string {
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(Math.floor(rng.next() * 4294967296));
  return `2.25.${n}`;
}

export interface FilmIdentity {
  patientId: string;
  patientName: string;
  patientBirthDate: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  accessionNumber: string;
  studyDate: string;
  studyTime: string;
}

/** Synthetic patient and study identifiers: obviously not a person, unique per seed and index. */
export function filmIdentity(rng: Rng, seed: number, index: number, sex: 'F' | 'M'): FilmIdentity {
  const day = new Date(Date.UTC(2026, 0, 5) + rng.int(0, 300) * 86_400_000);
  const studyDate = day.toISOString().slice(0, 10).replaceAll('-', '');
  const hh = String(rng.int(7, 18)).padStart(2, '0');
  const mm = String(rng.int(0, 59)).padStart(2, '0');
  const ss = String(rng.int(0, 59)).padStart(2, '0');
  const birthYear = 2026 - rng.int(18, 90);
  return {
    patientId: `PHANTOM-${seed}-${index}`,
    patientName: `Phantom^${sex === 'F' ? 'Female' : 'Male'}${String(index).padStart(4, '0')}`,
    patientBirthDate: `${birthYear}0101`,
    studyInstanceUid: deterministicUid(rng),
    seriesInstanceUid: deterministicUid(rng),
    sopInstanceUid: deterministicUid(rng),
    accessionNumber: `PH${seed}${String(index).padStart(5, '0')}`.slice(0, 16),
    studyDate,
    studyTime: `${hh}${mm}${ss}`,
  };
}
