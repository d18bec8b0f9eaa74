import { assessRadiograph, type Assessment } from '@spineqc/assessment';
import { renderKeys, type ImageReceived, type JudgedVerdict } from '@spineqc/contracts';
import { encodeMaskSet, type Radiograph } from '@spineqc/imaging';
import type { Segmenter } from '@spineqc/segmentation';
import type { ObjectStorage } from '@spineqc/storage';

export interface JudgeDependencies {
  storage: ObjectStorage;
  segmenter: Segmenter;
  decode(bytes: Uint8Array): Promise<Radiograph>;
  workerName: string;
}

export interface Judgement {
  verdict: JudgedVerdict;
  /** Keeps the segmentation (a few kB) so the API can draw the overlay when someone asks for it. */
  storeMasks(): Promise<void>;
}

/** Reads the stored original and judges it; the segmentation is stored separately (see Judgement). */
export async function judgeImage(
  message: ImageReceived,
  attempt: number,
  deps: JudgeDependencies,
): Promise<Judgement> {
  const bytes = await deps.storage.get(message.storageKey);
  const t0 = performance.now();
  const radiograph = await deps.decode(bytes);
  const decodeMs = performance.now() - t0;
  const assessment = await assessRadiograph(
    radiograph,
    deps.segmenter,
    {
      ...(message.requestedView && { view: message.requestedView }),
      ...(message.pixelSpacingMm && { pixelSpacingMm: message.pixelSpacingMm }),
    },
    decodeMs,
  );
  const keys = renderKeys(message.examId);
  return {
    verdict: toVerdict(message, assessment, attempt, deps.workerName),
    async storeMasks() {
      if (assessment.segmentation)
        await deps.storage.put(keys.masks, encodeMaskSet(assessment.segmentation.masks));
    },
  };
}

function toVerdict(message: ImageReceived, a: Assessment, attempts: number, worker: string): JudgedVerdict {
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    status: 'judged',
    examId: message.examId,
    sopInstanceUid: message.sopInstanceUid,
    station: message.station,
    operator: message.operator,
    receivedAt: message.receivedAt,
    judgedAt: new Date().toISOString(),
    worker,
    attempts,
    view: a.verdict.view,
    viewSource: a.view.source,
    qualified: a.verdict.qualified,
    notAssessable: a.verdict.notAssessable,
    reason: a.verdict.reason ?? null,
    confidence: Math.min(1, Math.max(0, round(a.confidence))),
    criteria: a.verdict.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      passed: c.passed,
      value: c.value,
      range: [finiteOrNull(c.range[0]), finiteOrNull(c.range[1])],
      unit: c.unit,
      message: c.message,
      ...(c.correction && { correction: c.correction }),
    })),
    vertebrae: a.vertebrae.map((v) => ({
      level: v.level as JudgedVerdict['vertebrae'][number]['level'],
      bbox: v.bbox,
      counted: v.counted,
    })),
    pixelSpacingMm: [a.pixelSpacing.mm[0], a.pixelSpacing.mm[1]],
    pixelSpacingSource: a.pixelSpacing.source,
    modelVersion: a.modelVersion,
    rulesVersion: a.verdict.rulesVersion,
    timingsMs: Object.fromEntries(Object.entries(a.timingsMs).map(([k, v]) => [k, round(v)])),
  };
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
