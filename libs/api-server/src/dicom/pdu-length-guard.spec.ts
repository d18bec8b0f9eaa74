import { describe, expect, it } from 'vitest';
import { PduLengthGuard } from './pdu-length-guard.js';

function pdu(type: number, length: number, bodyBytes = length): Buffer {
  const header = Buffer.alloc(6);
  header[0] = type;
  header.writeUInt32BE(length, 2);
  return Buffer.concat([header, Buffer.alloc(bodyBytes, 0xab)]);
}

describe('PduLengthGuard', () => {
  it('passes PDUs up to the limit, however the stream is cut', () => {
    const stream = Buffer.concat([pdu(1, 200), pdu(4, 1000), pdu(4, 1000), pdu(5, 4)]);
    for (const cut of [1, 3, 5, 6, 7, 999, stream.length]) {
      const guard = new PduLengthGuard(1000);
      for (let offset = 0; offset < stream.length; offset += cut) {
        expect(guard.feed(stream.subarray(offset, offset + cut))).toBeUndefined();
      }
    }
  });

  it('reports the first PDU over the limit, even when its header arrives in pieces', () => {
    const stream = Buffer.concat([pdu(4, 10), pdu(4, 0xffffffff, 0)]);
    const guard = new PduLengthGuard(1000);
    expect(guard.feed(stream.subarray(0, 18))).toBeUndefined();
    expect(guard.feed(stream.subarray(18))).toBe(0xffffffff);
  });

  it('reads an HTTP request as an absurd PDU length', () => {
    expect(new PduLengthGuard(65536).feed(Buffer.from('GET / HTTP/1.1\r\n'))).toBeGreaterThan(65536);
  });
});
