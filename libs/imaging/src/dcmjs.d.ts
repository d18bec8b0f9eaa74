// The slice of dcmjs 0.51 that this package uses; dcmjs ships no type declarations.
declare module 'dcmjs' {
  /** DICOM JSON model keyed by 8-hex-digit tag, as dcmjs reads and writes it. */
  export type DicomJsonDataset = Record<string, { vr: string; Value?: unknown[] }>;
  /** dcmjs "naturalized" dataset: keyword → value (arrays for multi-valued elements). */
  export type NaturalDataset = Record<string, unknown>;

  export interface DicomDict {
    meta: DicomJsonDataset;
    dict: DicomJsonDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  interface DicomMessageStatic {
    readFile(
      buffer: ArrayBuffer,
      options?: {
        ignoreErrors?: boolean;
        untilTag?: string | null;
        noCopy?: boolean;
        forceStoreRaw?: boolean;
      },
    ): DicomDict;
  }

  interface DicomMetaDictionaryStatic {
    naturalizeDataset(dataset: DicomJsonDataset): NaturalDataset;
    denaturalizeDataset(dataset: NaturalDataset): DicomJsonDataset;
  }

  /** loglevel logger. */
  interface Logger {
    getLevel(): number;
    setLevel(
      level: number | 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent',
      persist?: boolean,
    ): void;
    getLogger(name: string): Logger;
  }

  const dcmjs: {
    log: Logger;
    data: {
      DicomDict: new (meta: DicomJsonDataset) => DicomDict;
      DicomMessage: DicomMessageStatic;
      DicomMetaDictionary: DicomMetaDictionaryStatic;
    };
  };
  export default dcmjs;
}
