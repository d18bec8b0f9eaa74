/** Counts a member's handlers in flight so it never runs more than its `concurrency`. */
export class Semaphore {
  private readonly queue: Array<() => void> = [];

  constructor(private available: number) {}

  /** Resolves true with a permit, or false (no permit) when `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (this.available > 0) {
      this.available--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = (): void => {
        signal.removeEventListener('abort', abandon);
        resolve(true);
      };
      const abandon = (): void => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        resolve(false);
      };
      this.queue.push(grant);
      signal.addEventListener('abort', abandon, { once: true });
    });
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.available++;
  }
}
