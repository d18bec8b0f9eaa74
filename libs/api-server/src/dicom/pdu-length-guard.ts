const PDU_HEADER_BYTES = 6;

/**
 * Follows the PDU framing of a DICOM upper-layer byte stream (PS3.8 §9.3: type, reserved, 32-bit
 * big-endian length) and reports the first PDU longer than `maxPduBytes`. dcmjs-dimse buffers a
 * whole PDU before parsing it, so a peer announcing a 4 GiB PDU (or an HTTP request sent to the
 * DICOM port) would otherwise be buffered without bound.
 */
export class PduLengthGuard {
  #header = Buffer.alloc(0);
  #remaining = 0;

  constructor(readonly maxPduBytes: number) {}

  /** Feeds the next bytes from the socket; returns the offending length once a PDU is too long. */
  feed(chunk: Uint8Array): number | undefined {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#remaining > 0) {
        const skip = Math.min(this.#remaining, chunk.length - offset);
        this.#remaining -= skip;
        offset += skip;
        continue;
      }
      const take = Math.min(PDU_HEADER_BYTES - this.#header.length, chunk.length - offset);
      this.#header = Buffer.concat([this.#header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.#header.length === PDU_HEADER_BYTES) {
        const length = this.#header.readUInt32BE(2);
        this.#header = Buffer.alloc(0);
        if (length > this.maxPduBytes) return length;
        this.#remaining = length;
      }
    }
    return undefined;
  }
}
