import { describe, expect, it } from 'vitest';
import type { CriterionOutcome, LiveReceived, LiveVerdict } from '@spineqc/contracts';
import type { ExamDetailDto, ExamSummaryDto } from '@/lib/api-client';
import { ROOM_EXAM_LIMIT, initialRoomState, roomActions, roomReducer, type RoomAction } from './room-state';

const STATION = 'DR-ROOM-1';

/** A distinct UUID-like id and receivedAt per exam number, so order is by number. */
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const timeOf = (n: number) => new Date(Date.UTC(2026, 10, 27, 9, 0, n)).toISOString();

const failedCriterion: CriterionOutcome = {
  id: 'vertebrae-in-field',
  label: 'Seven vertebrae T11–L5 in the field',
  passed: false,
  value: 9,
  range: [7, 7],
  unit: 'vertebrae',
  message: '9 vertebrae in field (T9–L5)',
  correction: 'reduce the field cranially to T11',
};

function received(n: number): LiveReceived {
  return {
    examId: idOf(n),
    sopInstanceUid: `2.25.${n}`,
    station: STATION,
    operator: 'Chen^Wei',
    source: 'stow-rs',
    receivedAt: timeOf(n),
  };
}

function verdict(n: number, overrides: Partial<LiveVerdict> = {}): LiveVerdict {
  return {
    examId: idOf(n),
    sopInstanceUid: `2.25.${n}`,
    station: STATION,
    operator: 'Chen^Wei',
    view: 'ap',
    qualified: false,
    notAssessable: false,
    reason: null,
    status: 'judged',
    criteria: [failedCriterion],
    receivedAt: timeOf(n),
    judgedAt: timeOf(n + 0.3),
    modelVersion: 'seg@1',
    rulesVersion: 'rules@1',
    ...overrides,
  };
}

function summary(n: number, overrides: Partial<ExamSummaryDto> = {}): ExamSummaryDto {
  return {
    id: idOf(n),
    sopInstanceUid: `2.25.${n}`,
    studyInstanceUid: null,
    seriesInstanceUid: null,
    station: STATION,
    technologist: 'Chen^Wei',
    source: 'stow-rs',
    requestedView: null,
    status: 'judged',
    receivedAt: timeOf(n),
    judgedAt: timeOf(n + 0.3),
    failureCode: null,
    failureReason: null,
    view: 'ap',
    qualified: true,
    notAssessable: false,
    failedCriteria: [],
    ...overrides,
  };
}

function detail(n: number): ExamDetailDto {
  return {
    ...summary(n, { qualified: false, failedCriteria: ['vertebrae-in-field'] }),
    patientIdHash: null,
    requestedPixelSpacingMm: null,
    image: null,
    verdict: {
      view: 'ap',
      viewSource: 'dicom',
      qualified: false,
      notAssessable: false,
      reason: null,
      confidence: 0.9,
      pixelSpacingMm: [0.15, 0.15],
      pixelSpacingSource: 'file',
      modelVersion: 'seg@1',
      rulesVersion: 'rules@1',
      criteria: [failedCriterion],
      vertebrae: [],
      timingsMs: {},
      worker: 'w',
      attempts: 1,
      judgedAt: timeOf(n + 0.3),
    },
  };
}

const run = (...actions: RoomAction[]) => actions.reduce(roomReducer, initialRoomState);
const ids = (state: ReturnType<typeof run>) => state.exams.map((e) => e.examId);

describe('roomReducer', () => {
  it('starts empty: no current exam, the tablet waits', () => {
    expect(initialRoomState.current).toBeNull();
    expect(initialRoomState.exams).toEqual([]);
  });

  it('shows a received image at once as the current exam, not yet judged', () => {
    const state = run(roomActions.received(received(1)));
    expect(state.current).toMatchObject({
      examId: idOf(1),
      status: 'received',
      qualified: null,
      criteria: null,
    });
    expect(state.current?.operator).toBe('Chen^Wei');
  });

  it('turns received into judged when the verdict comes, with criteria and versions', () => {
    const state = run(roomActions.received(received(1)), roomActions.verdict(verdict(1)));
    expect(state.exams).toHaveLength(1);
    expect(state.current).toMatchObject({
      status: 'judged',
      qualified: false,
      view: 'ap',
      failedCriteria: ['vertebrae-in-field'],
      modelVersion: 'seg@1',
      rulesVersion: 'rules@1',
    });
    expect(state.current?.criteria).toEqual([failedCriterion]);
  });

  it('keeps the verdict when the received event arrives after it', () => {
    const state = run(roomActions.verdict(verdict(1)), roomActions.received(received(1)));
    expect(state.exams).toHaveLength(1);
    expect(state.current).toMatchObject({ status: 'judged', qualified: false });
    expect(state.current?.criteria).toHaveLength(1);
  });

  it('orders exams newest first by receivedAt, whatever order the events come in', () => {
    const state = run(
      roomActions.received(received(2)),
      roomActions.received(received(3)),
      roomActions.verdict(verdict(1)),
    );
    expect(ids(state)).toEqual([idOf(3), idOf(2), idOf(1)]);
    expect(state.current?.examId).toBe(idOf(3));
  });

  it('keeps a newer analysing exam current when an older exam is judged', () => {
    const state = run(
      roomActions.received(received(1)),
      roomActions.received(received(2)),
      roomActions.verdict(verdict(1)),
    );
    expect(state.current).toMatchObject({ examId: idOf(2), status: 'received' });
  });

  it(`keeps at most ${ROOM_EXAM_LIMIT} exams, dropping the oldest`, () => {
    const actions = Array.from({ length: ROOM_EXAM_LIMIT + 5 }, (_, i) =>
      roomActions.received(received(i + 1)),
    );
    const state = run(...actions);
    expect(state.exams).toHaveLength(ROOM_EXAM_LIMIT);
    expect(state.exams[0].examId).toBe(idOf(ROOM_EXAM_LIMIT + 5));
    expect(state.exams.at(-1)?.examId).toBe(idOf(6));
  });

  it('records a failed exam with its reason and no criteria', () => {
    const state = run(
      roomActions.verdict(
        verdict(1, {
          status: 'failed',
          qualified: null,
          view: null,
          reason: 'unreadable file',
          criteria: [],
        }),
      ),
    );
    expect(state.current).toMatchObject({ status: 'failed', reason: 'unreadable file', criteria: [] });
  });

  describe('snapshot (catch-up after connecting)', () => {
    it('fills an empty room without counting the history as missed', () => {
      const state = run(roomActions.snapshot([summary(3), summary(2), summary(1)]));
      expect(ids(state)).toEqual([idOf(3), idOf(2), idOf(1)]);
      expect(state.missedOnReconnect).toBe(0);
      expect(state.snapshots).toBe(1);
      // A summary carries no criteria: they stay unknown rather than empty.
      expect(state.current?.criteria).toBeNull();
      expect(state.current?.operator).toBe('Chen^Wei');
    });

    it('takes criteria, reason and versions from the latest detail', () => {
      const state = run(roomActions.snapshot([summary(2), summary(1)], detail(2)));
      expect(state.current).toMatchObject({ examId: idOf(2), qualified: false, modelVersion: 'seg@1' });
      expect(state.current?.criteria).toEqual([failedCriterion]);
      expect(state.exams).toHaveLength(2);
    });

    it('counts the exams a reconnect caught up that live events had not shown', () => {
      const state = run(
        roomActions.snapshot([summary(1)]),
        roomActions.verdict(verdict(2)),
        // disconnected while exams 3 and 4 were taken
        roomActions.snapshot([summary(4), summary(3), summary(2), summary(1)]),
      );
      expect(ids(state)).toEqual([idOf(4), idOf(3), idOf(2), idOf(1)]);
      expect(state.missedOnReconnect).toBe(2);
      expect(state.snapshots).toBe(2);
    });

    it('counts a verdict missed while disconnected for an exam shown as analysing', () => {
      const state = run(
        roomActions.snapshot([]),
        roomActions.received(received(1)),
        roomActions.snapshot([summary(1)]),
      );
      expect(state.current).toMatchObject({ status: 'judged', qualified: true });
      expect(state.missedOnReconnect).toBe(1);
    });

    it('reports nothing missed when the reconnect brought nothing new', () => {
      const state = run(
        roomActions.snapshot([summary(1)]),
        roomActions.verdict(verdict(2)),
        roomActions.snapshot([summary(2, { qualified: false }), summary(1)]),
      );
      expect(state.missedOnReconnect).toBe(0);
    });

    it('never lets an older snapshot undo newer live data', () => {
      const state = run(
        roomActions.received(received(1)),
        roomActions.verdict(verdict(1)),
        roomActions.received(received(2)),
        // the REST answer was computed before exam 1 was judged and before exam 2 arrived
        roomActions.snapshot([
          summary(1, { status: 'received', qualified: null, judgedAt: null, view: null }),
        ]),
      );
      expect(ids(state)).toEqual([idOf(2), idOf(1)]);
      expect(state.exams[1]).toMatchObject({ status: 'judged', qualified: false, view: 'ap' });
      expect(state.exams[1].criteria).toEqual([failedCriterion]);
      expect(state.current?.examId).toBe(idOf(2));
    });

    it('keeps criteria known from a live verdict when the snapshot summary lacks them', () => {
      const state = run(
        roomActions.verdict(verdict(1)),
        roomActions.snapshot([summary(1, { qualified: false, failedCriteria: ['vertebrae-in-field'] })]),
      );
      expect(state.current?.criteria).toEqual([failedCriterion]);
      expect(state.current?.modelVersion).toBe('seg@1');
    });

    it('has no duplicates when the snapshot and the detail name the same exam', () => {
      const state = run(roomActions.snapshot([summary(1), summary(1)], detail(1)));
      expect(state.exams).toHaveLength(1);
    });

    it('resets the missed count on the next catch-up', () => {
      const state = run(
        roomActions.snapshot([]),
        roomActions.snapshot([summary(1)]),
        roomActions.snapshot([summary(1)]),
      );
      expect(state.missedOnReconnect).toBe(0);
      expect(state.snapshots).toBe(3);
    });
  });

  it('merges a fetched detail into an older exam without changing the current one', () => {
    const state = run(
      roomActions.snapshot([summary(2), summary(1, { qualified: false })]),
      roomActions.detail(detail(1)),
    );
    expect(state.current?.examId).toBe(idOf(2));
    expect(state.exams[1].criteria).toEqual([failedCriterion]);
  });
});
