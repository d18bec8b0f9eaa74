import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assessFile, reviewThumbnail } from '@spineqc/assessment';
import type { View } from '@spineqc/qc-standard';
import type { Segmenter } from '@spineqc/segmentation';
import { errorRecord } from '../model/assessment-json.js';
import { ProgressBar } from '../progress.js';
import { isJudged, judgedEntry, type AuditEntry } from './entry.js';
import { IdentityRedactor } from './redact.js';

export interface AuditOptions {
  view?: View;
  /** Draw overlay thumbnails of the films to review (only the HTML report shows them). */
  thumbnails: boolean;
}

/**
 * Judges every file in turn with one loaded segmenter; a file that cannot be read or judged
 * becomes an error entry and the audit goes on. Paths and messages come back with the patient
 * names and IDs of every audited DICOM file removed.
 */
export async function auditFiles(
  root: string,
  files: readonly string[],
  segmenter: Segmenter,
  options: AuditOptions,
): Promise<{ entries: AuditEntry[]; redactor: IdentityRedactor }> {
  const bar = new ProgressBar('analyze', files.length);
  const redactor = new IdentityRedactor();
  const entries: AuditEntry[] = [];
  for (const file of files) {
    try {
      const a = await assessFile(await readFile(join(root, file)), segmenter, { view: options.view });
      if (a.radiograph.dicom) redactor.learn(a.radiograph.dicom.patientName, a.radiograph.dicom.patientId);
      const review = options.thumbnails && !a.verdict.qualified;
      entries.push(judgedEntry(file, a, review ? reviewThumbnail(a) : undefined));
    } catch (error) {
      entries.push(errorRecord(file, error));
    }
    bar.tick(entries.length);
  }
  return { entries: entries.map((e) => redactEntry(e, redactor)), redactor };
}

function redactEntry(entry: AuditEntry, redactor: IdentityRedactor): AuditEntry {
  const file = redactor.redact(entry.file);
  if (!isJudged(entry))
    return { file, error: { code: entry.error.code, message: redactor.redact(entry.error.message) } };
  return { ...entry, file };
}
