import type { DisputedExamJson, ExamSummary, FeedbackRecordJson, Jsonified } from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import { disputesCsv, verdictWord } from './disputes-csv.js';

const exam: Jsonified<ExamSummary> = {
  id: '6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f',
  sopInstanceUid: '1.2.3',
  studyInstanceUid: null,
  seriesInstanceUid: null,
  station: 'DR-ROOM-1',
  technologist: 'Chen^Wei',
  source: 'stow-rs',
  requestedView: null,
  status: 'judged',
  receivedAt: '2026-11-27T10:00:00.000Z',
  judgedAt: '2026-11-27T10:00:00.400Z',
  failureCode: null,
  failureReason: null,
  view: 'ap',
  qualified: false,
  notAssessable: false,
  failedCriteria: ['vertebrae-in-field', 'exposure'],
};

function entry(overrides: Partial<FeedbackRecordJson>): FeedbackRecordJson {
  return {
    id: 'f',
    examId: exam.id,
    agree: false,
    criterion: null,
    reason: null,
    author: 'Dr. Okafor',
    source: 'review',
    createdAt: '2026-11-27T11:00:00.000Z',
    ...overrides,
  };
}

describe('disputes.csv', () => {
  it('writes one row per exam from its disagreements, quoting what needs it', () => {
    const item: DisputedExamJson = {
      exam,
      feedback: [
        entry({ criterion: 'exposure', reason: 'EI is in range, "too dark" is wrong', author: 'Dr. Okafor' }),
        entry({ agree: true, author: 'Ann', reason: 'fine by me' }),
        entry({ criterion: 'vertebrae-in-field', reason: 'T11 is in, just faint', author: 'Bob' }),
        entry({ criterion: 'exposure', reason: 'EI is in range, "too dark" is wrong', author: 'Dr. Okafor' }),
      ],
    };
    expect(disputesCsv([item]).split('\r\n')).toEqual([
      'exam_id,received_at,station,technologist,view,verdict,failed_criteria,disputed_criteria,reasons,authors',
      '6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f,2026-11-27T10:00:00.000Z,DR-ROOM-1,Chen^Wei,ap,unqualified,' +
        'vertebrae-in-field;exposure,exposure;vertebrae-in-field,' +
        '"EI is in range, ""too dark"" is wrong | T11 is in, just faint",Dr. Okafor;Bob',
      '',
    ]);
  });

  it('writes only the header when nothing is disputed, and neutralises formula-like text', () => {
    expect(disputesCsv([])).toBe(
      'exam_id,received_at,station,technologist,view,verdict,failed_criteria,disputed_criteria,reasons,authors\r\n',
    );
    const row = disputesCsv([{ exam, feedback: [entry({ reason: '=HYPERLINK("x")', author: '@bob' })] }]);
    expect(row).toContain(`"'=HYPERLINK(""x"")",'@bob`);
  });

  it('names every verdict', () => {
    expect(verdictWord({ ...exam, qualified: true, failedCriteria: [] })).toBe('qualified');
    expect(verdictWord(exam)).toBe('unqualified');
    expect(verdictWord({ ...exam, qualified: null, notAssessable: true })).toBe('not assessable');
    expect(verdictWord({ ...exam, status: 'failed', qualified: null })).toBe('failed');
    expect(verdictWord({ ...exam, status: 'received', qualified: null, view: null })).toBe('not judged');
  });
});
