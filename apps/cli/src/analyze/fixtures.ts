import { CRITERIA, criteriaForView, type CriterionId, type View } from '@spineqc/qc-standard';
import type { ErrorRecord, JudgedEntry } from './entry.js';

/** Audit entries for the specs: no model, no files. */
export function judgedFixture(
  options: {
    file?: string;
    view?: View;
    failed?: CriterionId[];
    notAssessable?: boolean;
  } & Partial<JudgedEntry> = {},
): JudgedEntry {
  const { file = 'film.dcm', view = 'ap', failed = [], notAssessable = false, ...rest } = options;
  return {
    file,
    view,
    viewSource: 'dicom',
    predictedView: view,
    qualified: !notAssessable && failed.length === 0,
    notAssessable,
    ...(notAssessable && { reason: 'only one vertebral body found' }),
    confidence: 0.9,
    criteria: criteriaForView(view).map((id) => ({
      id,
      passed: !failed.includes(id),
      value: failed.includes(id) ? 9 : 0.5,
      range: [0, 1] as const,
      unit: CRITERIA[id].unit,
      message: `${id} measured`,
      ...(failed.includes(id) && { correction: `fix ${id}` }),
    })),
    vertebrae: [],
    modelVersion: 'spineqc-seg@1.0.0',
    rulesVersion: '1.0.0+paper-2022.1',
    pixelSpacing: { mm: [0.4, 0.4], source: 'file' },
    image: { format: 'dicom', width: 100, height: 200 },
    timingsMs: { total: 321.4 },
    technologist: 'Okafor, Ada',
    station: 'DR-ROOM-1',
    ...rest,
  };
}

export function errorFixture(file = 'broken.dcm', message = 'DICOM file is truncated'): ErrorRecord {
  return { file, error: { code: 'BAD_DICOM', message } };
}

/** A minimal RFC 4180 reader, so the specs check that what is written reads back the same. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
