import { useEffect, useRef, useState } from 'react';
import type { RoomExam } from '@/lib/live/room-state';
import { describeError } from '@/lib/live/use-room-live';

/**
 * An exam known only from a summary (history, catch-up) has no criteria yet: fetch its detail once when it is
 * shown. Returns the error for the shown exam, if its fetch failed.
 */
export function useShownDetail(exam: RoomExam | null, loadDetail: (examId: string) => Promise<void>) {
  const requested = useRef(new Set<string>());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const examId = exam?.examId;
  const needsDetail = exam?.status === 'judged' && exam.criteria === null;

  useEffect(() => {
    if (!examId || !needsDetail || requested.current.has(examId)) return;
    requested.current.add(examId);
    loadDetail(examId).catch((caught: unknown) =>
      setErrors((all) => ({
        ...all,
        [examId]: `The API did not give this exam's criteria: ${describeError(caught)}`,
      })),
    );
  }, [examId, needsDetail, loadDetail]);

  return examId ? (errors[examId] ?? null) : null;
}
