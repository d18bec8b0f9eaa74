import { Inject, Injectable } from '@nestjs/common';
import { renderKeys } from '@spineqc/contracts';
import type { Database, ExamDetail } from '@spineqc/database';
import {
  decodeMaskSet,
  renderReviewImage,
  renderReviewOverlay,
  renderReviewPixels,
  resizeMaskSet,
  type DecodePool,
} from '@spineqc/imaging';
import { structuresToHighlight, type CriterionId } from '@spineqc/qc-standard';
import type { ObjectStorage } from '@spineqc/storage';
import { ApiError } from '../errors/api-error.js';
import { DATABASE, DECODE_POOL, STORAGE } from '../tokens.js';

/** Enough for a tablet or a review screen; small to store. */
export const RENDER_MAX_HEIGHT = 1024;

export type RenderKind = 'image' | 'overlay';

/**
 * Draws an exam's display PNGs on first request and caches them in storage. Drawing on demand
 * keeps the ~0.2 s of PNG work per film off the inference workers: most films are never opened.
 */
@Injectable()
export class RenderService {
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(STORAGE) private readonly storage: ObjectStorage,
    @Inject(DECODE_POOL) private readonly pool: DecodePool,
  ) {}

  async render(examId: string, kind: RenderKind): Promise<Uint8Array> {
    const exam = await this.db.exams.getExam(examId);
    if (!exam) throw new ApiError('NOT_FOUND', `no exam ${examId}`);
    const key = renderKeys(exam.id)[kind];
    if (await this.storage.exists(key)) return this.storage.get(key);
    // Two viewers opening the same exam share one drawing.
    const pending =
      this.inFlight.get(key) ?? this.draw(exam, kind, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, pending);
    return pending;
  }

  /**
   * The film's grey values for windowing in the review viewer. Not cached: a review opens it once, and the
   * 16-bit PNG is several times the size of the display renders.
   */
  async pixels(examId: string): Promise<{ png: Uint8Array; window: { centre: number; width: number } }> {
    const exam = await this.db.exams.getExam(examId);
    if (!exam) throw new ApiError('NOT_FOUND', `no exam ${examId}`);
    const film = await this.pool.decode(await this.original(exam));
    return renderReviewPixels(film, RENDER_MAX_HEIGHT);
  }

  /** The stored original; an exam whose image was deleted (retention) keeps its verdict but has nothing to draw. */
  private async original(exam: ExamDetail): Promise<Uint8Array> {
    if (!exam.image || !(await this.storage.exists(exam.image.storageKey))) {
      throw new ApiError('NOT_FOUND', `the image of exam ${exam.id} is not stored (any more)`);
    }
    return this.storage.get(exam.image.storageKey);
  }

  private async draw(exam: ExamDetail, kind: RenderKind, key: string): Promise<Uint8Array> {
    const masksKey = renderKeys(exam.id).masks;
    const hasMasks = kind === 'overlay' && (await this.storage.exists(masksKey));
    // A judged film can lack a segmentation (not assessable: nothing lumbar was found); its overlay is then
    // the film alone. Only a film still waiting for its verdict has nothing to show yet.
    if (kind === 'overlay' && !hasMasks && exam.status !== 'judged') {
      throw new ApiError(
        'NOT_READY',
        exam.status === 'failed'
          ? `exam ${exam.id} could not be judged: there is no segmentation to draw`
          : `exam ${exam.id} is not judged yet`,
      );
    }
    const film = await this.pool.decode(await this.original(exam));
    let png: Uint8Array;
    if (kind === 'image') {
      png = renderReviewImage(film, RENDER_MAX_HEIGHT);
    } else {
      const masks = hasMasks ? decodeMaskSet(await this.storage.get(masksKey)) : null;
      const failed = (exam.verdict?.criteria ?? []).filter((c) => c.passed === false).map((c) => c.id);
      png = renderReviewOverlay(
        film,
        (width, height) => (masks ? resizeMaskSet(masks, width, height) : null),
        structuresToHighlight(failed as CriterionId[]),
        RENDER_MAX_HEIGHT,
      );
    }
    await this.storage.put(key, png);
    return png;
  }
}
