import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';
import { prepareOnPostgres } from './postgres-statements.js';
import type { Database } from './schema.js';

/**
 * A placeholder for a query parameter, read from the values of each call.
 * Kysely keeps it in the compiled query's parameter list like any value.
 */
class Slot {
  constructor(readonly read: (values: Record<string, unknown>) => unknown) {}
}

/** Slots that a query is built with. A list gets one slot per item of the call's list. */
export interface Slots<V> {
  /** The value named `name`. */
  value<K extends keyof V>(name: K): V[K];
  /** One slot per item of the list named `name`, for `in (…)`. */
  list<K extends ListKeys<V>>(name: K): V[K];
  /**
   * One record of slots per item of the list of rows named `name`, for a
   * multi-row insert: a slot for each of `columns`, read from the row's
   * property of that name (which must not be undefined).
   */
  rows<K extends ListKeys<V>>(name: K, columns: readonly string[]): V[K];
}

type ListKeys<V> = { [K in keyof V]: V[K] extends readonly unknown[] ? K : never }[keyof V];

/**
 * A query that is built and compiled once per database and shape (the
 * length of each list it takes), then run with each call's values.
 * Building and compiling a query with Kysely costs more CPU than running
 * a small one on SQLite, and the allocation path runs the same handful of
 * queries on every request.
 *
 * `build` gets only slots, never the values, so that no value of one call
 * can end up fixed in the SQL of the next: constants may be written as
 * they are, everything else comes from a slot.
 */
export class PreparedQuery<V extends Record<string, unknown>, R> {
  private readonly compiled = new WeakMap<DialectAdapter, Map<string, CompiledQuery<R>>>();

  constructor(private readonly build: (db: Kysely<Database>, slots: Slots<V>) => Compilable<R>) {}

  /** Runs the query on `db` (a database, connection or transaction) with `values`. */
  async execute(db: Kysely<Database>, values: V): Promise<QueryResult<R>> {
    const compiled = this.compiledFor(db, values);
    const parameters = compiled.parameters.map((parameter) =>
      parameter instanceof Slot ? parameter.read(values) : parameter,
    );
    return db.executeQuery<R>({ ...compiled, parameters });
  }

  /** Runs the query and returns its rows. */
  async rows(db: Kysely<Database>, values: V): Promise<R[]> {
    return (await this.execute(db, values)).rows;
  }

  /** Runs the query and returns its first row, or undefined. */
  async first(db: Kysely<Database>, values: V): Promise<R | undefined> {
    return (await this.execute(db, values)).rows[0];
  }

  private compiledFor(db: Kysely<Database>, values: V): CompiledQuery<R> {
    const adapter = db.getExecutor().adapter;
    let shapes = this.compiled.get(adapter);
    if (shapes === undefined) {
      shapes = new Map();
      this.compiled.set(adapter, shapes);
    }

    const shape = shapeOf(values);
    let compiled = shapes.get(shape);
    if (compiled === undefined) {
      compiled = this.build(db, slotsFor(values)).compile();
      // A text without lists is the same on every call: worth naming on PostgreSQL.
      if (shape === '') prepareOnPostgres(compiled.sql);
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(shape, compiled);
    }
    return compiled;
  }
}

/** Compiled shapes kept per query and database, more than a batch of 1,000 leads makes. */
const MAX_SHAPES = 1024;

/** Returns the lengths of the lists among `values`, because the SQL depends on them. */
function shapeOf(values: Record<string, unknown>): string {
  let shape = '';
  for (const name in values) {
    const value = values[name];
    if (Array.isArray(value)) shape += `${name}:${value.length};`;
  }
  return shape;
}

function slotsFor<V extends Record<string, unknown>>(values: V): Slots<V> {
  const lengthOf = (name: keyof V): number => (values[name] as readonly unknown[]).length;
  return {
    value: (name) => new Slot((call) => call[name as string]) as never,
    list: (name) =>
      Array.from(
        { length: lengthOf(name) },
        (_, index) => new Slot((call) => (call[name as string] as unknown[])[index]),
      ) as never,
    rows: (name, columns) =>
      Array.from({ length: lengthOf(name) }, (_, index) =>
        Object.fromEntries(
          columns.map((column) => [
            column,
            new Slot(
              (call) => (call[name as string] as Record<string, unknown>[])[index]?.[column],
            ),
          ]),
        ),
      ) as never,
  };
}
