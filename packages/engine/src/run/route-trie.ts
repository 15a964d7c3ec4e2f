/**
 * Shared, frozen route arrays. Leads that take the same handles get the same
 * array, so a run allocates one array per distinct route instead of one per
 * lead; a flow has few distinct routes, and a million leads share them. Each
 * route also has a small integer id, its index in the trie's table.
 */
export class RouteTrie {
  /** The route so far, frozen so that sharing it is safe. */
  readonly route: readonly string[];
  /** The slot of each step of the route (see {@link next}). */
  readonly slots: readonly number[];
  /** Index of this route in {@link table}. */
  readonly id: number;
  /** Every route of the trie, by id; shared by all its nodes and only ever appended to. */
  readonly table: (readonly string[])[];
  /** Every node of the trie, by id, like {@link table}. */
  readonly nodes: RouteTrie[];
  private readonly children: (RouteTrie | undefined)[] = [];

  constructor(
    route: readonly string[] = [],
    slots: readonly number[] = [],
    table: (readonly string[])[] = [],
    nodes: RouteTrie[] = [],
  ) {
    this.route = Object.freeze(route);
    this.slots = slots;
    this.table = table;
    this.nodes = nodes;
    nodes.push(this);
    this.id = table.length;
    table.push(this.route);
  }

  /**
   * The route after one more step. `slot` identifies the step (a node's
   * handle) within the pipeline; `step` is its `nodeId:handle` text.
   */
  next(slot: number, step: string): RouteTrie {
    let child = this.children[slot];
    if (child === undefined) {
      child = new RouteTrie([...this.route, step], [...this.slots, slot], this.table, this.nodes);
      this.children[slot] = child;
    }
    return child;
  }
}
