import { createHash } from 'node:crypto';
import { openDatabase } from '@spineqc/database';
import { silentLogger } from '@spineqc/logging';
import { CRITERIA, criteriaForView, type CriterionId, type View } from '@spineqc/qc-standard';
import type { CriterionOutcome, JudgedVerdict } from '@spineqc/contracts';

export interface SeededHistory {
  exams: number;
  from: Date;
  to: Date;
}

// Rooms of their own: the live films (phantom roster, DR-ROOM-n) must not land in a room whose exams have no image.
export const SEEDED_STATIONS = ['DR-ANNEX', 'DR-EMERGENCY', 'DR-WARD-MOBILE'];
const TECHNOLOGISTS = ['Silva^Marco', 'Okafor^Ada', 'Larsen^Nils', 'Tanaka^Yui'];
const VIEWS: View[] = ['ap', 'lateral', 'oblique'];

/** Deterministic pseudo-random numbers (mulberry32), so a seeded history is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outcome(id: CriterionId, passed: boolean): CriterionOutcome {
  return {
    id,
    label: CRITERIA[id].label,
    passed,
    value: passed ? 1 : 2,
    range: [null, 1.5],
    unit: CRITERIA[id].unit,
    message: passed ? 'within range' : 'out of range',
    ...(passed ? {} : { correction: 'reposition and repeat' }),
  };
}

/**
 * Writes `days` days of judged exams (a few per day, spread over rooms, technologists and views, some unqualified)
 * into the database of a `spineqc serve` data folder, before the server opens it. No images are stored: the history
 * is for the QA screens, which read counts, not pixels.
 */
export async function seedHistory(dataDir: string, days: number, seed = 7): Promise<SeededHistory> {
  const db = await openDatabase({ url: `pglite://${dataDir}/db`, logger: silentLogger });
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const from = new Date(today.getTime() - days * 86_400_000);
  let exams = 0;
  try {
    for (let day = 0; day < days; day++) {
      const perDay = 3 + Math.floor(next() * 4);
      for (let n = 0; n < perDay; n++) {
        const receivedAt = new Date(from.getTime() + day * 86_400_000 + (8 + n) * 3_600_000);
        const station = pick(SEEDED_STATIONS);
        const operator = pick(TECHNOLOGISTS);
        const view = pick(VIEWS);
        const sopInstanceUid = `2.25.${BigInt('0x' + createHash('sha256').update(`${seed}/${day}/${n}`).digest('hex').slice(0, 30))}`;
        const { exam } = await db.exams.recordReceived({
          sopInstanceUid,
          station,
          operator,
          source: 'stow-rs',
          requestedView: null,
          receivedAt,
          image: {
            storageKey: `seeded/${sopInstanceUid}.dcm`,
            format: 'dicom',
            sizeBytes: 1,
            sha256: '0'.repeat(64),
          },
        });
        // Larsen struggles with obliques, the mobile unit's collimation drifts: patterns a QA manager should see.
        const failureOdds =
          0.05 +
          (operator === 'Larsen^Nils' && view === 'oblique' ? 0.5 : 0) +
          (station === 'DR-WARD-MOBILE' ? 0.15 : 0);
        const notAssessable = next() < 0.04;
        const ids = criteriaForView(view);
        const failing = notAssessable ? [] : ids.filter(() => next() < failureOdds / ids.length);
        if (!notAssessable && failing.length === 0 && next() < failureOdds) failing.push(pick(ids));
        const verdict: JudgedVerdict = {
          examId: exam.id,
          sopInstanceUid,
          station,
          operator,
          receivedAt: receivedAt.toISOString(),
          judgedAt: new Date(receivedAt.getTime() + 150).toISOString(),
          worker: 'seeded-history',
          attempts: 1,
          status: 'judged',
          view,
          viewSource: 'dicom',
          qualified: !notAssessable && failing.length === 0,
          notAssessable,
          reason: notAssessable ? 'no vertebrae found' : null,
          confidence: 0.9,
          criteria: notAssessable ? [] : ids.map((id) => outcome(id, !failing.includes(id))),
          vertebrae: [],
          pixelSpacingMm: [0.15, 0.15],
          pixelSpacingSource: 'dicom',
          modelVersion: 'seeded-history@0',
          rulesVersion: 'seeded-history@0',
          timingsMs: {},
        };
        await db.exams.recordVerdict(verdict);
        exams++;
      }
    }
  } finally {
    await db.close();
  }
  return { exams, from, to: today };
}
