import { describe, expect, it } from 'vitest';
import {
  decideAssociation,
  decidePresentationContext,
  VERIFICATION_SOP_CLASS,
} from './association-policy.js';
import { STORAGE_TRANSFER_SYNTAXES, TS } from './transfer-syntaxes.js';

const DX_PRESENTATION = '1.2.840.10008.5.1.4.1.1.1.1';
const DX_PROCESSING = '1.2.840.10008.5.1.4.1.1.1.1.1';
const CR = '1.2.840.10008.5.1.4.1.1.1';
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const MULTIFRAME_WORD_SC = '1.2.840.10008.5.1.4.1.1.7.3';
const CT = '1.2.840.10008.5.1.4.1.1.2';
const EXPLICIT_BIG_ENDIAN = '1.2.840.10008.1.2.2';

describe('decideAssociation', () => {
  const policy = { aeTitle: 'SPINEQC', allowedCallingAeTitles: [] };

  it('accepts any caller addressing our AE title, padding aside', () => {
    expect(decideAssociation({ calledAeTitle: 'SPINEQC ', callingAeTitle: 'DR1' }, policy)).toEqual({
      accept: true,
    });
  });

  it('rejects another called AE title (AE titles are case-sensitive)', () => {
    expect(decideAssociation({ calledAeTitle: 'spineqc', callingAeTitle: 'DR1' }, policy)).toEqual({
      accept: false,
      reason: 'called-ae-not-recognized',
    });
  });

  it('with an allowlist, accepts only listed callers', () => {
    const guarded = { ...policy, allowedCallingAeTitles: ['DR1', 'DR2 '] };
    expect(decideAssociation({ calledAeTitle: 'SPINEQC', callingAeTitle: 'DR2' }, guarded).accept).toBe(true);
    expect(decideAssociation({ calledAeTitle: 'SPINEQC', callingAeTitle: 'PACS' }, guarded)).toEqual({
      accept: false,
      reason: 'calling-ae-not-recognized',
    });
  });

  it('checks the called AE title before the caller', () => {
    const guarded = { ...policy, allowedCallingAeTitles: ['DR1'] };
    expect(decideAssociation({ calledAeTitle: 'OTHER', callingAeTitle: 'PACS' }, guarded)).toMatchObject({
      reason: 'called-ae-not-recognized',
    });
  });
});

describe('decidePresentationContext', () => {
  it.each([DX_PRESENTATION, DX_PROCESSING, CR, SECONDARY_CAPTURE, MULTIFRAME_WORD_SC])(
    'accepts storage of %s',
    (sopClass) => {
      expect(decidePresentationContext(sopClass, [TS.implicitLittleEndian])).toEqual({
        accept: true,
        transferSyntaxUid: TS.implicitLittleEndian,
      });
    },
  );

  it('prefers explicit little endian whatever the proposal order', () => {
    const proposal = [TS.jpegLsLossless, TS.implicitLittleEndian, TS.explicitLittleEndian];
    expect(decidePresentationContext(DX_PRESENTATION, proposal)).toEqual({
      accept: true,
      transferSyntaxUid: TS.explicitLittleEndian,
    });
  });

  it('prefers lossless to lossy compression when nothing uncompressed is offered', () => {
    const proposal = [TS.jpegBaseline, TS.jpeg2000, TS.jpeg2000Lossless];
    expect(decidePresentationContext(CR, proposal)).toMatchObject({ transferSyntaxUid: TS.jpeg2000Lossless });
  });

  it.each(STORAGE_TRANSFER_SYNTAXES)('accepts storage in %s alone', (syntax) => {
    expect(decidePresentationContext(DX_PRESENTATION, [syntax])).toEqual({
      accept: true,
      transferSyntaxUid: syntax,
    });
  });

  it('refuses transfer syntaxes it cannot take', () => {
    expect(
      decidePresentationContext(DX_PRESENTATION, [EXPLICIT_BIG_ENDIAN, '1.2.840.10008.1.2.4.100']),
    ).toEqual({
      accept: false,
      reason: 'transfer-syntaxes-not-supported',
    });
  });

  it('refuses SOP classes it does not judge', () => {
    for (const sopClass of [CT, 'toString', '']) {
      expect(decidePresentationContext(sopClass, [TS.explicitLittleEndian])).toEqual({
        accept: false,
        reason: 'abstract-syntax-not-supported',
      });
    }
  });

  it('accepts Verification in the uncompressed syntaxes only', () => {
    expect(decidePresentationContext(VERIFICATION_SOP_CLASS, [TS.implicitLittleEndian])).toMatchObject({
      transferSyntaxUid: TS.implicitLittleEndian,
    });
    expect(decidePresentationContext(VERIFICATION_SOP_CLASS, [TS.jpegLsLossless])).toMatchObject({
      accept: false,
      reason: 'transfer-syntaxes-not-supported',
    });
  });
});
