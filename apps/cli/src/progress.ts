/**
 * A one-line progress bar on stderr (so stdout stays clean for JSON). On a non-terminal it prints a
 * line every 10 % instead, so CI logs still show that a long run is moving.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(done: number): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = done / Math.max(elapsed, 1e-3);
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const text = `${this.label} ${done}/${this.total}  ${rate.toFixed(1)}/s  ETA ${formatSeconds(eta)}`;
    if (this.stream.isTTY) {
      const width = 28;
      const filled = Math.round((done / this.total) * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      if (done === this.total) this.stream.write('\n');
    } else {
      const decile = Math.floor((done / this.total) * 10);
      if (decile !== this.lastDecile) {
        this.lastDecile = decile;
        this.stream.write(`${text}\n`);
      }
    }
  }
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  return s >= 90 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${Math.round(s)}s`;
}
