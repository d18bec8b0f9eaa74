// The alert shapes as the API sends them: the read models of @spineqc/contracts as JSON (dates as ISO strings).
import type {
  AlertPage,
  AlertRecord,
  AlertSubjectKind as ContractAlertSubjectKind,
  Jsonified,
} from '@spineqc/contracts';

/** Restated as a value so the page bundle stays free of the contracts' zod schemas (a spec checks they agree). */
export const ALERT_SUBJECT_KINDS = [
  'station',
  'technologist',
] as const satisfies readonly ContractAlertSubjectKind[];
export type AlertSubjectKind = ContractAlertSubjectKind;

export type AlertDto = Jsonified<AlertRecord>;
export type AlertPageDto = Jsonified<AlertPage>;
