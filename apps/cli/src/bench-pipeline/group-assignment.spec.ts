import { describe, expect, it } from 'vitest';
import { groupSettled, latestJoin } from './group-assignment.js';

const GROUP = 'ns.spineqc-inference';
const TOPIC = 'ns.qc.image.received';

function joined(memberId: string, leaderId: string, partitions: number[], groupId = GROUP) {
  return JSON.stringify({
    time: '2026-11-27T12:19:09.868Z',
    level: 'debug',
    component: 'inference',
    message: 'kafkajs ConsumerGroup: Consumer has joined the group',
    groupId,
    memberId,
    leaderId,
    isLeader: memberId === leaderId,
    memberAssignment: { [TOPIC]: partitions },
    groupProtocol: 'RoundRobinAssigner',
  });
}

describe('latestJoin', () => {
  it('reads the last join of the group from JSON log lines', () => {
    const output = [
      joined('a', 'a', [0, 1, 2, 3, 4, 5]),
      '{"message":"inference worker ready"}',
      joined('a', 'a', [3, 4, 5]),
      joined('x', 'x', [0], 'other.group'),
      '{"message":"kafkajs ConsumerGroup: Consumer has joined the gr', // cut short
    ].join('\n');
    expect(latestJoin(output, GROUP, TOPIC)).toEqual({ memberId: 'a', leaderId: 'a', partitions: [3, 4, 5] });
  });

  it('is null before the member has joined', () => {
    expect(latestJoin('{"message":"starting"}\n', GROUP, TOPIC)).toBeNull();
  });
});

describe('groupSettled', () => {
  const a = (p: number[]) => ({ memberId: 'a', leaderId: 'a', partitions: p });
  const b = (p: number[], leader = 'a') => ({ memberId: 'b', leaderId: leader, partitions: p });

  it('holds when one leader and the members share every partition exactly once', () => {
    expect(groupSettled([a([3, 4, 5]), b([0, 1, 2])], 6)).toBe(true);
    expect(groupSettled([a([0, 1, 2, 3, 4, 5])], 6)).toBe(true);
  });

  it('does not hold while a member still shows its share from before the change', () => {
    expect(groupSettled([a([0, 1, 2, 3, 4, 5]), b([0, 1, 2])], 6)).toBe(false); // a has not rejoined
    expect(groupSettled([a([3, 4, 5])], 6)).toBe(false); // b left, a not rejoined
    expect(groupSettled([a([3, 4, 5]), null], 6)).toBe(false);
    expect(groupSettled([a([3, 4, 5]), b([0, 1, 2], 'b')], 6)).toBe(false);
  });
});
