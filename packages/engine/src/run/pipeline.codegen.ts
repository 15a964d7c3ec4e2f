import {
  ParameterList,
  TEMPLATE_WORDS,
  conditionTemplateOf,
} from '../conditions/condition.codegen.js';
import type { CompiledTest } from '../conditions/index.js';
import type { Lead, LeadValue } from '../flow/flow.types.js';
import { readOwnField } from './field-access.js';
import { NodeKind, type Program, type ProgramNode } from './program.js';
import type { QuotaCounter } from './quota-counters.js';
import type { RepCounters, RepDayCounters } from './rep-roster.js';
import type { DedupRegistry } from './dedup-registry.js';

/**
 * Code generation of a pipeline's whole per-lead loop, one function per
 * pipeline. Each node's code is followed by the code of the nodes its
 * handles lead to (a switch over node indexes for pipelines with too many
 * paths), condition tests are inlined from their templates
 * (`condition.codegen.ts`), and the result columns are written directly.
 * It replaces the generic loop of the runner for runs without a trace, with
 * the same results byte for byte.
 *
 * Safety: the source is assembled only from the fixed templates in this file
 * and the condition templates, parameter names made up by `ParameterList`
 * (`p0`, `p1` …) and non-negative integers computed here (node indexes,
 * handle slots, counts). Every field name, value, label, node id and rep id
 * reaches the generated function as an argument value, never as source
 * text, and `isPipelineSourceSafe` checks the assembled source before it is
 * compiled. Where the host forbids `new Function`, no run is generated and
 * the runner keeps its generic loop.
 */

/** Per-node data of one run that the generated code reads (see the runner's node states). */
export interface GeneratedNodeState {
  readonly repIndexes: Int32Array;
  readonly weights: Float64Array;
  readonly current: Float64Array;
  readonly quota: QuotaCounter | null;
}

/** The input of a generated run: the leads, the result columns and the run's counters. */
export interface GeneratedRunContext {
  readonly leads: readonly Lead[];
  readonly owners: Int32Array;
  readonly endNodes: Int32Array;
  readonly routes: Int32Array;
  readonly reasons: Uint8Array;
  readonly fieldIds: Int32Array;
  readonly nodeStates: readonly GeneratedNodeState[];
  /** The counters of `now`'s day, used for every lead when `dayOf` is null. */
  readonly nowCounters: RepDayCounters;
  /** The counters of a lead's allocation day, or null when the run has no time field. */
  readonly dayOf: ((lead: Lead) => RepDayCounters) | null;
  readonly repCounters: RepCounters;
  readonly repIds: readonly string[];
  readonly dedup: DedupRegistry;
  /** Normalised dedup keys of the current lead; the dedup nodes append to it. */
  readonly leadKeys: string[];
  /** Records a score node's score (see the runner's `recordScore`) and returns the lead's fields id. */
  readonly recordScore: (nodeIndex: number, fieldsId: number, score: number) => number;
  /**
   * Runs a dedup node: returns the handle to leave by, or -1 when the lead
   * goes to its existing owner, whose rep index is then in `dedupOwner`.
   */
  readonly dedupAt: (nodeIndex: number, work: Lead) => number;
  dedupOwner: number;
  /** Leads that ended at each place (see GeneratedRun.places); empty by switch. */
  readonly placeCounts: Float64Array;
  /** Leads assigned per rep index, counted only when written path by path. */
  readonly repCounts: Float64Array;
  /** Runs a least-loaded node: the chosen rep's index, or -1 when no assignee is eligible. */
  readonly leastLoadedAt: (nodeIndex: number, day: RepDayCounters) => number;
}

/**
 * The places where leads end in a pipeline written path by path: for each,
 * the node, the reason, and the route id (learnt on first use).
 */
export interface PlaceTable {
  readonly count: number;
  readonly nodes: Int32Array;
  readonly reasons: Uint8Array;
  routeOf(place: number): number;
}

/** The per-lead loop of one pipeline, generated. */
export interface GeneratedRun {
  run(context: GeneratedRunContext): void;
  /**
   * Set when the pipeline is written path by path: the run then counts the
   * leads that end at each place (`placeCounts`) and per rep
   * (`repCounts`), from which the summary is made without another pass.
   */
  places: PlaceTable | null;
}

/** Most score rules whose matches index a table of fields ids (2^n slots per score node). */
const MAX_MASK_RULES = 12;

/** Characters a generated pipeline source may hold besides the templates' quoted words. */
const SAFE_PIPELINE_SOURCE = /^[A-Za-z0-9_ \n()[\]{};,.=!<>&|?:+\-*]*$/;

/** Checks that a generated pipeline source contains only template text, parameter names and integers. */
export function isPipelineSourceSafe(source: string): boolean {
  return SAFE_PIPELINE_SOURCE.test(source.replace(TEMPLATE_WORDS, ''));
}

/** Writes a non-negative integer computed by the generator (never a value from the flow). */
function int(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`A generated pipeline needs a non-negative integer, not ${String(value)}.`);
  }
  return String(value);
}

/** Options of {@link generatePipelineRun}. */
export interface PipelineCodegenOptions {
  /** The quota's bucket of a `per` value (the runner's `quotaValueOf` with the run's condition options). */
  quotaValue: (value: LeadValue | undefined) => string;
}

/**
 * Generates the per-lead loop of a compiled program, or returns null when
 * the host forbids generated code.
 */
export function generatePipelineRun(
  program: Program,
  options: PipelineCodegenOptions,
): GeneratedRun | null {
  const source = pipelineSource(program, options);
  if (!isPipelineSourceSafe(source.text)) {
    throw new Error('A generated pipeline source contains text outside the templates.');
  }

  try {
    // eslint-disable-next-line no-restricted-syntax -- the source holds template text, parameter names and integers only; every value from the pipeline is an argument.
    const factory = new Function(...source.parameters.names, source.text) as (
      ...values: unknown[]
    ) => GeneratedRun['run'];
    return { run: factory(...source.parameters.values), places: source.places };
  } catch (error) {
    // A Content Security Policy without 'unsafe-eval' makes `new Function` throw EvalError.
    if (!(error instanceof EvalError)) throw error;
    return null;
  }
}

/** The source of a generated run and the values its parameters receive. */
export interface PipelineSource {
  text: string;
  parameters: ParameterList;
  places: PlaceTable | null;
}

/** Assembles the source of a program's generated run; exported for the tests of its safety. */
export function pipelineSource(program: Program, options: PipelineCodegenOptions): PipelineSource {
  try {
    return assemble(program, options, true);
  } catch (error) {
    if (!(error instanceof TooManyPaths)) throw error;
    return assemble(program, options, false);
  }
}

/**
 * Thrown while writing a pipeline path by path when the paths hold more
 * nodes than MAX_INLINED_NODES, or a node is reached again on one path.
 */
class TooManyPaths extends Error {}

/**
 * Writes the run in one of two shapes. By paths (`inline`), each node's
 * code is followed by the code of the node each handle leads to. Every
 * place in the code then stands for one route from the source, so a lead's
 * route id is looked up once, where it ends. By switch, a loop runs a switch
 * with one case per node and takes each step in the route transition table;
 * it serves pipelines with too many paths.
 */
function assemble(
  program: Program,
  options: PipelineCodegenOptions,
  inline: boolean,
): PipelineSource {
  const parameters = new PipelineParameters();
  const writer = new SourceWriter(program, parameters, options);
  const nodes = program.nodes;
  const hasDedup = nodes.some((node) => node.kind === NodeKind.Dedup);

  const walk = inline
    ? `L: {\n${writer.body(nodes[0] as ProgramNode, [])}}\n`
    : `L: for (;;) {\nswitch (k) {\n${nodes
        .map((node) => `case ${int(node.index)}: {\n${writer.body(node, null)}}\n`)
        .join('')}}\n}\n`;
  const prelude = nodes.map((node) => writer.prelude(node)).join('') + parameters.declarations();
  // By paths, `r` is the place where the lead ended. Its route id is learnt
  // on first use, by walking the place's steps through the route trie.
  const route = inline ? `x = er[r];\nif (x < 0) x = ${writer.learnRoute}(r);\n` : 'x = r;\n';
  const resetKeys = hasDedup ? 'if (lk.length > 0) lk.length = 0;\n' : '';
  const registerKeys = hasDedup
    ? 'if (lk.length > 0) { y = o >= 0 ? ids[o] : null; ' +
      'for (let j = 0; j < lk.length; j++) dd.register(lk[j], y); }\n'
    : '';

  const text =
    `'use strict'; return function (c) {\n` +
    `const leads = c.leads, n = leads.length, ow = c.owners, en = c.endNodes, ro = c.routes, ` +
    `rn = c.reasons, fi = c.fieldIds, ns = c.nodeStates, now = c.nowCounters, dayOf = c.dayOf, ` +
    `rc = c.repCounters, ids = c.repIds, dd = c.dedup, lk = c.leadKeys, pc = c.placeCounts, ` +
    `oc = c.repCounts;\n` +
    `let T = ${writer.trie}.transitionTable;\n` +
    `const er = ${writer.endRoutes}.ids;\n` +
    prelude +
    `let v, x = 0, y = null, h = 0, s = 0, m = 0, lc = 0;\n` +
    `for (let i = 0; i < n; i++) {\n` +
    `lc++;\n` +
    `let d = leads[i];\n` +
    `if (typeof d !== 'object' || d === null) d = ${writer.emptyLead};\n` +
    `const ld = d;\n` +
    `const day = dayOf === null ? now : dayOf(ld);\n` +
    `let k = 0, r = 0, o = -1, e = 0, f = 0;\n` +
    resetKeys +
    walk +
    (inline
      ? `pc[r]++;\nif (o >= 0) { rc.add(o, day); oc[o]++; }\n`
      : `if (o >= 0) rc.add(o, day);\n`) +
    registerKeys +
    route +
    `ow[i] = o; en[i] = k; ro[i] = x; rn[i] = e; fi[i] = f;\n` +
    `}\n};`;
  const places = writer.seal();
  return { text, parameters, places: inline ? places : null };
}

/** Step slots taken from the source, or null when writing by switch. */
type Path = readonly number[] | null;

/** Tells whether a path (step slots) already passed through a node: a cycle. */
function onPath(program: Program, path: readonly number[], node: number): boolean {
  return node === 0 || path.some((slot) => program.slotNodes[slot] === node);
}

/**
 * Parameters of a generated run, which also share numeric field reads:
 * the first condition on a lead that reads a field as a number stores the
 * number in a variable of the run, and later conditions read the variable.
 * `lc` counts leads and changes of the lead (a score written into it), so
 * a stored number from another lead or an older lead is never used.
 */
class PipelineParameters extends ParameterList {
  private readonly reads = new Map<unknown, Map<string, number>>();
  private count = 0;

  override numericRead(key: string, parse: unknown, write: () => string): string {
    let byKey = this.reads.get(parse);
    if (byKey === undefined) {
      byKey = new Map();
      this.reads.set(parse, byKey);
    }
    let id = byKey.get(key);
    if (id === undefined) {
      id = this.count;
      this.count += 1;
      byKey.set(key, id);
    }
    const at = int(id);
    return `(g${at} === lc ? n${at} : ((g${at} = lc), (n${at} = ${write()})))`;
  }

  /** Declares the variables of the shared reads. */
  declarations(): string {
    let code = '';
    for (let id = 0; id < this.count; id += 1) code += `let n${int(id)} = 0, g${int(id)} = 0;\n`;
    return code;
  }
}

/** Most node codes a pipeline written by paths may hold; past it, the switch shape is used. */
const MAX_INLINED_NODES = 400;

// Reasons, as indexes into REASON_CODES (the runner's constants).
const ASSIGNED = 0;
const EXISTING_OWNER = 1;
const POOL = 2;
const NO_ROUTE = 3;

/** Writer of each node's code, with the parameters shared by all nodes. */
class SourceWriter {
  readonly trie: string;
  readonly emptyLead: string;
  /** By paths: the route id of each place where leads end, -1 until learnt. */
  readonly endRoutes: string;
  /** By paths: learns the route id of a place where leads end. */
  readonly learnRoute: string;
  private readonly ownField: string;
  private readonly quotaValue: string;
  private readonly width: number;
  /** By paths: the step slots of each place where leads end. */
  private readonly endSlots: (readonly number[])[] = [];
  private readonly endNodes: number[] = [];
  private readonly endReasons: number[] = [];
  private readonly learnPlace: (place: number) => number;
  private readonly endRouteIds: { ids: Int32Array } = { ids: new Int32Array(0) };
  private inlinedNodes = 0;

  constructor(
    private readonly program: Program,
    private readonly parameters: ParameterList,
    options: PipelineCodegenOptions,
  ) {
    this.trie = parameters.bind(program.routes);
    this.emptyLead = parameters.bind(Object.freeze({}));
    this.ownField = parameters.bind(readOwnField);
    this.quotaValue = parameters.bind(options.quotaValue);
    this.width = program.routes.width;

    // The table is made once the places are known (see `seal`); the
    // function that learns a route reads it through this holder.
    const holder = this.endRouteIds;
    const endSlots = this.endSlots;
    const routes = program.routes;
    this.endRoutes = parameters.bind(holder);
    this.learnPlace = (place: number): number => {
      let route = routes.root;
      for (const slot of endSlots[place] as readonly number[]) route = routes.next(route, slot);
      holder.ids[place] = route;
      return route;
    };
    this.learnRoute = parameters.bind(this.learnPlace);
  }

  /** Makes the tables of the places where leads end, once every place is known. */
  seal(): PlaceTable {
    const ids = new Int32Array(this.endSlots.length).fill(-1);
    this.endRouteIds.ids = ids;
    const learn = this.learnPlace;
    return {
      count: this.endSlots.length,
      nodes: Int32Array.from(this.endNodes),
      reasons: Uint8Array.from(this.endReasons),
      routeOf: (place) => {
        const route = ids[place] as number;
        return route >= 0 ? route : learn(place);
      },
    };
  }

  /** Per-run locals of a node, read once before the loop. */
  prelude(node: ProgramNode): string {
    const k = int(node.index);
    switch (node.kind) {
      case NodeKind.Score:
        if (node.conditions.length > MAX_MASK_RULES) return '';
        return `const mk${k} = new Int32Array(${int(2 ** node.conditions.length)}).fill(-1);\n`;
      case NodeKind.Quota:
        return `const q${k} = ns[${k}].quota;\n`;
      case NodeKind.RoundRobin:
        return `const ri${k} = ns[${k}].repIndexes, w${k} = ns[${k}].weights, cw${k} = ns[${k}].current;\n`;
      case NodeKind.Assign:
        return `const a${k} = ns[${k}].repIndexes[0];\n`;
      default:
        return '';
    }
  }

  /**
   * Writes the code of one node. Every path through it ends with `break L`
   * (the lead ends) or, by switch, `continue L` (the next node). `path` lists
   * the step slots taken from the source, or is null when writing by switch.
   */
  body(node: ProgramNode, path: Path): string {
    if (path !== null) {
      this.inlinedNodes += 1;
      if (this.inlinedNodes > MAX_INLINED_NODES) throw new TooManyPaths();
    }

    switch (node.kind) {
      case NodeKind.Source:
        return this.leave(node, 0, path);
      case NodeKind.Filter:
        return (
          `if (${this.test(node.condition as CompiledTest)}) {\n${this.leave(node, 0, path)}}\n` +
          this.leave(node, 1, path)
        );
      case NodeKind.Score:
        return this.score(node, path);
      case NodeKind.Branch:
        return (
          node.conditions
            .map((test, item) => `if (${this.test(test)}) {\n${this.leave(node, item, path)}}\n`)
            .join('') + this.leave(node, node.conditions.length, path)
        );
      case NodeKind.RegionSplit:
        return this.regionSplit(node, path);
      case NodeKind.Quota:
        return this.quota(node, path);
      case NodeKind.Dedup:
        return (
          `h = c.dedupAt(${int(node.index)}, d);\n` +
          `if (h < 0) { o = c.dedupOwner; ${this.end(node, path, EXISTING_OWNER)}}\n` +
          `if (h === 0) {\n${this.leave(node, 0, path)}}\n` +
          this.leave(node, 1, path)
        );
      case NodeKind.RoundRobin:
        return this.roundRobin(node, path);
      case NodeKind.LeastLoaded:
        return (
          `x = c.leastLoadedAt(${int(node.index)}, day);\n` +
          `if (x >= 0) { o = x; ${this.end(node, path, ASSIGNED)}}\n` +
          this.leave(node, 0, path)
        );
      case NodeKind.Assign: {
        const rep = `a${int(node.index)}`;
        return (
          `if (${rep} >= 0 && day.room[${rep}] > 0) { o = ${rep}; ${this.end(node, path, ASSIGNED)}}\n` +
          this.leave(node, 0, path)
        );
      }
      case NodeKind.Pool:
        return this.end(node, path, POOL);
    }
  }

  /**
   * Ends the lead at a node. By paths, it records the place (the steps
   * taken) and leaves its number in `r`, and the node's index in `k`.
   */
  private end(node: ProgramNode, path: Path, reason: number): string {
    const setReason = reason === ASSIGNED ? '' : `e = ${int(reason)}; `;
    if (path === null) return `${setReason}break L;\n`;
    this.endSlots.push(path);
    this.endNodes.push(node.index);
    this.endReasons.push(reason);
    return `${setReason}k = ${int(node.index)}; r = ${int(this.endSlots.length - 1)}; break L;\n`;
  }

  /**
   * Takes a handle. By paths: the code of the next node follows, or the
   * lead ends when the handle is not connected. By switch: the route's next
   * id from the transition table, then the next node's case or the end.
   */
  private leave(node: ProgramNode, handle: number, path: Path): string {
    const slot = node.handleSlot + handle;
    const target = node.targets[handle] ?? -1;
    if (path !== null) {
      const next = [...path, slot];
      if (target < 0) return this.end(node, next, NO_ROUTE);
      if (onPath(this.program, path, target)) {
        throw new TooManyPaths();
      }
      return this.body(this.program.nodes[target] as ProgramNode, next);
    }

    const route =
      `x = T[r * ${int(this.width)} + ${int(slot)}];\n` +
      `if (x < 0) { x = ${this.trie}.next(r, ${int(slot)}); T = ${this.trie}.transitionTable; }\n` +
      `r = x;\n`;
    if (target < 0) return `${route}e = ${int(NO_ROUTE)}; break L;\n`;
    return `${route}k = ${int(target)}; continue L;\n`;
  }

  /** Writes a condition test on the current lead `d`: its template inlined, or a call of the compiled test. */
  private test(test: CompiledTest): string {
    const template = conditionTemplateOf(test as (data: unknown) => boolean);
    if (template !== undefined) return template(this.parameters);
    return `${this.parameters.bind(test)}(d)`;
  }

  /** Reads the node's field from the current lead, with the own-property check where needed. */
  private read(node: ProgramNode): string {
    const field = this.parameters.bind(node.field);
    return node.fieldChecked ? `${this.ownField}(d, ${field})` : `d[${field}]`;
  }

  private score(node: ProgramNode, path: Path): string {
    const k = int(node.index);
    const masked = node.conditions.length <= MAX_MASK_RULES;
    let code = `s = ${this.parameters.bind(node.base)};\n${masked ? 'm = 0;\n' : ''}`;
    node.conditions.forEach((test, rule) => {
      const points = this.parameters.bind(node.points[rule]);
      const mark = masked ? ` m |= ${int(2 ** rule)};` : '';
      code += `if (${this.test(test)}) { s += ${points};${mark} }\n`;
    });

    // A lead's first score is looked up by the rules it matched, which fix
    // the score; the first lead with those matches records it.
    code += masked
      ? `if (f === 0) { x = mk${k}[m]; if (x < 0) { x = c.recordScore(${k}, 0, s); mk${k}[m] = x; } f = x; }\n` +
        `else f = c.recordScore(${k}, f, s);\n`
      : `f = c.recordScore(${k}, f, s);\n`;
    if (node.writesReadField) {
      code += `if (d === ld) d = { ...ld };\nd[${this.parameters.bind(node.field)}] = s;\nlc++;\n`;
    }
    return code + this.leave(node, 0, path);
  }

  private regionSplit(node: ProgramNode, path: Path): string {
    const handleOf = this.parameters.bind(node.regionHandle);
    const regions = node.itemIds.length;
    let code = `switch (${handleOf}(${this.read(node)})) {\n`;
    for (let handle = 0; handle < regions; handle += 1) {
      code += `case ${int(handle)}: {\n${this.leave(node, handle, path)}}\n`;
    }
    return `${code}default: {\n${this.leave(node, regions, path)}}\n}\n`;
  }

  private quota(node: ProgramNode, path: Path): string {
    const period =
      node.period === 'day'
        ? 'day.periods.day'
        : node.period === 'week'
          ? 'day.periods.week'
          : node.period === 'month'
            ? 'day.periods.month'
            : this.parameters.bind('total');
    const value =
      node.field === '' ? this.parameters.bind('') : `${this.quotaValue}(${this.read(node)})`;
    const limit = this.parameters.bind(node.limit);
    return (
      `if (q${int(node.index)}.take(${period}, ${value}, ${limit}) >= ${limit}) {\n` +
      `${this.leave(node, 1, path)}}\n${this.leave(node, 0, path)}`
    );
  }

  /** Smooth weighted round robin, as the runner's `pickRoundRobin`, with the owner written directly. */
  private roundRobin(node: ProgramNode, path: Path): string {
    const k = int(node.index);
    return (
      `{ const room = day.room; let t = 0, b = -1;\n` +
      `for (let a = 0; a < ${int(node.repIds.length)}; a++) {\n` +
      `const rep = ri${k}[a];\n` +
      `if (rep < 0 || !(room[rep] > 0)) continue;\n` +
      `const w = w${k}[a], nx = cw${k}[a] + w;\n` +
      `cw${k}[a] = nx; t += w;\n` +
      `if (b < 0 || nx > cw${k}[b]) b = a;\n` +
      `}\n` +
      `if (b >= 0) { cw${k}[b] = cw${k}[b] - t; o = ri${k}[b]; ${this.end(node, path, ASSIGNED)}} }\n` +
      this.leave(node, 0, path)
    );
  }
}
