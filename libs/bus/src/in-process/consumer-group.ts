import type { BusLogger } from '../bus-logger.js';
import { errorText } from '../bus-error.js';
import type { IncomingMessage } from '../message-bus.js';
import { redeliveryDelayMs, sleep, type RedeliveryBackoff } from '../timing.js';
import type { WireMessage } from '../wire-message.js';
import { Semaphore } from './semaphore.js';
import type { GroupPositions, TopicLog } from './topic-log.js';

/** One subscription: the handler and how many partitions it may work on at once. */
export class GroupMember {
  readonly permits: Semaphore;
  private readonly runs = new Set<Promise<void>>();

  constructor(
    readonly handler: (message: IncomingMessage) => Promise<void>,
    concurrency: number,
  ) {
    this.permits = new Semaphore(concurrency);
  }

  track(run: Promise<void>): void {
    this.runs.add(run);
    void run.finally(() => this.runs.delete(run));
  }

  /** Settles when every partition run this member was given has ended. */
  async drained(): Promise<void> {
    while (this.runs.size > 0) await Promise.all(this.runs);
  }
}

interface PartitionSlot {
  owner: GroupMember | undefined;
  /** Aborted when the owner loses the partition: its run finishes the message in hand, then stops. */
  stop: AbortController | undefined;
  /** The latest run; the next owner's run starts only after it, so a key is never handled twice at once. */
  tail: Promise<void>;
}

/**
 * A consumer group on one topic: committed offsets per partition and the members sharing the
 * partitions (partition p goes to member p mod n, in joining order), each partition consumed
 * sequentially by its owner.
 */
export class ConsumerGroup implements GroupPositions {
  private readonly committed: number[];
  private readonly members: GroupMember[] = [];
  private readonly slots: PartitionSlot[];

  constructor(
    readonly name: string,
    private readonly log: TopicLog,
    private readonly redelivery: RedeliveryBackoff,
    private readonly logger: BusLogger,
  ) {
    // A new group starts at the oldest message still kept, as Kafka's "earliest" reset does.
    this.committed = log.partitions.map((partition) => partition.base);
    this.slots = log.partitions.map(() => ({ owner: undefined, stop: undefined, tail: Promise.resolve() }));
    log.addGroup(this);
  }

  committedOffset(partition: number): number {
    return this.committed[partition];
  }

  get memberCount(): number {
    return this.members.length;
  }

  join(member: GroupMember): void {
    this.members.push(member);
    this.assign();
  }

  leave(member: GroupMember): void {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    this.assign();
  }

  private assign(): void {
    this.slots.forEach((slot, partition) => {
      const owner = this.members.length > 0 ? this.members[partition % this.members.length] : undefined;
      if (slot.owner === owner) return;
      slot.stop?.abort();
      slot.owner = owner;
      slot.stop = undefined;
      if (!owner) return;
      const stop = new AbortController();
      slot.stop = stop;
      const run = slot.tail
        .then(() => this.consume(partition, owner, stop.signal))
        .catch((error: unknown) =>
          this.logger.error(`bus: consumer of ${this.log.name}[${partition}] stopped`, {
            group: this.name,
            error: errorText(error),
          }),
        );
      slot.tail = run;
      owner.track(run);
    });
  }

  private async consume(partition: number, member: GroupMember, stop: AbortSignal): Promise<void> {
    const log = this.log.partitions[partition];
    while (!stop.aborted) {
      const offset = this.committed[partition];
      const message = log.at(offset);
      if (!message) {
        await log.doorbell.wait(stop);
        continue;
      }
      if (!(await this.deliver(partition, offset, message, member, stop))) return;
      this.committed[partition] = offset + 1;
      this.log.release(partition);
    }
  }

  /** Hands the message to the member until it succeeds: true once handled, false if the partition was taken away first. */
  private async deliver(
    partition: number,
    offset: number,
    message: WireMessage,
    member: GroupMember,
    stop: AbortSignal,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (!(await member.permits.acquire(stop))) return false;
      try {
        await member.handler({
          topic: this.log.name,
          partition,
          offset: String(offset),
          key: message.key,
          value: message.value,
          headers: { ...message.headers },
        });
        return true;
      } catch (error) {
        this.logger.warn(`bus: handler failed, redelivering ${this.log.name}[${partition}]@${offset}`, {
          group: this.name,
          attempt,
          error: errorText(error),
        });
      } finally {
        member.permits.release();
      }
      await sleep(redeliveryDelayMs(this.redelivery, attempt), stop);
      if (stop.aborted) return false;
    }
  }
}
