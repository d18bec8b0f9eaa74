import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DisputedExamJson, DisputedPageJson } from '@spineqc/contracts';
import { ApiClient } from './api-client.js';
import { disputesCsv } from './disputes-csv.js';
import { exportExam } from './export-exam.js';
import { exportReadme } from './export-readme.js';

export interface DisputedFilter {
  from?: string;
  to?: string;
  station?: string;
  technologist?: string;
}

export interface ExportOptions {
  /** Base URL of the SpineQC API, e.g. http://localhost:8080 */
  api: string;
  /** API token with the QA manager's (or admin's) rights. */
  token: string;
  out: string;
  filter: DisputedFilter;
  /** Told each exam as it is written. */
  onExam?: (item: DisputedExamJson, index: number) => void;
}

const PAGE_SIZE = 100;

/** Writes every disputed exam the filter selects into `out`, then disputes.csv and README.md; the exams written. */
export async function exportDisputed(options: ExportOptions): Promise<DisputedExamJson[]> {
  const client = new ApiClient(options.api, options.token);
  const items: DisputedExamJson[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    for (const [key, value] of Object.entries(options.filter)) if (value) query.set(key, value);
    if (cursor) query.set('cursor', cursor);
    const page: DisputedPageJson = await client.json(`/api/feedback/disputed?${query}`);
    for (const item of page.items) {
      await exportExam(client, options.out, item);
      options.onExam?.(item, items.length);
      items.push(item);
    }
    cursor = page.nextCursor;
  } while (cursor);
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'disputes.csv'), disputesCsv(items));
  await writeFile(join(options.out, 'README.md'), exportReadme(options.api, new Date(), items.length));
  return items;
}
