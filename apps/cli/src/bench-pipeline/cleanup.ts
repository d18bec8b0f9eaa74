/**
 * What must be undone however the benchmark ends (normal end, error, Ctrl+C): child processes,
 * the fresh database, temporary files. Undone last-in first-out; one failure does not stop the rest.
 */
export class Cleanup {
  readonly #tasks: { label: string; undo: () => Promise<void> }[] = [];
  readonly #onFailure: (label: string, error: Error) => void;

  constructor(onFailure: (label: string, error: Error) => void) {
    this.#onFailure = onFailure;
  }

  /** Registers `undo`; the returned function runs it now (once) and forgets it. */
  add(label: string, undo: () => Promise<void>): () => Promise<void> {
    const task = { label, undo };
    this.#tasks.push(task);
    return async () => {
      const at = this.#tasks.indexOf(task);
      if (at < 0) return;
      this.#tasks.splice(at, 1);
      await this.#run(task);
    };
  }

  async runAll(): Promise<void> {
    for (let task = this.#tasks.pop(); task; task = this.#tasks.pop()) await this.#run(task);
  }

  async #run(task: { label: string; undo: () => Promise<void> }) {
    try {
      await task.undo();
    } catch (error) {
      this.#onFailure(task.label, error as Error);
    }
  }
}
