import type { DicomReviewTags } from '@spineqc/contracts';
import type { DicomHeader } from '@spineqc/imaging';

/**
 * The attributes a reviewer checks beside the verdict, by DICOM keyword. Built field by field from a header that holds
 * no patient name or birth date, so no patient identity can reach the response; PatientID is deliberately left out.
 */
export function dicomReviewTags(header: DicomHeader): DicomReviewTags {
  const a = header.acquisition;
  return {
    ViewPosition: header.viewPosition || null,
    BodyPartExamined: header.bodyPartExamined || null,
    StationName: header.stationName || null,
    OperatorsName: header.operatorsName || null,
    Manufacturer: a.manufacturer,
    ManufacturerModelName: a.manufacturerModelName,
    KVP: a.kvp,
    Exposure: a.exposureMas,
    ExposureInuAs: a.exposureInuAs,
    ExposureIndex: a.exposureIndex,
    TargetExposureIndex: a.targetExposureIndex,
    DeviationIndex: a.deviationIndex,
    PixelSpacing: a.pixelSpacing,
    ImagerPixelSpacing: a.imagerPixelSpacing,
    Rows: header.rows,
    Columns: header.columns,
    PhotometricInterpretation: header.photometricInterpretation || null,
    BitsStored: header.bitsStored || null,
    TransferSyntaxUID: header.transferSyntaxUid,
    SOPClassUID: header.sopClassUid,
    AcquisitionDateTime: a.acquisitionDateTime,
    ContentDate: a.contentDate,
    ContentTime: a.contentTime,
  };
}
