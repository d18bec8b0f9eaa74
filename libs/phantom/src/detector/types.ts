/** Technique and site settings of one exposure. */
export interface ExposureParams {
  /** Tube voltage, 60–100 (lumbar AP ~80, lateral ~90). */
  kvp: number;
  /** Tube current-time product. */
  mAs: number;
  /** Source-to-image distance, 1000–1150 mm (inverse square law). */
  sidMm: number;
  /** Detector pixel pitch of this image (square pixels). */
  pixelSpacingMm: number;
  /** 0 = no grid; 8–12 typical (cuts scatter ~6–8×, attenuates primary ~25 %). */
  gridRatio: number;
  /** EI_T of the site, e.g. 300 (IEC 62494-1, EI = 100 × K in µGy). */
  targetExposureIndex: number;
  /** 0–1 strength of the trabecular texture. */
  textureScale: number;
}

/** A processed DR image as the modality sends it. */
export interface DetectorImage {
  width: number;
  height: number;
  /** Processed, MONOCHROME2 (bone bright), BitsStored 12 (0–4095), row-major. */
  pixels: Uint16Array;
  exposureIndex: number;
  targetExposureIndex: number;
  /** DI = 10·log10(EI / EI_T). */
  deviationIndex: number;
  /** Mean noise-free detector air kerma over the field (µGy). */
  meanDetectorKermaUgy: number;
}
