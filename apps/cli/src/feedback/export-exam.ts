import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DisputedExamJson } from '@spineqc/contracts';
import { decodeMaskSet, resizeMaskSet } from '@spineqc/imaging';
import { writeMaskFiles } from '../model/mask-files.js';
import type { ApiClient } from './api-client.js';
import { FeedbackExportError } from './feedback-export-error.js';

const EXTENSIONS: Record<string, string> = { dicom: 'dcm', png: 'png', jpeg: 'jpg' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of `GET /api/exams/:id` the export reads; verdict.json keeps the whole body. */
interface ExamBody {
  id: string;
  image: { format: string; width: number | null; height: number | null } | null;
}

/**
 * Writes `<out>/<examId>/`: original, verdict.json, feedback.json and masks/. The folder is emptied first, so a
 * second export leaves exactly what the first did and nothing stale from an earlier verdict.
 */
export async function exportExam(client: ApiClient, out: string, item: DisputedExamJson): Promise<void> {
  const id = item.exam.id;
  // The id becomes a folder name: anything but a UUID could point outside `out`.
  if (!UUID.test(id)) throw new FeedbackExportError('BAD_RESPONSE', `the API named an exam "${id}"`);
  const path = `/api/exams/${id}`;
  const exam = await client.json<ExamBody>(path);
  const dir = join(out, id);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'masks'), { recursive: true });
  await writeFile(join(dir, 'verdict.json'), JSON.stringify(exam, null, 2) + '\n');
  await writeFile(join(dir, 'feedback.json'), JSON.stringify(item.feedback, null, 2) + '\n');
  const original = exam.image ? await client.bytesOrNull(`${path}/original`) : null;
  if (exam.image && original) {
    await writeFile(join(dir, `original.${EXTENSIONS[exam.image.format] ?? 'bin'}`), original);
  }
  const masks = await client.bytesOrNull(`${path}/masks`);
  if (!masks) {
    await rm(join(dir, 'masks'), { recursive: true });
    return;
  }
  const stored = decodeMaskSet(masks);
  // The worker keeps the segmentation at its analysis size; relabelling happens on the original's pixels.
  const { width, height } = exam.image ?? {};
  const set = width && height ? resizeMaskSet(stored, width, height) : stored;
  await writeMaskFiles(set, (name) => join(dir, 'masks', `${name}.png`));
}
