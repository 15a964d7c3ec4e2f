/**
 * Leads passed to `within` by one quota node, per period key and per folded
 * `per` value, from the saved state plus this run. The count of the last
 * period and value used is kept in a field and written back to the maps only
 * when another period or value comes, since consecutive leads usually share
 * them; read {@link counts} for the complete counts.
 */
export class QuotaCounter {
  private readonly byPeriod: Map<string, Map<string, number>>;
  private lastPeriod: string | null = null;
  private lastValue = '';
  private lastCount = 0;

  constructor(saved: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined) {
    this.byPeriod = new Map();
    for (const [period, counts] of Object.entries(saved ?? {})) {
      this.byPeriod.set(period, new Map(Object.entries(counts)));
    }
  }

  /**
   * Counts one more lead for a period and value when fewer than `limit` have
   * passed. Returns how many had passed before, so the lead passed when the
   * result is below the limit.
   */
  take(period: string, value: string, limit: number): number {
    if (period !== this.lastPeriod || value !== this.lastValue) {
      this.flush();
      this.lastPeriod = period;
      this.lastValue = value;
      this.lastCount = this.byPeriod.get(period)?.get(value) ?? 0;
    }

    const used = this.lastCount;
    if (used < limit) this.lastCount = used + 1;
    return used;
  }

  /** Returns every count, by period key and value. */
  counts(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    this.flush();
    return this.byPeriod;
  }

  private flush(): void {
    if (this.lastPeriod === null) return;

    let counts = this.byPeriod.get(this.lastPeriod);
    if (counts === undefined) {
      counts = new Map();
      this.byPeriod.set(this.lastPeriod, counts);
    }
    counts.set(this.lastValue, this.lastCount);
  }
}
