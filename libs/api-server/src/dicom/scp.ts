import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import dcmjsDimse from 'dcmjs-dimse';
import type { Ingestor } from '../ingest/ingest.types.js';
import { DicomScpError } from './dicom-scp-error.js';
import { PduLengthGuard } from './pdu-length-guard.js';
import type { ScpLogger } from './scp-logger.js';
import { StorageScp, type ScpRefusal, type StorageScpContext } from './storage-scp.js';

export interface DicomScpOptions {
  /** 0 picks a free port; the handle reports the real one. */
  port: number;
  /** Interface to listen on; all interfaces when omitted. */
  host?: string;
  aeTitle: string;
  /** Calling AE titles allowed to associate; empty allows any. */
  allowedCallingAeTitles: string[];
  /** Largest PDU announced to peers (dcmjs-dimse caps it at 256 KiB). Default 64 KiB. */
  maxPduLength?: number;
  /** Largest data set accepted; a larger one is refused with 0xA700 without being held in memory. */
  maxImageBytes: number;
  ingestor: Ingestor;
  logger: ScpLogger;
  /**
   * Told of every C-STORE refused before ingest (over maxImageBytes, SOP class not matching its
   * presentation context, server shutting down), e.g. to record an ingest failure. Errors are logged.
   */
  onRefused?: (refusal: ScpRefusal) => void | Promise<void>;
}

export interface DicomScpHandle {
  port: number;
  /** Stops accepting associations, lets stores in progress answer their senders, then disconnects. */
  close(): Promise<void>;
}

const DEFAULT_MAX_PDU_LENGTH = 64 * 1024;
/** Framing slack for non-data PDUs: an A-ASSOCIATE-RQ with many presentation contexts is tens of KiB. */
const MIN_PDU_CEILING = 64 * 1024;
const CLOSE_GRACE_MS = 2000;
const IN_FLIGHT_LIMIT_MS = 30_000;

/** Starts the DICOM C-STORE SCP (Verification and the radiograph storage SOP classes). */
export async function startDicomScp(options: DicomScpOptions): Promise<DicomScpHandle> {
  validate(options);
  // dcmjs-dimse logs every PDU to the console by default (its logger is process-wide); what matters
  // reaches us as events and is logged through `logger`, without patient data.
  dcmjsDimse.log.setLevel('silent');
  const maxPduLength = options.maxPduLength ?? DEFAULT_MAX_PDU_LENGTH;
  const { logger } = options;
  const sockets = new Set<Socket>();
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const context: StorageScpContext = {
    policy: { aeTitle: options.aeTitle, allowedCallingAeTitles: options.allowedCallingAeTitles },
    maxPduLength,
    maxImageBytes: options.maxImageBytes,
    ingestor: options.ingestor,
    logger,
    track(work) {
      inFlight.add(work);
      const done = () => void inFlight.delete(work);
      work.then(done, done);
    },
    closing: () => closing,
    onRefused: options.onRefused,
  };

  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    watchPduLengths(socket, Math.max(maxPduLength, MIN_PDU_CEILING), logger);
    const scp = new StorageScp(socket, context);
    // dcmjs-dimse runs its association (60 s) and PDU (60 s) timeouts only for a peer marked connected
    // since a known time; its own Server sets the first but not the second, so a silent peer would stay.
    Object.assign(scp, { connected: true, connectedTime: Date.now() });
    scp.on('networkError', (error: Error) => {
      logger.warn('DICOM connection error', { remoteAddress: socket.remoteAddress, error: error.message });
      socket.destroy();
    });
  });

  await listen(server, options.port, options.host);
  server.on('error', (error) => logger.error('DICOM server error', { error: error.message }));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // A store that never ends (a hung database) must not hold shutdown forever.
      await Promise.race([drained(inFlight), delay(IN_FLIGHT_LIMIT_MS)]);
      // Senders that got their answers usually release at once; the rest are cut after a grace period.
      await Promise.race([stopped, delay(CLOSE_GRACE_MS)]);
      for (const socket of sockets) socket.destroy();
      await stopped;
      logger.info('DICOM C-STORE SCP stopped', { port });
    },
  };
}

async function drained(work: Set<Promise<void>>): Promise<void> {
  while (work.size > 0) await Promise.allSettled([...work]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function watchPduLengths(socket: Socket, maxPduBytes: number, logger: ScpLogger): void {
  const guard = new PduLengthGuard(maxPduBytes);
  socket.on('data', (chunk: Buffer) => {
    const length = guard.feed(chunk);
    if (length === undefined) return;
    logger.warn('DICOM peer sent an oversized or malformed PDU; connection closed', {
      remoteAddress: socket.remoteAddress,
      pduLength: length,
      maxPduBytes,
    });
    socket.destroy();
  });
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) =>
      reject(
        new DicomScpError('LISTEN_FAILED', `cannot listen on port ${port}: ${error.message}`, {
          cause: error,
        }),
      );
    server.once('error', onError);
    server.listen({ port, host }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function validate(options: DicomScpOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    problems.push(`port must be an integer 0–65535, got ${options.port}`);
  }
  if (!isAeTitle(options.aeTitle))
    problems.push(`aeTitle ${JSON.stringify(options.aeTitle)} is not a valid AE title`);
  for (const title of options.allowedCallingAeTitles) {
    if (!isAeTitle(title)) problems.push(`allowed calling AE title ${JSON.stringify(title)} is not valid`);
  }
  const maxPdu = options.maxPduLength;
  if (maxPdu !== undefined && (!Number.isInteger(maxPdu) || maxPdu < 4096)) {
    problems.push(`maxPduLength must be an integer ≥ 4096, got ${maxPdu}`);
  }
  if (!Number.isInteger(options.maxImageBytes) || options.maxImageBytes <= 0) {
    problems.push(`maxImageBytes must be a positive integer, got ${options.maxImageBytes}`);
  }
  if (problems.length > 0) throw new DicomScpError('INVALID_OPTIONS', problems.join('; '));
}

/** VR AE: 1–16 characters of the default repertoire, no backslash or control characters, not all spaces. */
function isAeTitle(title: string): boolean {
  return /^[\x20-\x5b\x5d-\x7e]{1,16}$/.test(title) && title.trim().length > 0;
}
