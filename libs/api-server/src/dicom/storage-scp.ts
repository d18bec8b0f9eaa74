import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import dcmjsDimse from 'dcmjs-dimse';
import type { association, requests, responses } from 'dcmjs-dimse';
import type { Ingestor } from '../ingest/ingest.types.js';
import {
  decideAssociation,
  decidePresentationContext,
  type AssociationPolicy,
} from './association-policy.js';
import { C_STORE_STATUS, cStoreFailureFor, errorComment, type CStoreFailure } from './c-store-status.js';
import { DatasetSink } from './dataset-sink.js';
import type { ScpLogger } from './scp-logger.js';

const { Scp, Dataset } = dcmjsDimse;
const { CEchoResponse, CStoreResponse } = dcmjsDimse.responses;
const { Status, PresentationContextResult, RejectResult, RejectSource, RejectReason } = dcmjsDimse.constants;

/** What every association of one SCP shares. */
export interface StorageScpContext {
  policy: AssociationPolicy;
  /** Largest PDU this SCP accepts, announced in the A-ASSOCIATE-AC. */
  maxPduLength: number;
  maxImageBytes: number;
  ingestor: Ingestor;
  logger: ScpLogger;
  /** Registers a store in progress so shutdown can let it answer its sender. */
  track(work: Promise<void>): void;
  /** True once shutdown began: new stores are refused with "out of resources" (retry later). */
  closing(): boolean;
  onRefused?: (refusal: ScpRefusal) => void | Promise<void>;
}

/** A C-STORE the SCP refused itself, before ingest (too large, wrong presentation context, shutting down). */
export interface ScpRefusal {
  code: string;
  reason: string;
  /** From the C-STORE request (the data set itself was not parsed). */
  sopInstanceUid: string;
  sopClassUid: string;
  callingAeTitle: string;
  remoteAddress: string | undefined;
  /** Bytes of the data set received (all of it was read, none of it kept). */
  receivedBytes: number;
}

interface PendingStore {
  sink: DatasetSink;
  presentationContext: association.PresentationContext;
}

/** dcmjs-dimse announced a data set but handed none over: a fault of ours, not the sender's. */
const NO_DATA_SET: CStoreFailure = {
  status: C_STORE_STATUS.processingFailure,
  code: 'INTERNAL',
  comment: 'no data set received',
};

type StoreOutcome =
  { ok: true; sopInstanceUid: string; duplicate: boolean; examId: string } | ({ ok: false } & CStoreFailure);

/**
 * One association with a DR device or PACS. Data sets are received as raw bytes (never parsed or
 * re-encoded here), handed to ingest, and answered only once ingest has stored and recorded them.
 */
export class StorageScp extends Scp {
  readonly #socket: Socket;
  readonly #context: StorageScpContext;
  readonly #pending = new WeakMap<requests.CStoreRequest, PendingStore>();
  #callingAeTitle = '';

  constructor(socket: Socket, context: StorageScpContext) {
    super(socket);
    this.#socket = socket;
    this.#context = context;
  }

  override associationRequested(request: association.Association): void {
    try {
      this.#callingAeTitle = request.getCallingAeTitle();
      const decision = decideAssociation(
        { calledAeTitle: request.getCalledAeTitle(), callingAeTitle: this.#callingAeTitle },
        this.#context.policy,
      );
      if (!decision.accept) {
        this.#context.logger.warn('DICOM association rejected', {
          reason: decision.reason,
          calledAeTitle: request.getCalledAeTitle(),
          callingAeTitle: this.#callingAeTitle,
          remoteAddress: this.#socket.remoteAddress,
        });
        this.sendAssociationReject(
          RejectResult.Permanent,
          RejectSource.ServiceUser,
          decision.reason === 'called-ae-not-recognized'
            ? RejectReason.CalledAeNotRecognized
            : RejectReason.CallingAeNotRecognized,
        );
        return;
      }
      const accepted: string[] = [];
      for (const { context } of request.getPresentationContexts()) {
        const choice = decidePresentationContext(
          context.getAbstractSyntaxUid(),
          context.getTransferSyntaxUids(),
        );
        if (choice.accept) {
          context.setResult(PresentationContextResult.Accept, choice.transferSyntaxUid);
          accepted.push(`${context.getAbstractSyntaxUid()}@${choice.transferSyntaxUid}`);
        } else {
          context.setResult(
            choice.reason === 'abstract-syntax-not-supported'
              ? PresentationContextResult.RejectAbstractSyntaxNotSupported
              : PresentationContextResult.RejectTransferSyntaxesNotSupported,
          );
        }
      }
      // dcmjs-dimse announces this (capped at 256 KiB) as the largest PDU we receive; it would also
      // fragment what we send by it, but our responses are a few hundred bytes.
      request.setMaxPduLength(this.#context.maxPduLength);
      this.sendAssociationAccept();
      this.#context.logger.info('DICOM association accepted', {
        callingAeTitle: this.#callingAeTitle,
        remoteAddress: this.#socket.remoteAddress,
        presentationContexts: accepted,
      });
    } catch (error) {
      this.#fail('DICOM association request could not be handled', error);
    }
  }

  override associationReleaseRequested(): void {
    try {
      this.sendAssociationReleaseResponse();
    } catch (error) {
      this.#fail('DICOM association release failed', error);
    }
  }

  override cEchoRequest(
    request: requests.CEchoRequest,
    callback: (response: responses.CEchoResponse) => void,
  ) {
    try {
      const response = CEchoResponse.fromRequest(request);
      response.setStatus(Status.Success);
      callback(response);
    } catch (error) {
      this.#fail('C-ECHO failed', error);
    }
  }

  override createStoreWritableStream(
    presentationContext: association.PresentationContext,
    request: requests.CStoreRequest,
  ): Writable {
    const sink = new DatasetSink(this.#context.maxImageBytes);
    this.#pending.set(request, { sink, presentationContext });
    return sink;
  }

  override createDatasetFromStoreWritableStream(
    _writable: Writable,
    presentationContext: association.PresentationContext,
    callback: (dataset: InstanceType<typeof Dataset>) => void,
  ): void {
    // The bytes stay in the sink; dcmjs-dimse only needs a (cheap, empty) placeholder to go on.
    callback(new Dataset({}, presentationContext.getAcceptedTransferSyntaxUid()));
  }

  override cStoreRequest(
    request: requests.CStoreRequest,
    callback: (response: responses.CStoreResponse) => void,
  ): void {
    const work = this.#store(request)
      .then((outcome) => this.#respond(request, outcome, callback))
      .catch((error: unknown) => this.#fail('C-STORE could not be handled', error));
    this.#context.track(work);
  }

  /** A peer's A-ABORT ends the association; dcmjs-dimse would otherwise leave the socket open. */
  override abort(source: number, reason: number): void {
    this.#context.logger.warn('DICOM association aborted by peer', {
      callingAeTitle: this.#callingAeTitle,
      source,
      reason,
    });
    this.#socket.destroy();
  }

  async #store(request: requests.CStoreRequest): Promise<StoreOutcome> {
    const pending = this.#pending.get(request);
    this.#pending.delete(request);
    if (!pending) return this.#refuse(request, NO_DATA_SET, 0);
    const refusal = this.#refusal(request, pending);
    if (refusal) return this.#refuse(request, refusal, pending.sink.receivedBytes);
    const { sink, presentationContext } = pending;
    try {
      const result = await this.#context.ingestor.ingest({
        bytes: sink.bytes(),
        source: 'c-store',
        transferSyntaxUid: presentationContext.getAcceptedTransferSyntaxUid(),
        callingAeTitle: this.#callingAeTitle,
        remoteAddress: this.#socket.remoteAddress,
      });
      return {
        ok: true,
        sopInstanceUid: result.sopInstanceUid,
        duplicate: result.duplicate,
        examId: result.examId,
      };
    } catch (error) {
      const failure = cStoreFailureFor(error);
      if (failure.code === 'INTERNAL') {
        this.#context.logger.error('C-STORE ingest failed unexpectedly', {
          sopInstanceUid: request.getAffectedSopInstanceUid(),
          callingAeTitle: this.#callingAeTitle,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return { ok: false, ...failure };
    }
  }

  /** Refusals decided here, before ingest: wrong context, over the size limit, shutting down. */
  #refusal(request: requests.CStoreRequest, pending: PendingStore): CStoreFailure | undefined {
    const { sink, presentationContext } = pending;
    const sopClassUid = request.getAffectedSopClassUid();
    if (
      presentationContext.getResult() !== PresentationContextResult.Accept ||
      presentationContext.getAbstractSyntaxUid() !== sopClassUid
    ) {
      return {
        status: C_STORE_STATUS.sopClassNotSupported,
        code: 'UNSUPPORTED_SOP_CLASS',
        comment: errorComment(`SOP class ${sopClassUid} not accepted on this presentation context`),
      };
    }
    if (sink.tooLarge) {
      return {
        status: C_STORE_STATUS.outOfResources,
        code: 'TOO_LARGE',
        comment: errorComment(`image of ${sink.receivedBytes} bytes over the ${sink.limit}-byte limit`),
      };
    }
    if (this.#context.closing()) {
      return {
        status: C_STORE_STATUS.outOfResources,
        code: 'SHUTTING_DOWN',
        comment: 'server shutting down, send again later',
      };
    }
    return undefined;
  }

  /** Lets the owner record what never reached ingest (e.g. an ingest-failure row); never fails the SCP. */
  #refuse(request: requests.CStoreRequest, failure: CStoreFailure, receivedBytes: number): StoreOutcome {
    const { onRefused } = this.#context;
    if (onRefused) this.#report(onRefused, request, failure, receivedBytes);
    return { ok: false, ...failure };
  }

  #report(
    onRefused: (refusal: ScpRefusal) => void | Promise<void>,
    request: requests.CStoreRequest,
    failure: CStoreFailure,
    receivedBytes: number,
  ): void {
    const refusal: ScpRefusal = {
      code: failure.code,
      reason: failure.comment,
      sopInstanceUid: request.getAffectedSopInstanceUid(),
      sopClassUid: request.getAffectedSopClassUid(),
      callingAeTitle: this.#callingAeTitle,
      remoteAddress: this.#socket.remoteAddress,
      receivedBytes,
    };
    const logFailure = (error: unknown) =>
      this.#context.logger.error('recording a C-STORE refusal failed', {
        sopInstanceUid: refusal.sopInstanceUid,
        error: error instanceof Error ? error.message : String(error),
      });
    try {
      void Promise.resolve(onRefused(refusal)).catch(logFailure);
    } catch (error) {
      logFailure(error);
    }
  }

  #respond(
    request: requests.CStoreRequest,
    outcome: StoreOutcome,
    callback: (response: responses.CStoreResponse) => void,
  ): void {
    const fields = {
      sopInstanceUid: request.getAffectedSopInstanceUid(),
      sopClassUid: request.getAffectedSopClassUid(),
      callingAeTitle: this.#callingAeTitle,
    };
    if (outcome.ok) {
      this.#context.logger.info('C-STORE stored', {
        ...fields,
        examId: outcome.examId,
        duplicate: outcome.duplicate,
      });
    } else {
      this.#context.logger.warn('C-STORE refused', {
        ...fields,
        status: `0x${outcome.status.toString(16).padStart(4, '0')}`,
        code: outcome.code,
        reason: outcome.comment,
      });
    }
    try {
      const response = CStoreResponse.fromRequest(request);
      response.setStatus(outcome.ok ? C_STORE_STATUS.success : outcome.status);
      if (!outcome.ok) response.setErrorComment(outcome.comment);
      callback(response);
    } catch (error) {
      this.#fail('C-STORE response could not be sent', error);
    }
  }

  /** A fault in our own handling ends this association only; the server keeps serving. */
  #fail(message: string, error: unknown): void {
    this.#context.logger.error(message, {
      callingAeTitle: this.#callingAeTitle,
      remoteAddress: this.#socket.remoteAddress,
      error: error instanceof Error ? error.message : String(error),
    });
    this.#socket.destroy();
  }
}
