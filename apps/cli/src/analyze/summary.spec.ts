import { describe, expect, it } from 'vitest';
import { errorFixture, judgedFixture } from './fixtures.js';
import { rejectRate, summarise } from './summary.js';

describe('summarise', () => {
  const entries = [
    judgedFixture({ file: 'a.dcm', view: 'ap' }),
    judgedFixture({ file: 'b.dcm', view: 'ap', failed: ['vertebrae-in-field', 'exposure'] }),
    judgedFixture({
      file: 'c.dcm',
      view: 'ap',
      failed: ['vertebrae-in-field'],
      technologist: 'Silva, Marco',
    }),
    judgedFixture({ file: 'd.dcm', view: 'lateral', failed: ['sacrum-in-field'], station: 'DR-ROOM-2' }),
    // Not assessable films carry criteria too; they count once, as not assessable.
    judgedFixture({ file: 'e.png', view: 'lateral', notAssessable: true, failed: ['vertebrae-in-field'] }),
    judgedFixture({ file: 'f.png', view: 'oblique', technologist: '', station: '' }),
    errorFixture('g.dcm'),
  ];
  const summary = summarise(entries);

  it('counts outcomes per view and overall, unreadable files apart', () => {
    expect(summary.files).toBe(7);
    expect(summary.unreadable).toBe(1);
    expect(summary.byView.ap).toEqual({ films: 3, qualified: 1, notQualified: 2, notAssessable: 0 });
    expect(summary.byView.lateral).toEqual({ films: 2, qualified: 0, notQualified: 1, notAssessable: 1 });
    expect(summary.byView.oblique).toEqual({ films: 1, qualified: 1, notQualified: 0, notAssessable: 0 });
    expect(summary.total).toEqual({ films: 6, qualified: 2, notQualified: 3, notAssessable: 1 });
  });

  it('counts failures per criterion and view over assessable films, commonest first', () => {
    expect(summary.failures.map((f) => [f.id, f.total])).toEqual([
      ['vertebrae-in-field', 2],
      ['sacrum-in-field', 1],
      ['exposure', 1],
    ]);
    const [fieldSize, sacrum] = summary.failures;
    expect(fieldSize.label).toBe('Seven vertebrae T11–L5 in the field');
    expect(fieldSize.byView).toEqual({ ap: 2, lateral: 0, oblique: 0 });
    // The sacrum criterion applies to lateral films only: no AP or oblique cell at all.
    expect(sacrum.byView).toEqual({ lateral: 1 });
  });

  it('breaks down by technologist and room, unrecorded last, with the commonest failure', () => {
    expect(summary.byTechnologist.map((g) => [g.name, g.counts.films])).toEqual([
      ['Okafor, Ada', 4],
      ['Silva, Marco', 1],
      ['', 1],
    ]);
    expect(summary.byTechnologist[0].commonestFailure).toEqual({
      id: 'vertebrae-in-field',
      label: 'Seven vertebrae T11–L5 in the field',
      count: 1,
    });
    expect(summary.byTechnologist[2].commonestFailure).toBeUndefined();
    expect(summary.byStation.map((g) => g.name)).toEqual(['DR-ROOM-1', 'DR-ROOM-2', '']);
  });

  it('has no breakdown when no file names a technologist or room', () => {
    const pngOnly = summarise([judgedFixture({ technologist: '', station: '' })]);
    expect(pngOnly.byTechnologist).toEqual([]);
    expect(pngOnly.byStation).toEqual([]);
  });

  it('counts view contradictions and collects versions', () => {
    const s = summarise([
      judgedFixture({ viewContradiction: 'DICOM says AP, the image looks lateral' }),
      judgedFixture({ modelVersion: 'spineqc-seg@2.0.0' }),
    ]);
    expect(s.viewContradictions).toBe(1);
    expect(s.modelVersions).toEqual(['spineqc-seg@1.0.0', 'spineqc-seg@2.0.0']);
    expect(s.rulesVersions).toEqual(['1.0.0+paper-2022.1']);
  });
});

describe('rejectRate', () => {
  it('is not qualified plus not assessable over films, null without films', () => {
    expect(rejectRate({ films: 8, qualified: 6, notQualified: 1, notAssessable: 1 })).toBe(0.25);
    expect(rejectRate({ films: 0, qualified: 0, notQualified: 0, notAssessable: 0 })).toBeNull();
  });
});
