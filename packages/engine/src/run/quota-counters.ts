/**
 * Leads passed to `within` by one quota node, per period key and per folded
 * `per` value, from the saved state plus this run. The counts of the last
 * period used are kept at hand, since consecutive leads usually share it.
 */
export class QuotaCounter {
  readonly byPeriod: Map<string, Map<string, number>>;
  private lastPeriod: string | null = null;
  private lastCounts: Map<string, number> | null = null;

  constructor(saved: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined) {
    this.byPeriod = new Map();
    for (const [period, counts] of Object.entries(saved ?? {})) {
      this.byPeriod.set(period, new Map(Object.entries(counts)));
    }
  }

  /** Leads passed so far in a period for one value. */
  used(period: string, value: string): number {
    return this.countsOf(period).get(value) ?? 0;
  }

  /** Counts one more lead passed in a period for one value. */
  add(period: string, value: string): void {
    const counts = this.countsOf(period);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }

  private countsOf(period: string): Map<string, number> {
    if (period === this.lastPeriod && this.lastCounts !== null) return this.lastCounts;

    let counts = this.byPeriod.get(period);
    if (counts === undefined) {
      counts = new Map();
      this.byPeriod.set(period, counts);
    }
    this.lastPeriod = period;
    this.lastCounts = counts;
    return counts;
  }
}
