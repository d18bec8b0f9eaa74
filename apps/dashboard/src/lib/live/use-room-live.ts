// The live state of one DR room for its tablet: Socket.IO events plus a REST catch-up on every (re)connect.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiRequestError, getExam, listExams, type ExamDetailDto } from '@/lib/api-client';
import { openLiveSocket, type ConnectionState } from './live-socket';
import { initialRoomState, roomActions, roomReducer, type RoomState } from './room-state';

/** How many of the room's latest exams a catch-up reads (the strip shows about this many). */
export const CATCH_UP_LIMIT = 12;

export interface RoomLive {
  state: RoomState;
  connection: ConnectionState;
  /** When the tablet last heard from the server (a catch-up or a live event); null before the first. */
  lastSyncAt: Date | null;
  /** The latest problem with the live link or the catch-up, with the API's message; null when all is well. */
  error: string | null;
  /** Fetches the full exam (criteria, versions) for an exam shown from a summary; rejects with the API's error. */
  loadDetail(examId: string): Promise<void>;
}

export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) return `${error.message} (${error.status} ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

export function useRoomLive(station: string): RoomLive {
  const [state, dispatch] = useReducer(roomReducer, initialRoomState);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [lastSyncAt, setLastSyncAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The catch-up runs inside socket callbacks and needs the state as it is then, not as it was at mount.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    const aborter = new AbortController();
    const catchUp = async () => {
      try {
        const page = await listExams({ station, limit: CATCH_UP_LIMIT }, { signal: aborter.signal });
        const newestJudged = page.items.find((exam) => exam.status === 'judged');
        const known = newestJudged && stateRef.current.exams.find((e) => e.examId === newestJudged.id);
        let detail: ExamDetailDto | undefined;
        if (newestJudged && !known?.criteria)
          detail = await getExam(newestJudged.id, { signal: aborter.signal });
        dispatch(roomActions.snapshot(page.items, detail));
        setLastSyncAt(new Date());
      } catch (caught) {
        if (aborter.signal.aborted) return;
        setError(`Could not catch up with ${station}: ${describeError(caught)}`);
      }
    };
    const close = openLiveSocket(station, {
      connection: setConnection,
      subscribed: () => void catchUp(),
      received: (event) => {
        dispatch(roomActions.received(event));
        setLastSyncAt(new Date());
      },
      verdict: (event) => {
        dispatch(roomActions.verdict(event));
        setLastSyncAt(new Date());
      },
      problem: setError,
    });
    return () => {
      aborter.abort();
      close();
    };
  }, [station]);

  const loadDetail = useCallback(async (examId: string) => {
    dispatch(roomActions.detail(await getExam(examId)));
  }, []);

  return { state, connection, lastSyncAt, error, loadDetail };
}
