'use client';
import { useEffect, useState } from 'react';
import { getExam, type ExamDetailDto } from '@/lib/api-client';
import { pollDelayMs } from '@/lib/review/verdict-state';

export interface ExamState {
  exam: ExamDetailDto | undefined;
  error: unknown;
  loading: boolean;
}

const LOADING: ExamState = { exam: undefined, error: undefined, loading: true };

/**
 * The exam, polled while it is still being analysed (status 'received') until its verdict or failure is
 * recorded. A failed poll is shown but keeps the last exam on screen and tries again; a first load that fails
 * (no such exam, bad id) stops.
 */
export function useExam(id: string): ExamState {
  const [state, setState] = useState<ExamState & { id: string }>({ id, ...LOADING });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let shown: ExamDetailDto | undefined;

    const poll = async () => {
      try {
        const exam = await getExam(id, { signal: controller.signal });
        if (controller.signal.aborted) return;
        shown = exam;
        setState({ id, exam, error: undefined, loading: false });
        if (exam.status !== 'received') return;
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ id, exam: shown, error, loading: false });
        if (!shown) return;
      }
      timer = setTimeout(poll, pollDelayMs(attempt++));
    };

    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  return state.id === id ? state : LOADING;
}
