/** What kafkajs logs (through the service's JSON logger, at debug) each time a member joins its group. */
const JOINED = 'kafkajs ConsumerGroup: Consumer has joined the group';

export interface GroupJoin {
  memberId: string;
  leaderId: string;
  partitions: number[];
}

/** The last join of consumer group `group` printed in `output` (JSON Lines), with its partitions of `topic`. */
export function latestJoin(output: string, group: string, topic: string): GroupJoin | null {
  const lines = output.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line.includes(JOINED)) continue;
    let entry: {
      message?: unknown;
      groupId?: unknown;
      memberId?: unknown;
      leaderId?: unknown;
      memberAssignment?: unknown;
    };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // a line cut by the output limit
    }
    if (entry.message !== JOINED || entry.groupId !== group) continue;
    const assignment = (entry.memberAssignment ?? {}) as Record<string, unknown>;
    const partitions = Array.isArray(assignment[topic]) ? (assignment[topic] as number[]) : [];
    return { memberId: String(entry.memberId), leaderId: String(entry.leaderId), partitions };
  }
  return null;
}

/**
 * Whether the members' latest joins describe one settled generation: one leader, and every one of
 * `partitionCount` partitions held by exactly one member. A member that has not rejoined after a
 * change still shows its old share, which overlaps or leaves a gap.
 */
export function groupSettled(joins: (GroupJoin | null)[], partitionCount: number): boolean {
  if (joins.some((j) => j === null)) return false;
  const settled = joins as GroupJoin[];
  if (new Set(settled.map((j) => j.leaderId)).size !== 1) return false;
  const held = settled.flatMap((j) => j.partitions);
  return held.length === partitionCount && new Set(held).size === partitionCount;
}
