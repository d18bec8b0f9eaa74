import { describe, expect, it } from 'vitest';
import { DatasetSink } from './dataset-sink.js';

describe('DatasetSink', () => {
  it('holds every fragment in order as soon as it is written', () => {
    const sink = new DatasetSink(10);
    expect(sink.write(Buffer.from([1, 2, 3]))).toBe(true);
    sink.write(Buffer.from([4, 5]));
    sink.end(Buffer.from([6]));
    expect(Array.from(sink.bytes())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sink.receivedBytes).toBe(6);
    expect(sink.tooLarge).toBe(false);
  });

  it('keeps exactly the limit, and past it holds nothing but keeps counting', () => {
    const sink = new DatasetSink(4);
    sink.write(Buffer.alloc(4));
    expect(sink.tooLarge).toBe(false);
    sink.write(Buffer.alloc(1));
    sink.write(Buffer.alloc(100));
    expect(sink.tooLarge).toBe(true);
    expect(sink.receivedBytes).toBe(105);
    expect(sink.bytes().length).toBe(0);
  });
});
