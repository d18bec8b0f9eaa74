import { BenchPipelineError } from './bench-pipeline-error.js';
import type { JudgeRecord } from './stages.js';

/**
 * Each exam's stored verdict (worker and its stage timings) from the API, read after the timed part
 * of a phase; null for an exam that was not judged (a failed verdict).
 */
export async function judgeRecords(
  baseUrl: string,
  token: string,
  examIds: string[],
): Promise<(JudgeRecord | null)[]> {
  const records: (JudgeRecord | null)[] = [];
  for (const id of examIds) {
    const response = await fetch(`${baseUrl}/api/exams/${encodeURIComponent(id)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok)
      throw new BenchPipelineError('API_ERROR', `GET /api/exams/${id} answered ${response.status}`);
    const exam = (await response.json()) as { verdict: JudgeRecord | null };
    records.push(exam.verdict && { worker: exam.verdict.worker, timingsMs: exam.verdict.timingsMs });
  }
  return records;
}
