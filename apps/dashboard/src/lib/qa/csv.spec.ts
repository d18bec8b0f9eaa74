import { describe, expect, it } from 'vitest';
import { csvCell, examsCsvFileName, examsToCsv, toCsv, type ExamCsvSource } from './csv';

describe('CSV cells', () => {
  it('leaves plain text, numbers and booleans as they are, and null empty', () => {
    expect(csvCell('DR-ROOM-1')).toBe('DR-ROOM-1');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('CSV text', () => {
  it('joins rows with CRLF and ends with one', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, true],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,true\r\n');
  });

  it('writes the exam columns in order', () => {
    const exam: ExamCsvSource = {
      id: 'fcd5a3d6-597c-40f9-8b3f-eeb319779419',
      receivedAt: '2026-11-27T14:13:10.242Z',
      station: 'DR-ROOM-2',
      technologist: 'Okafor^Ada',
      view: 'lateral',
      status: 'judged',
      qualified: false,
      notAssessable: false,
      failedCriteria: ['vertebrae-in-field', 'exposure'],
      judgedAt: '2026-11-27T14:13:10.425Z',
    };
    const pending = { ...exam, id: 'p', status: 'received' as const, view: null, qualified: null };
    const csv = examsToCsv([exam, { ...pending, notAssessable: null, failedCriteria: [], judgedAt: null }]);
    expect(csv.split('\r\n')).toEqual([
      'examId,receivedAt,station,technologist,view,status,qualified,notAssessable,failedCriteria,judgedAt',
      'fcd5a3d6-597c-40f9-8b3f-eeb319779419,2026-11-27T14:13:10.242Z,DR-ROOM-2,Okafor^Ada,lateral,judged,' +
        'false,false,vertebrae-in-field;exposure,2026-11-27T14:13:10.425Z',
      'p,2026-11-27T14:13:10.242Z,DR-ROOM-2,Okafor^Ada,,received,,,,',
      '',
    ]);
  });

  it('names the file after the range', () => {
    expect(examsCsvFileName('2026-10-29', '2026-11-27')).toBe('spineqc-exams-2026-10-29-2026-11-27.csv');
  });
});
