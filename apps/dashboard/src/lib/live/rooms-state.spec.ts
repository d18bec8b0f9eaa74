import { describe, expect, it } from 'vitest';
import type { LiveReceived, LiveVerdict } from '@spineqc/contracts';
import type { ExamSummaryDto } from '@/lib/api-client';
import { initialRoomsState, roomsActions, roomsReducer } from './rooms-state';

const received = (examId: string, station: string, second: number): LiveReceived => ({
  examId,
  sopInstanceUid: `2.25.${second}`,
  station,
  operator: 'Silva^Marco',
  source: 'c-store',
  receivedAt: new Date(Date.UTC(2026, 10, 27, 9, 0, second)).toISOString(),
});

const verdict = (event: LiveReceived): LiveVerdict => ({
  ...event,
  view: 'lateral',
  qualified: true,
  notAssessable: false,
  reason: null,
  status: 'judged',
  criteria: [],
  judgedAt: event.receivedAt,
  modelVersion: 'seg@1',
  rulesVersion: 'rules@1',
});

describe('roomsReducer', () => {
  it('keeps each room apart, routed by the event station', () => {
    const a = received('a', 'DR-ROOM-1', 1);
    const b = received('b', 'DR-ROOM-2', 2);
    const state = [
      roomsActions.received(a),
      roomsActions.received(b),
      roomsActions.verdict(verdict(a)),
    ].reduce(roomsReducer, initialRoomsState);
    expect(Object.keys(state).sort()).toEqual(['DR-ROOM-1', 'DR-ROOM-2']);
    expect(state['DR-ROOM-1'].current).toMatchObject({ examId: 'a', status: 'judged', qualified: true });
    expect(state['DR-ROOM-2'].current).toMatchObject({ examId: 'b', status: 'received' });
  });

  it('catches one room up from its latest summaries without touching the others', () => {
    const summary = {
      id: 'c',
      station: 'DR-ROOM-3',
      technologist: 'Okafor^Ada',
      status: 'judged',
      receivedAt: '2026-11-27T09:00:03.000Z',
      judgedAt: '2026-11-27T09:00:03.200Z',
      failureReason: null,
      view: 'oblique',
      qualified: false,
      notAssessable: false,
      failedCriteria: ['scottie-dog'],
    } as ExamSummaryDto;
    const before = roomsReducer(initialRoomsState, roomsActions.received(received('a', 'DR-ROOM-1', 1)));
    const state = roomsReducer(before, roomsActions.snapshot('DR-ROOM-3', [summary]));
    expect(state['DR-ROOM-1']).toBe(before['DR-ROOM-1']);
    expect(state['DR-ROOM-3'].current).toMatchObject({
      examId: 'c',
      qualified: false,
      operator: 'Okafor^Ada',
    });
  });
});
