/**
 * The per-lead results of a simulation as typed-array columns with shared
 * tables for repeated values, so that a million leads take a few megabytes
 * in the worker instead of hundreds as objects.
 */
import { REASON_CODES, type LeadResult, type LeadValue, type ReasonCode } from '@sras/engine';

/** One lead's result as the table, the export and the saved run read it. */
export interface StoredLeadResult {
  leadId: string | number;
  ownerId: string | null;
  nodeId: string;
  route: readonly string[];
  reason: ReasonCode;
  poolReason: string | null;
  fields: Readonly<Record<string, LeadValue>>;
}

const EMPTY_FIELDS: Readonly<Record<string, LeadValue>> = Object.freeze({});

/** Interns values by a text key and hands out their table index. */
class InternTable<T> {
  readonly values: T[] = [];
  private readonly indexes = new Map<string, number>();

  indexOf(key: string, value: () => T): number {
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value());
      this.indexes.set(key, index);
    }
    return index;
  }
}

export class ResultColumns {
  count = 0;
  owners: Int32Array;
  nodes: Int32Array;
  routes: Int32Array;
  fields: Int32Array;
  reasons: Uint8Array;
  /** Lead ids that are not the lead's 1-based position, by position. */
  private readonly leadIds = new Map<number, string | number>();
  private readonly ownerTable = new InternTable<string>();
  private readonly nodeTable = new InternTable<string>();
  private readonly routeTable = new InternTable<readonly string[]>();
  private readonly fieldTable = new InternTable<Readonly<Record<string, LeadValue>>>();
  private readonly poolReasons = new Map<number, string | null>();

  constructor(capacity: number) {
    const size = Math.max(capacity, 1);
    this.owners = new Int32Array(size);
    this.nodes = new Int32Array(size);
    this.routes = new Int32Array(size);
    this.fields = new Int32Array(size);
    this.reasons = new Uint8Array(size);
    this.fieldTable.indexOf('{}', () => EMPTY_FIELDS);
  }

  /** Appends the results of leads that follow the ones already stored. */
  append(results: readonly StoredLeadResult[] | readonly LeadResult[]): void {
    this.ensureCapacity(this.count + results.length);
    for (const result of results) {
      const position = this.count;
      this.owners[position] =
        result.ownerId === null
          ? -1
          : this.ownerTable.indexOf(result.ownerId, () => result.ownerId as string);
      const node = this.nodeTable.indexOf(result.nodeId, () => result.nodeId);
      this.nodes[position] = node;
      if (result.reason === 'pool' && !this.poolReasons.has(node))
        this.poolReasons.set(node, result.poolReason);
      const routeKey = result.route.join('\u0001');
      this.routes[position] = this.routeTable.indexOf(routeKey, () =>
        Object.freeze([...result.route]),
      );
      const fieldKeys = Object.keys(result.fields);
      this.fields[position] =
        fieldKeys.length === 0
          ? 0
          : this.fieldTable.indexOf(JSON.stringify(result.fields), () =>
              Object.freeze({ ...result.fields }),
            );
      this.reasons[position] = REASON_CODES.indexOf(result.reason);
      if (result.leadId !== position + 1) this.leadIds.set(position, result.leadId);
      this.count += 1;
    }
  }

  /** The result of the lead at a 0-based position. */
  at(position: number): StoredLeadResult {
    const owner = this.owners[position] as number;
    const node = this.nodes[position] as number;
    const reason = REASON_CODES[this.reasons[position] as number] as ReasonCode;
    return {
      leadId: this.leadIds.get(position) ?? position + 1,
      ownerId: owner < 0 ? null : (this.ownerTable.values[owner] as string),
      nodeId: this.nodeTable.values[node] as string,
      route: this.routeTable.values[this.routes[position] as number] as readonly string[],
      reason,
      poolReason: reason === 'pool' ? (this.poolReasons.get(node) ?? null) : null,
      fields: this.fieldTable.values[this.fields[position] as number] as Readonly<
        Record<string, LeadValue>
      >,
    };
  }

  ownerIdAt(position: number): string | null {
    const owner = this.owners[position] as number;
    return owner < 0 ? null : (this.ownerTable.values[owner] as string);
  }

  nodeIdAt(position: number): string {
    return this.nodeTable.values[this.nodes[position] as number] as string;
  }

  reasonAt(position: number): ReasonCode {
    return REASON_CODES[this.reasons[position] as number] as ReasonCode;
  }

  /** Index of an owner id in the owner table, -1 when no lead went to it. */
  ownerIndexOf(ownerId: string): number {
    return this.ownerTable.values.indexOf(ownerId);
  }

  nodeIndexOf(nodeId: string): number {
    return this.nodeTable.values.indexOf(nodeId);
  }

  /** The fields nodes wrote, in the order they first appear among the leads. */
  writtenFields(): string[] {
    const seen = new Set<string>();
    const firstUse = new Int32Array(this.fieldTable.values.length).fill(-1);
    for (let position = 0; position < this.count; position += 1) {
      const index = this.fields[position] as number;
      if (index > 0 && firstUse[index] === -1) firstUse[index] = position;
    }
    const order = [...firstUse.keys()]
      .filter((index) => (firstUse[index] as number) >= 0)
      .sort((a, b) => (firstUse[a] as number) - (firstUse[b] as number));
    for (const index of order) {
      for (const field of Object.keys(this.fieldTable.values[index] as object)) seen.add(field);
    }
    return [...seen];
  }

  private ensureCapacity(size: number): void {
    if (size <= this.owners.length) return;
    const next = Math.max(size, this.owners.length * 2);
    this.owners = grow(this.owners, next, Int32Array);
    this.nodes = grow(this.nodes, next, Int32Array);
    this.routes = grow(this.routes, next, Int32Array);
    this.fields = grow(this.fields, next, Int32Array);
    this.reasons = grow(this.reasons, next, Uint8Array);
  }
}

function grow<T extends Int32Array | Uint8Array>(
  array: T,
  size: number,
  Kind: new (size: number) => T,
): T {
  const next = new Kind(size);
  next.set(array);
  return next;
}
