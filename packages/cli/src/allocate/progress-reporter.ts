import type { CliContext } from '../cli-context.js';

/** Rows from which progress is shown on stderr. */
export const PROGRESS_THRESHOLD_ROWS = 50_000;
const REDRAW_INTERVAL_MS = 1000;

/**
 * Prints "Reading FILE: N rows…" on stderr once a file passes 50,000 rows,
 * then at most once a second: on a terminal by redrawing one line, else
 * as separate lines.
 */
export class ProgressReporter {
  private lastPrinted = 0;
  private printedAny = false;

  constructor(
    private readonly context: CliContext,
    private readonly file: string,
  ) {}

  update(rows: number): void {
    if (rows < PROGRESS_THRESHOLD_ROWS) return;
    const now = Date.now();
    if (this.printedAny && now - this.lastPrinted < REDRAW_INTERVAL_MS) return;

    this.lastPrinted = now;
    this.printedAny = true;
    const text = this.context.t('progress.reading', {
      file: this.file,
      rows: rows.toLocaleString('en-US'),
    });
    this.context.io.stderr(this.context.io.stderrIsTty ? `\r${text}` : `${text}\n`);
  }

  /** Ends a redrawn line so that later output starts on a new one. */
  finish(): void {
    if (this.printedAny && this.context.io.stderrIsTty) this.context.io.stderr('\n');
  }
}
