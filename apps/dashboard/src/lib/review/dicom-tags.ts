import type { DicomReviewTags, DicomTagsJson } from '@spineqc/contracts';
import { formatNumber } from './criterion-format';
import { formatPersonName } from './review-format';

export interface TagRow {
  /** DICOM keyword(s) the row comes from, for a tooltip and a stable key. */
  keyword: string;
  label: string;
  value: string;
  /** Set when the value needs the reader's attention, with why. */
  flag?: string;
}

/** Beyond ±3 the exposure is far from the target (IEC 62494-1 DI; AAPM TG-116 action level). */
export const DI_ACTION_LIMIT = 3;

export function deviationIndex(
  tags: Pick<DicomReviewTags, 'DeviationIndex' | 'ExposureIndex' | 'TargetExposureIndex'>,
): {
  value: number;
  computed: boolean;
} | null {
  if (tags.DeviationIndex !== null) return { value: tags.DeviationIndex, computed: false };
  const ei = tags.ExposureIndex;
  const target = tags.TargetExposureIndex;
  if (ei !== null && target !== null && ei > 0 && target > 0) {
    return { value: 10 * Math.log10(ei / target), computed: true };
  }
  return null;
}

export function deviationFlag(di: number): string | undefined {
  if (di > DI_ACTION_LIMIT) return `above +${DI_ACTION_LIMIT}: overexposed, investigate the dose`;
  if (di < -DI_ACTION_LIMIT) return `below −${DI_ACTION_LIMIT}: underexposed, check noise`;
  return undefined;
}

const TRANSFER_SYNTAXES: Record<string, string> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

export function transferSyntaxName(uid: string): string {
  const name = TRANSFER_SYNTAXES[uid];
  return name ? `${name} (${uid})` : uid;
}

const NONE = '—';
const text = (value: string | null) => (value === null || value.trim() === '' ? NONE : value);
const number = (value: number | null, unit = '') =>
  value === null ? NONE : unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
const spacing = (value: [number, number] | null) =>
  value === null ? NONE : `${formatNumber(value[0])} × ${formatNumber(value[1])} mm`;

function milliampSeconds(tags: DicomReviewTags): string {
  if (tags.Exposure !== null) return number(tags.Exposure, 'mAs');
  if (tags.ExposureInuAs !== null) return number(tags.ExposureInuAs / 1000, 'mAs');
  return NONE;
}

function detector(tags: DicomReviewTags): string {
  const name = [tags.Manufacturer, tags.ManufacturerModelName]
    .filter((part) => part && part.trim())
    .join(' ');
  const pitch = tags.ImagerPixelSpacing ? `${spacing(tags.ImagerPixelSpacing)} pitch` : '';
  return [name, pitch].filter(Boolean).join(', ') || NONE;
}

/**
 * The acquisition attributes a reviewer reads, in reading order. The API sends no patient identity, and
 * nothing here asks for it.
 */
export function tagRows(json: DicomTagsJson): TagRow[] {
  if (json.format !== 'dicom') {
    return [
      { keyword: 'Format', label: 'File', value: `${json.format.toUpperCase()}: no DICOM attributes` },
      { keyword: 'Rows,Columns', label: 'Size', value: `${json.tags.Columns} × ${json.tags.Rows} px` },
    ];
  }
  const t = json.tags;
  const di = deviationIndex(t);
  return [
    { keyword: 'ViewPosition', label: 'View position', value: text(t.ViewPosition) },
    { keyword: 'BodyPartExamined', label: 'Body part', value: text(t.BodyPartExamined) },
    { keyword: 'StationName', label: 'Station', value: text(t.StationName) },
    {
      keyword: 'OperatorsName',
      label: 'Operator',
      value: t.OperatorsName ? formatPersonName(t.OperatorsName) : NONE,
    },
    { keyword: 'ExposureIndex', label: 'Exposure index (EI)', value: number(t.ExposureIndex) },
    { keyword: 'TargetExposureIndex', label: 'Target EI', value: number(t.TargetExposureIndex) },
    {
      keyword: 'DeviationIndex',
      label: 'Deviation index (DI)',
      value: di
        ? `${di.value > 0 ? '+' : ''}${formatNumber(Number(di.value.toFixed(2)))}${di.computed ? ' (from EI / target EI)' : ''}`
        : NONE,
      flag: di ? deviationFlag(di.value) : undefined,
    },
    { keyword: 'KVP', label: 'Tube voltage', value: number(t.KVP, 'kVp') },
    { keyword: 'Exposure', label: 'Exposure', value: milliampSeconds(t) },
    {
      keyword: 'Manufacturer,ManufacturerModelName,ImagerPixelSpacing',
      label: 'Detector',
      value: detector(t),
    },
    { keyword: 'PixelSpacing', label: 'Pixel spacing', value: spacing(t.PixelSpacing) },
    {
      keyword: 'Rows,Columns,BitsStored,PhotometricInterpretation',
      label: 'Image',
      value: [
        `${t.Columns} × ${t.Rows} px`,
        t.BitsStored !== null ? `${t.BitsStored}-bit` : '',
        t.PhotometricInterpretation ?? '',
      ]
        .filter(Boolean)
        .join(', '),
    },
    {
      keyword: 'TransferSyntaxUID',
      label: 'Transfer syntax',
      value: transferSyntaxName(t.TransferSyntaxUID),
    },
  ];
}
