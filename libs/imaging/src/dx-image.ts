export type DxViewPosition = 'AP' | 'PA' | 'LL' | 'RL' | 'LPO' | 'RPO' | 'LAO' | 'RAO' | '';

/** A radiograph and its acquisition context, written as a DX "For Presentation" object. */
export interface DxImage {
  width: number;
  height: number;
  /** MONOCHROME2 stored values (bone bright), each below 2^bitsStored. */
  pixels: Uint16Array;
  bitsStored: number;
  /** ImagerPixelSpacing (0018,1164) [row, col] in mm at the detector. */
  pixelSpacingMm: [number, number];
  viewPosition: DxViewPosition;
  /** BodyPartExamined (0018,0015), e.g. 'LSPINE'. */
  bodyPartExamined: string;
  operatorsName: string;
  stationName: string;
  institutionName?: string;
  patientId: string;
  patientName: string;
  patientSex?: 'F' | 'M' | 'O';
  /** DA, YYYYMMDD. */
  patientBirthDate?: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  accessionNumber?: string;
  /** DA, YYYYMMDD. */
  studyDate: string;
  /** TM, HHMMSS[.FFFFFF]. */
  studyTime: string;
  kvp?: number;
  exposureMas?: number;
  distanceSourceToDetectorMm?: number;
  /** IEC 62494-1 exposure index (0018,1411), target (0018,1412), deviation (0018,1413). */
  exposureIndex?: number;
  targetExposureIndex?: number;
  deviationIndex?: number;
  /** Default: a robust window of the pixel values. */
  windowCenter?: number;
  windowWidth?: number;
  manufacturer?: string;
  modelName?: string;
  seriesDescription?: string;
  imageComments?: string;
  /** Patient Orientation [row, column direction]; default from the view (see PATIENT_ORIENTATION). */
  patientOrientation?: [string, string];
}

/**
 * Patient Orientation (0020,0020) [row direction, column direction] of the image as radiographs are
 * hung: AP/PA as if facing the patient, laterals as seen from the side nearer the detector,
 * obliques between the two. DX For Presentation requires a value, so an unknown view ('') is
 * assumed to be hung like a frontal film.
 */
export const PATIENT_ORIENTATION: Record<DxViewPosition, [string, string]> = {
  AP: ['L', 'F'],
  PA: ['L', 'F'],
  LL: ['P', 'F'],
  RL: ['A', 'F'],
  LPO: ['LA', 'F'],
  RPO: ['LP', 'F'],
  LAO: ['LP', 'F'],
  RAO: ['LA', 'F'],
  '': ['L', 'F'],
};

export type CodedConcept = { CodeValue: string; CodingSchemeDesignator: 'SCT'; CodeMeaning: string };

/** View Code Sequence codes (CID 4010 "DX View"). */
export const VIEW_CODES: Record<Exclude<DxViewPosition, ''>, CodedConcept> = {
  AP: { CodeValue: '399348003', CodingSchemeDesignator: 'SCT', CodeMeaning: 'antero-posterior' },
  PA: { CodeValue: '272479007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'postero-anterior' },
  LL: { CodeValue: '399173006', CodingSchemeDesignator: 'SCT', CodeMeaning: 'left lateral' },
  RL: { CodeValue: '399198007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'right lateral' },
  LPO: { CodeValue: '399006002', CodingSchemeDesignator: 'SCT', CodeMeaning: 'left posterior oblique' },
  RPO: { CodeValue: '399038007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'right posterior oblique' },
  LAO: { CodeValue: '399135007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'left anterior oblique' },
  RAO: { CodeValue: '399356000', CodingSchemeDesignator: 'SCT', CodeMeaning: 'right anterior oblique' },
};

/** Anatomic Region Sequence codes (CID 4009) for body parts the product images. */
export const ANATOMIC_REGIONS: Record<string, CodedConcept> = {
  LSPINE: { CodeValue: '122496007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Lumbar spine' },
};
