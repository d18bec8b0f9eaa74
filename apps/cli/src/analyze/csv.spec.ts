import { describe, expect, it } from 'vitest';
import { auditCsv, csvField, CSV_COLUMNS } from './csv.js';
import { errorFixture, judgedFixture, parseCsv } from './fixtures.js';

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes nothing for missing values and numbers and booleans as they are', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-0.61)).toBe('-0.61');
    expect(csvField(false)).toBe('false');
  });

  it('keeps spreadsheets from running text as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@cmd')).toBe("'@cmd");
  });
});

describe('auditCsv', () => {
  const entries = [
    judgedFixture({
      file: 'dir, with comma/a "quoted" film.dcm',
      view: 'ap',
      failed: ['vertebrae-in-field', 'exposure'],
    }),
    judgedFixture({ file: 'b.png', view: 'lateral', technologist: '', station: '' }),
    errorFixture('broken.dcm', 'truncated, "badly"\nhere'),
  ];
  const text = auditCsv(entries);
  const rows = parseCsv(text);

  it('writes a header and one CRLF-terminated record per file, every record as wide as the header', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('reads back the values, criteria ;-joined and blank where a criterion does not apply', () => {
    const record = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    expect(record.file).toBe('dir, with comma/a "quoted" film.dcm');
    expect(record.format).toBe('dicom');
    expect(record.view).toBe('ap');
    expect(record.qualified).toBe('false');
    expect(record.failed_criteria).toBe('vertebrae-in-field;exposure');
    expect(record['vertebrae-in-field']).toBe('9');
    expect(record['spinous-process-midline']).toBe('0.5');
    expect(record['sacrum-in-field']).toBe(''); // a lateral criterion, not applicable to AP
    expect(record.technologist).toBe('Okafor, Ada');
    expect(record.total_ms).toBe('321');
    expect(record.error).toBe('');
    const lateral = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[2][i]]));
    expect(lateral.qualified).toBe('true');
    expect(lateral.failed_criteria).toBe('');
    expect(lateral['pelvis-in-field']).toBe('');
  });

  it('lists an unreadable file with its error and nothing else', () => {
    const record = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[3][i]]));
    expect(record.file).toBe('broken.dcm');
    expect(record.error).toBe('BAD_DICOM: truncated, "badly"\nhere');
    expect(Object.entries(record).filter(([k, v]) => v && k !== 'file' && k !== 'error')).toEqual([]);
  });
});
