import type { Rep } from '../flow/flow.types.js';
import type { PeriodContext } from '../time/zoned-calendar.js';

/** Eligibility of a rep for one lead. Any value but `Eligible` names the reason the rep is skipped. */
export const RepStatus = {
  Eligible: 0,
  Inactive: 1,
  Unavailable: 2,
  AtCapacityDay: 3,
  AtCapacityWeek: 4,
  AtCapacityMonth: 5,
  Unknown: 6,
} as const;

export type RepStatus = (typeof RepStatus)[keyof typeof RepStatus];

const NO_LIMIT = -1;

/**
 * The team of one run in flat arrays indexed by the rep's position in the
 * input, so that eligibility checks on the hot path are array reads.
 */
export class RepRoster {
  readonly ids: string[];
  readonly indexById = new Map<string, number>();
  readonly active: Uint8Array;
  readonly weight: Float64Array;
  readonly openLeads: Float64Array;
  /** Capacity per period, NO_LIMIT (-1) for none. */
  readonly capacityDay: Float64Array;
  readonly capacityWeek: Float64Array;
  readonly capacityMonth: Float64Array;
  readonly unavailable: (readonly { from: string; to: string }[])[];

  constructor(reps: readonly Rep[]) {
    const count = reps.length;
    this.ids = reps.map((rep) => rep.id);
    this.active = new Uint8Array(count);
    this.weight = new Float64Array(count);
    this.openLeads = new Float64Array(count);
    this.capacityDay = new Float64Array(count);
    this.capacityWeek = new Float64Array(count);
    this.capacityMonth = new Float64Array(count);
    this.unavailable = [];

    reps.forEach((rep, index) => {
      if (!this.indexById.has(rep.id)) this.indexById.set(rep.id, index);
      this.active[index] = rep.active === false ? 0 : 1;
      this.weight[index] = rep.weight ?? 1;
      this.openLeads[index] = rep.openLeads ?? 0;
      this.capacityDay[index] = limitOf(rep.capacity?.day);
      this.capacityWeek[index] = limitOf(rep.capacity?.week);
      this.capacityMonth[index] = limitOf(rep.capacity?.month);
      this.unavailable.push(rep.unavailable ?? []);
    });
  }

  /** Index of a rep id, or -1 when the team has no such rep. */
  indexOf(repId: string): number {
    return this.indexById.get(repId) ?? -1;
  }

  /** True when the rep exists and is active (for existing owners, who skip the other checks). */
  isActive(index: number): boolean {
    return index >= 0 && this.active[index] === 1;
  }

  /** Returns whether a rep may take a lead on the day of `counters`, and if not, the reason. */
  status(index: number, counters: RepDayCounters): RepStatus {
    if (index < 0) return RepStatus.Unknown;
    if (this.active[index] === 0) return RepStatus.Inactive;
    if (counters.unavailable[index] === 1) return RepStatus.Unavailable;

    const day = this.capacityDay[index] as number;
    if (day !== NO_LIMIT && (counters.day[index] as number) >= day) return RepStatus.AtCapacityDay;
    const week = this.capacityWeek[index] as number;
    if (week !== NO_LIMIT && (counters.week[index] as number) >= week)
      return RepStatus.AtCapacityWeek;
    const month = this.capacityMonth[index] as number;
    if (month !== NO_LIMIT && (counters.month[index] as number) >= month) {
      return RepStatus.AtCapacityMonth;
    }
    return RepStatus.Eligible;
  }

  /**
   * Leads a rep may still take on the day of `counters`: 0 when inactive, on
   * leave or at a capacity, Infinity without limits, else the smallest room
   * left under the day, week and month capacities.
   */
  roomOf(index: number, counters: RepDayCounters): number {
    if (counters.blocked[index] === 1) return 0;

    let room = Infinity;
    const day = this.capacityDay[index] as number;
    if (day !== NO_LIMIT) room = Math.min(room, day - (counters.day[index] as number));
    const week = this.capacityWeek[index] as number;
    if (week !== NO_LIMIT) room = Math.min(room, week - (counters.week[index] as number));
    const month = this.capacityMonth[index] as number;
    if (month !== NO_LIMIT) room = Math.min(room, month - (counters.month[index] as number));
    return Math.max(room, 0);
  }

  /** Returns the capacity that an at-capacity status refers to. */
  limitFor(index: number, status: RepStatus): number {
    if (status === RepStatus.AtCapacityDay) return this.capacityDay[index] as number;
    if (status === RepStatus.AtCapacityWeek) return this.capacityWeek[index] as number;
    return this.capacityMonth[index] as number;
  }
}

/** Counters of every rep for the day, week and month of one local day. */
export interface RepDayCounters {
  readonly periods: PeriodContext;
  readonly day: Float64Array;
  readonly week: Float64Array;
  readonly month: Float64Array;
  /** 1 where the rep is on leave that day. */
  readonly unavailable: Uint8Array;
  /** 1 where the rep is inactive or on leave that day. */
  readonly blocked: Uint8Array;
  /**
   * Leads each rep may still take that day (see RepRoster.roomOf), valid
   * while `version` equals the version of the RepCounters that made it.
   */
  readonly room: Float64Array;
  version: number;
}

/**
 * Leads assigned per rep and period key (day, ISO week, month), from the
 * saved state plus this run, for the reps of this run's team. Counts of other
 * rep ids stay in the input state and are written back unchanged.
 */
export class RepCounters {
  /** Period key → count per rep index. */
  readonly byPeriod = new Map<string, Float64Array>();
  /** Count of leads counted so far, so that a day's room can tell whether it is stale. */
  private version = 0;
  private readonly byDay = new Map<PeriodContext, RepDayCounters>();

  constructor(
    private readonly roster: RepRoster,
    saved: Readonly<Record<string, Readonly<Record<string, number>>>>,
  ) {
    for (const [repId, counts] of Object.entries(saved)) {
      const index = roster.indexOf(repId);
      if (index < 0) continue;
      for (const [period, count] of Object.entries(counts)) this.counts(period)[index] = count;
    }
  }

  /**
   * Returns the counters of one local day, created on first use and then
   * cached, with their room brought up to date.
   */
  at(periods: PeriodContext): RepDayCounters {
    const cached = this.byDay.get(periods);
    if (cached !== undefined) {
      if (cached.version !== this.version) this.refreshRoom(cached);
      return cached;
    }

    const unavailable = new Uint8Array(this.roster.ids.length);
    const blocked = new Uint8Array(this.roster.ids.length);
    this.roster.unavailable.forEach((ranges, index) => {
      const onLeave = ranges.some((range) => range.from <= periods.day && periods.day <= range.to);
      unavailable[index] = onLeave ? 1 : 0;
      blocked[index] = onLeave || this.roster.active[index] === 0 ? 1 : 0;
    });
    const counters: RepDayCounters = {
      periods,
      day: this.counts(periods.day),
      week: this.counts(periods.week),
      month: this.counts(periods.month),
      unavailable,
      blocked,
      room: new Float64Array(this.roster.ids.length),
      version: -1,
    };
    this.refreshRoom(counters);
    this.byDay.set(periods, counters);
    return counters;
  }

  /**
   * Counts one more lead for a rep in the day, week and month of `counters`.
   * The room of that day stays exact, because every limit has one lead less
   * room. Other days that share the week or month refresh theirs when next used.
   */
  add(index: number, counters: RepDayCounters): void {
    (counters.day[index] as number) += 1;
    (counters.week[index] as number) += 1;
    (counters.month[index] as number) += 1;

    const stale = counters.version !== this.version;
    this.version += 1;
    if (stale) {
      this.refreshRoom(counters);
    } else {
      counters.room[index] = Math.max((counters.room[index] as number) - 1, 0);
      counters.version = this.version;
    }
  }

  private refreshRoom(counters: RepDayCounters): void {
    for (let index = 0; index < counters.room.length; index += 1) {
      counters.room[index] = this.roster.roomOf(index, counters);
    }
    counters.version = this.version;
  }

  private counts(period: string): Float64Array {
    let counts = this.byPeriod.get(period);
    if (counts === undefined) {
      counts = new Float64Array(this.roster.ids.length);
      this.byPeriod.set(period, counts);
    }
    return counts;
  }
}

function limitOf(capacity: number | null | undefined): number {
  return capacity === undefined || capacity === null ? NO_LIMIT : capacity;
}
