import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { partitionForKey } from './partition-for-key.js';

describe('partitionForKey', () => {
  it('picks the partition kafkajs’ Java-compatible default partitioner picks', () => {
    const keys = ['', 'a', 'ab', 'abc', 'abcd', 'DR-ROOM-1', 'DR-ROOM-2', 'Ünïcødé ✓', 'x'.repeat(101)];
    for (let i = 0; i < 200; i++) keys.push(`station-${i}`);
    for (const partitions of [1, 3, 6, 7, 32]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
        partitionId,
        leader: 0,
        partitionErrorCode: 0,
        replicas: [0],
        isr: [0],
        offlineReplicas: [],
      }));
      const kafkajs = Partitioners.DefaultPartitioner();
      for (const key of keys) {
        const expected = kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } });
        expect(partitionForKey(key, partitions), `key ${JSON.stringify(key)} over ${partitions}`).toBe(
          expected,
        );
      }
    }
  });
});
