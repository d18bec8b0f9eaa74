/** Wakes everyone waiting when it rings; a waiter also wakes when its own signal aborts. */
export class Doorbell {
  private waiters = new Set<() => void>();

  wait(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = (): void => {
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  ring(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
