// The live state of one DR room as its tablet shows it: built from Socket.IO events and REST catch-ups,
// which may arrive in any order and overlap. Pure, so every ordering can be tested without a socket.
import type { CriterionOutcome, Jsonified, LiveReceived, LiveVerdict } from '@spineqc/contracts';
import type { ExamDetailDto, ExamSummaryDto } from '@/lib/api-client';

/** How many exams a room keeps (the strip shows fewer). */
export const ROOM_EXAM_LIMIT = 20;

/** A criterion as JSON carries it (the REST detail's range is a plain array, the live event's a pair). */
export type CriterionDto = Jsonified<CriterionOutcome>;

export type RoomExamStatus = 'received' | 'judged' | 'failed';

export interface RoomExam {
  examId: string;
  station: string;
  status: RoomExamStatus;
  /** null until judged, and for images that were not assessable. */
  qualified: boolean | null;
  notAssessable: boolean;
  /** Why it is not assessable or failed; null when unknown or not needed. */
  reason: string | null;
  view: string | null;
  /** The technologist (DICOM OperatorsName); '' when the device named none. */
  operator: string;
  receivedAt: string;
  judgedAt: string | null;
  /** Ids of the failed criteria (known from a summary even before the criteria themselves). */
  failedCriteria: string[];
  /** null while not known: a summary carries no criteria, only a verdict event or the exam detail does. */
  criteria: CriterionDto[] | null;
  modelVersion: string | null;
  rulesVersion: string | null;
}

export interface RoomState {
  /** Newest first (by receivedAt), at most ROOM_EXAM_LIMIT, one per examId. */
  exams: RoomExam[];
  /** The newest exam; null for a room that has sent nothing yet. */
  current: RoomExam | null;
  /** Exams the latest catch-up brought that live events had not shown (0 on the first catch-up). */
  missedOnReconnect: number;
  /** How many catch-ups were applied; a notice about missed exams belongs to one of them. */
  snapshots: number;
}

export type RoomAction =
  | { type: 'received'; event: LiveReceived }
  | { type: 'verdict'; event: LiveVerdict }
  | { type: 'snapshot'; exams: ExamSummaryDto[]; latestDetail?: ExamDetailDto }
  | { type: 'detail'; detail: ExamDetailDto };

export const roomActions = {
  received: (event: LiveReceived): RoomAction => ({ type: 'received', event }),
  verdict: (event: LiveVerdict): RoomAction => ({ type: 'verdict', event }),
  snapshot: (exams: ExamSummaryDto[], latestDetail?: ExamDetailDto): RoomAction => ({
    type: 'snapshot',
    exams,
    latestDetail,
  }),
  /** The full exam, fetched when an older exam without criteria is shown. */
  detail: (detail: ExamDetailDto): RoomAction => ({ type: 'detail', detail }),
};

export const initialRoomState: RoomState = { exams: [], current: null, missedOnReconnect: 0, snapshots: 0 };

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'received':
      return withExams(state, upsert(state.exams, fromReceived(action.event)));
    case 'verdict':
      return withExams(state, upsert(state.exams, fromVerdict(action.event)));
    case 'detail':
      return withExams(state, upsert(state.exams, fromDetail(action.detail)));
    case 'snapshot':
      return applySnapshot(state, action.exams, action.latestDetail);
  }
}

function applySnapshot(
  state: RoomState,
  summaries: ExamSummaryDto[],
  latestDetail?: ExamDetailDto,
): RoomState {
  let exams = state.exams;
  let missed = 0;
  const incoming = summaries.map(fromSummary);
  if (latestDetail) incoming.push(fromDetail(latestDetail));
  const counted = new Set<string>();
  for (const exam of incoming) {
    const known = exams.find((e) => e.examId === exam.examId);
    // A verdict the live events never delivered is missed too, not only an exam they never announced.
    const isNews = !known || (rank(exam.status) > rank(known.status) && exam.status !== 'received');
    if (isNews && !counted.has(exam.examId)) {
      counted.add(exam.examId);
      missed++;
    }
    exams = upsert(exams, exam);
  }
  // The first catch-up fills an empty tablet: nothing was missed, it is simply the history.
  const isReconnect = state.snapshots > 0;
  return {
    ...withExams(state, exams),
    missedOnReconnect: isReconnect ? missed : 0,
    snapshots: state.snapshots + 1,
  };
}

function withExams(state: RoomState, exams: RoomExam[]): RoomState {
  const kept = exams.slice(0, ROOM_EXAM_LIMIT);
  return { ...state, exams: kept, current: kept[0] ?? null };
}

/** received < judged = failed: a later stage never goes back to an earlier one. */
function rank(status: RoomExamStatus): number {
  return status === 'received' ? 0 : 1;
}

function upsert(exams: RoomExam[], incoming: RoomExam): RoomExam[] {
  const index = exams.findIndex((e) => e.examId === incoming.examId);
  const merged = index < 0 ? incoming : merge(exams[index], incoming);
  const rest = index < 0 ? exams : exams.filter((_, i) => i !== index);
  return [...rest, merged].sort(newestFirst);
}

function newestFirst(a: RoomExam, b: RoomExam): number {
  const byTime = Date.parse(b.receivedAt) - Date.parse(a.receivedAt);
  return byTime !== 0 ? byTime : b.examId.localeCompare(a.examId);
}

/** Combine two views of one exam: the later stage wins, and nothing known is forgotten. */
function merge(known: RoomExam, incoming: RoomExam): RoomExam {
  const [base, other] = rank(incoming.status) >= rank(known.status) ? [incoming, known] : [known, incoming];
  return {
    ...base,
    station: base.station || other.station,
    operator: base.operator || other.operator,
    receivedAt: base.receivedAt || other.receivedAt,
    reason: base.reason ?? other.reason,
    view: base.view ?? other.view,
    judgedAt: base.judgedAt ?? other.judgedAt,
    failedCriteria: base.failedCriteria.length > 0 ? base.failedCriteria : other.failedCriteria,
    criteria: base.criteria ?? other.criteria,
    modelVersion: base.modelVersion ?? other.modelVersion,
    rulesVersion: base.rulesVersion ?? other.rulesVersion,
  };
}

function fromReceived(event: LiveReceived): RoomExam {
  return {
    examId: event.examId,
    station: event.station,
    status: 'received',
    qualified: null,
    notAssessable: false,
    reason: null,
    view: null,
    operator: event.operator,
    receivedAt: event.receivedAt,
    judgedAt: null,
    failedCriteria: [],
    criteria: null,
    modelVersion: null,
    rulesVersion: null,
  };
}

function fromVerdict(event: LiveVerdict): RoomExam {
  return {
    examId: event.examId,
    station: event.station,
    status: event.status,
    qualified: event.qualified,
    notAssessable: event.notAssessable,
    reason: event.reason,
    view: event.view,
    operator: event.operator,
    receivedAt: event.receivedAt,
    judgedAt: event.judgedAt,
    failedCriteria: event.criteria.filter((c) => c.passed === false).map((c) => c.id),
    // A failed exam has no measurements at all: an empty list is known, not missing.
    criteria: event.criteria,
    modelVersion: event.modelVersion,
    rulesVersion: event.rulesVersion,
  };
}

function fromSummary(summary: ExamSummaryDto): RoomExam {
  return {
    examId: summary.id,
    station: summary.station,
    status: summary.status,
    qualified: summary.qualified,
    notAssessable: summary.notAssessable ?? false,
    reason: summary.failureReason,
    view: summary.view,
    operator: summary.technologist,
    receivedAt: summary.receivedAt,
    judgedAt: summary.judgedAt,
    failedCriteria: summary.failedCriteria,
    criteria: summary.status === 'failed' ? [] : null,
    modelVersion: null,
    rulesVersion: null,
  };
}

function fromDetail(detail: ExamDetailDto): RoomExam {
  const verdict = detail.verdict;
  return {
    ...fromSummary(detail),
    reason: verdict?.reason ?? detail.failureReason,
    criteria: verdict ? verdict.criteria : detail.status === 'failed' ? [] : null,
    modelVersion: verdict?.modelVersion ?? null,
    rulesVersion: verdict?.rulesVersion ?? null,
  };
}
