import { Writable } from 'node:stream';

/**
 * Collects a C-STORE data set exactly as its P-DATA fragments arrive, up to `limit` bytes. Past the
 * limit it keeps counting but drops what it holds, so an oversized image costs no memory and the
 * association stays usable for the refusal. Writes complete synchronously, so every byte is held
 * as soon as the last fragment has been written.
 */
export class DatasetSink extends Writable {
  #chunks: Buffer[] = [];
  #received = 0;

  constructor(readonly limit: number) {
    // A high-water mark above any PDU keeps write() from asking dcmjs-dimse to wait for 'drain'.
    super({ highWaterMark: 64 * 1024 * 1024, decodeStrings: true });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#received += chunk.length;
    if (this.#received > this.limit) this.#chunks = [];
    else this.#chunks.push(chunk);
    callback();
  }

  get receivedBytes(): number {
    return this.#received;
  }

  get tooLarge(): boolean {
    return this.#received > this.limit;
  }

  /** The data set as received; empty once the limit was passed. */
  bytes(): Uint8Array {
    return Buffer.concat(this.#chunks);
  }
}
