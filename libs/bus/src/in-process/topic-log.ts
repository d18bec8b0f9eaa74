import type { WireMessage } from '../wire-message.js';
import { Doorbell } from './doorbell.js';

/** Dropping consumed messages one by one would shift the array each time; do it in batches. */
const TRIM_BATCH = 256;

/** One partition's append-only log. Offsets keep counting after the consumed head is dropped. */
export class PartitionLog {
  /** Offset of entries[0]. */
  base = 0;
  private entries: WireMessage[] = [];
  readonly doorbell = new Doorbell();

  get end(): number {
    return this.base + this.entries.length;
  }

  get retained(): number {
    return this.entries.length;
  }

  append(message: WireMessage): void {
    this.entries.push(message);
    this.doorbell.ring();
  }

  at(offset: number): WireMessage | undefined {
    return offset >= this.base ? this.entries[offset - this.base] : undefined;
  }

  dropBefore(offset: number): void {
    if (offset - this.base < TRIM_BATCH) return;
    this.entries.splice(0, offset - this.base);
    this.base = offset;
  }
}

/** Committed positions a group holds on a topic; the log keeps what any group has yet to commit. */
export interface GroupPositions {
  committedOffset(partition: number): number;
}

export class TopicLog {
  readonly partitions: PartitionLog[];
  private readonly groups = new Set<GroupPositions>();

  constructor(
    readonly name: string,
    partitionCount: number,
  ) {
    this.partitions = Array.from({ length: partitionCount }, () => new PartitionLog());
  }

  addGroup(group: GroupPositions): void {
    this.groups.add(group);
  }

  /** Drops messages every group has committed; with no group yet, everything is kept for the first. */
  release(partition: number): void {
    if (this.groups.size === 0) return;
    let lowest = Infinity;
    for (const group of this.groups) lowest = Math.min(lowest, group.committedOffset(partition));
    this.partitions[partition].dropBefore(lowest);
  }

  get retained(): number {
    return this.partitions.reduce((sum, partition) => sum + partition.retained, 0);
  }
}
