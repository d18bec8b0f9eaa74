// Every room at once (the home page): the one-room reducer, applied per station.
import type { LiveReceived, LiveVerdict } from '@spineqc/contracts';
import type { ExamSummaryDto } from '@/lib/api-client';
import { initialRoomState, roomActions, roomReducer, type RoomAction, type RoomState } from './room-state';

export type RoomsState = Readonly<Record<string, RoomState>>;

export type RoomsAction =
  | { type: 'received'; event: LiveReceived }
  | { type: 'verdict'; event: LiveVerdict }
  | { type: 'snapshot'; station: string; exams: ExamSummaryDto[] };

export const roomsActions = {
  received: (event: LiveReceived): RoomsAction => ({ type: 'received', event }),
  verdict: (event: LiveVerdict): RoomsAction => ({ type: 'verdict', event }),
  snapshot: (station: string, exams: ExamSummaryDto[]): RoomsAction => ({ type: 'snapshot', station, exams }),
};

export const initialRoomsState: RoomsState = {};

function forStation(state: RoomsState, station: string, action: RoomAction): RoomsState {
  return { ...state, [station]: roomReducer(state[station] ?? initialRoomState, action) };
}

export function roomsReducer(state: RoomsState, action: RoomsAction): RoomsState {
  switch (action.type) {
    case 'received':
      return forStation(state, action.event.station, roomActions.received(action.event));
    case 'verdict':
      return forStation(state, action.event.station, roomActions.verdict(action.event));
    case 'snapshot':
      return forStation(state, action.station, roomActions.snapshot(action.exams));
  }
}
