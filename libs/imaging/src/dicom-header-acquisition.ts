import type { Dataset } from './dicom-dataset.js';
import { num, numbers, str } from './dicom-values.js';

/**
 * How the film was acquired, as a reviewer checks it next to the verdict: device, technique and exposure indices,
 * both spacings, and when. null when the file has no value. No patient identity is read here.
 */
export interface DicomAcquisition {
  manufacturer: string | null;
  manufacturerModelName: string | null;
  /** Peak kilovoltage (0018,0060). */
  kvp: number | null;
  /** Exposure (0018,1152) in whole mAs. */
  exposureMas: number | null;
  /** Exposure in µAs (0018,1153), which keeps the fraction. */
  exposureInuAs: number | null;
  exposureIndex: number | null;
  targetExposureIndex: number | null;
  deviationIndex: number | null;
  /** PixelSpacing (0028,0030) [row, column] mm, as stored. */
  pixelSpacing: [number, number] | null;
  /** ImagerPixelSpacing (0018,1164) [row, column] mm, as stored. */
  imagerPixelSpacing: [number, number] | null;
  /** DICOM DT / DA / TM strings as stored. */
  acquisitionDateTime: string | null;
  contentDate: string | null;
  contentTime: string | null;
}

export function acquisitionOf(ds: Dataset): DicomAcquisition {
  return {
    manufacturer: text(ds.Manufacturer),
    manufacturerModelName: text(ds.ManufacturerModelName),
    kvp: num(ds.KVP) ?? null,
    exposureMas: num(ds.Exposure) ?? null,
    exposureInuAs: num(ds.ExposureInuAs) ?? null,
    exposureIndex: num(ds.ExposureIndex) ?? null,
    targetExposureIndex: num(ds.TargetExposureIndex) ?? null,
    deviationIndex: num(ds.DeviationIndex) ?? null,
    pixelSpacing: pair(ds.PixelSpacing),
    imagerPixelSpacing: pair(ds.ImagerPixelSpacing),
    acquisitionDateTime: text(ds.AcquisitionDateTime),
    contentDate: text(ds.ContentDate),
    contentTime: text(ds.ContentTime),
  };
}

function text(value: unknown): string | null {
  return str(value) || null;
}

function pair(value: unknown): [number, number] | null {
  const [row, column] = numbers(value);
  return row !== undefined && column !== undefined && Number.isFinite(row) && Number.isFinite(column)
    ? [row, column]
    : null;
}
