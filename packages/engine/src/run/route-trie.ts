/**
 * The routes leads take, numbered. Leads that take the same handles share
 * one frozen route array, so a run allocates one array per distinct route
 * instead of one per lead, and a flow has few distinct routes. The runner
 * tracks a route by its id. The next route after a step is one typed-array
 * read in a table of transitions (route id × step slot).
 */
export class RouteTrie {
  /** Routes by id, as frozen arrays of `nodeId:handle` steps; only ever appended to. */
  readonly table: (readonly string[])[] = [Object.freeze([])];
  /** The step slots of each route by id, for counting leads per node and edge. */
  readonly slots: (readonly number[])[] = [[]];
  /** Transitions: the id after taking slot `s` from route `r` is at `r * slotCount + s`; -1 until seen. */
  private transitions: Int32Array;

  /**
   * @param slotCount Number of step slots (all handles of the pipeline).
   * @param stepOf The `nodeId:handle` text of a slot.
   */
  constructor(
    private readonly slotCount: number,
    private readonly stepOf: (slot: number) => string,
  ) {
    this.transitions = new Int32Array(Math.max(1, slotCount) * 16).fill(-1);
  }

  /**
   * The transition table as it is now (see `next`); `add` replaces it when it
   * grows, so generated code reads it again after each new route.
   */
  get transitionTable(): Int32Array {
    return this.transitions;
  }

  /** Number of step slots: the row width of the transition table. */
  get width(): number {
    return this.slotCount;
  }

  /** Id of the empty route. */
  get root(): number {
    return 0;
  }

  /** Returns the id of the route after taking `slot` from route `route`. */
  next(route: number, slot: number): number {
    const next = this.transitions[route * this.slotCount + slot] as number;
    return next >= 0 ? next : this.add(route, slot);
  }

  private add(route: number, slot: number): number {
    const id = this.table.length;
    this.table.push(
      Object.freeze([...(this.table[route] as readonly string[]), this.stepOf(slot)]),
    );
    this.slots.push([...(this.slots[route] as readonly number[]), slot]);

    const needed = (id + 1) * this.slotCount;
    if (needed > this.transitions.length) {
      const grown = new Int32Array(Math.max(needed, this.transitions.length * 2)).fill(-1);
      grown.set(this.transitions);
      this.transitions = grown;
    }
    this.transitions[route * this.slotCount + slot] = id;
    return id;
  }
}
