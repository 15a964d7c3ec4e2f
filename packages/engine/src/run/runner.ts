import { isEmptyValue, type CompiledTest, type ConditionOptions } from '../conditions/index.js';
import type { Pipeline } from '../compile/pipeline.types.js';
import type { AllocationState } from '../state/state.schema.js';
import { parsePipeline } from '../compile/pipeline.schema.js';
import { dedupKeyOf } from '../dedup/dedup-keys.js';
import type { Lead, LeadValue } from '../flow/flow.types.js';
import { COUNTER_RETENTION_DAYS } from '../state/period-retention.js';
import { toProvince } from '../regions/index.js';
import { toComparableText } from '../text/index.js';
import {
  createZonedCalendar,
  isValidTimeZone,
  type PeriodContext,
  type ZonedCalendar,
} from '../time/zoned-calendar.js';
import { DedupRegistry } from './dedup-registry.js';
import { EngineInputError } from './engine-input.error.js';
import { readField } from './field-access.js';
import { buildProgram, NodeKind, type Program, type ProgramNode } from './program.js';
import { QuotaCounter } from './quota-counters.js';
import { RepCounters, RepRoster, RepStatus, type RepDayCounters } from './rep-roster.js';
import { prepareRunInput } from './run-input.js';
import { leadResultsOf } from './lead-columns.js';
import type {
  CandidateTrace,
  DedupMatchTrace,
  LeadColumns,
  LeadTrace,
  RunColumnsResult,
  RunInput,
  RunnerOptions,
  RunResult,
  RunDeltaResult,
  TraceStep,
} from './run.types.js';
import { buildStateOutput } from './state-output.js';
import { buildSummary, emptyTally, type RunTally } from './run-summary.js';
import {
  generatePipelineRun,
  type GeneratedRun,
  type GeneratedRunContext,
  type PlaceTable,
} from './pipeline.codegen.js';

/** A compiled pipeline, ready to run batches of leads. */
export interface Runner {
  readonly pipeline: Pipeline;
  /**
   * Runs leads through the pipeline in input order and returns one result
   * per lead, the summary, the new state and its delta. Pure: the same input
   * gives the same output, byte for byte. Throws an EngineInputError when the
   * team, existing owners, state or `now` are invalid.
   */
  run(input: RunInput): RunResult;
  /**
   * Runs like {@link run} but returns the delta without the new state: for
   * hosts that store the state as rows and write only what changed (the
   * server). It skips copying every entry of the input state into a new one.
   */
  runDelta(input: RunInput): RunDeltaResult;
  /**
   * Runs like {@link run} but returns the per-lead results as columns,
   * without an object per lead: for large batches (simulation of a whole
   * dataset, the CLI) that read the results once or page through them.
   */
  runColumns(input: RunInput): RunColumnsResult;
}

const EMPTY_FIELDS: Readonly<Record<string, LeadValue>> = Object.freeze({});
const EMPTY_LEAD: Lead = Object.freeze({});
const NO_WEIGHTS = new Float64Array(0);
const NO_REPS = new Int32Array(0);

// Indexes into REASON_CODES.
const ASSIGNED = 0;
const EXISTING_OWNER = 1;
const POOL = 2;
const NO_ROUTE = 3;

/** Ends a lead at its node without leaving by a handle. */
const ENDED = -1;

/**
 * Prepares a pipeline for running: checks its structure, compiles each
 * condition and region table once, and returns a {@link Runner}. Throws an
 * EngineInputError for a pipeline that does not match its schema.
 */
export function createRunner(pipeline: Pipeline, options: RunnerOptions = {}): Runner {
  const checked = parsePipeline(pipeline);
  if (!isValidTimeZone(checked.timezone)) {
    throw new EngineInputError(`Unknown time zone "${checked.timezone}"`, [
      { path: 'timezone', message: 'expected an IANA time zone such as Asia/Shanghai' },
    ]);
  }

  const conditionOptions = options.conditionOptions;
  const program = buildProgram(checked, conditionOptions);
  const calendar = createZonedCalendar(checked.timezone);
  const generated =
    options.codegen === false || conditionOptions?.codegen === false
      ? null
      : generatePipelineRun(program, {
          quotaValue: (value) => quotaValueOf(value, conditionOptions),
        });
  const runColumns = (input: RunInput) =>
    runProgram(program, generated, calendar, conditionOptions, input, true) as RunColumnsResult;
  return {
    pipeline: checked,
    runColumns,
    run: (input) => {
      const { columns, summary, state, delta } = runColumns(input);
      return { results: leadResultsOf(columns), summary, state, delta };
    },
    runDelta: (input) => {
      const run = runProgram(program, generated, calendar, conditionOptions, input, false);
      return { results: leadResultsOf(run.columns), summary: run.summary, delta: run.delta };
    },
  };
}

/** Per-node data of one run, aligned with the program's nodes. */
interface RunNodeState {
  /** Score: the index in the run's fields table of each score written alone. */
  scoreIds: Map<number, number> | null;
  /** Rep index of each assignee, -1 when the team lacks the rep. */
  repIndexes: Int32Array;
  /** Round robin: weight and current weight of each assignee. */
  weights: Float64Array;
  current: Float64Array;
  quota: QuotaCounter | null;
}

function runProgram(
  program: Program,
  generated: GeneratedRun | null,
  calendar: ZonedCalendar,
  conditionOptions: ConditionOptions | undefined,
  input: RunInput,
  includeState: boolean,
): Omit<RunColumnsResult, 'state'> & { state: AllocationState | null } {
  const prepared = prepareRunInput(input, calendar);
  const { leads, state, nowMs, timeField, trace } = prepared;
  const nodes = program.nodes;

  const roster = new RepRoster(prepared.reps);
  const repCounters = new RepCounters(roster, state.assigned);
  const dedup = new DedupRegistry(state.dedup, prepared.owners);
  const nodeStates = nodes.map((node) => createNodeState(node, roster, state));

  let duplicatesFound = 0;

  // Without a time field every lead uses this one day, whose room stays exact.
  const nowCounters = repCounters.at(calendar.periodsAt(nowMs));
  const timeFieldChecked = timeField !== null;
  let lastTimeText: string | null = null;
  let lastTime: number | null = null;

  const count = leads.length;
  const owners = new Int32Array(count);
  const endNodes = new Int32Array(count);
  const routeColumn = new Int32Array(count);
  const routes = program.routes;
  const reasons = new Uint8Array(count);
  const fieldIds = new Int32Array(count);
  const fieldsTable: Readonly<Record<string, LeadValue>>[] = [EMPTY_FIELDS];
  const traces: LeadTrace[] | null = trace ? [] : null;
  const leadKeys: string[] = [];

  let tally: RunTally | undefined;
  if (generated !== null && traces === null) {
    const dedupAt = (nodeIndex: number, work: Lead): number => {
      const found = dedupLead(nodes[nodeIndex] as ProgramNode, work, leadKeys, dedup, roster);
      if (found.duplicate) duplicatesFound += 1;
      context.dedupOwner = found.ownerRep;
      return found.handle;
    };
    const context: GeneratedRunContext = {
      leads,
      owners,
      endNodes,
      routes: routeColumn,
      reasons,
      fieldIds,
      nodeStates,
      nowCounters,
      dayOf:
        timeField === null
          ? null
          : (lead) => {
              const raw = readField(lead, timeField, timeFieldChecked);
              let parsed: number | null = null;
              if (typeof raw === 'string') {
                if (raw !== lastTimeText) {
                  lastTimeText = raw;
                  lastTime = calendar.parseTime(raw);
                }
                parsed = lastTime;
              }
              return parsed === null
                ? repCounters.at(nowCounters.periods)
                : repCounters.at(calendar.periodsAt(parsed));
            },
      repCounters,
      repIds: roster.ids,
      dedup,
      leadKeys,
      recordScore: (nodeIndex, fieldsId, score) =>
        recordScore(
          nodes[nodeIndex] as ProgramNode,
          (nodeStates[nodeIndex] as RunNodeState).scoreIds,
          fieldsId,
          score,
          fieldsTable,
        ),
      dedupAt,
      dedupOwner: -1,
      placeCounts: new Float64Array(generated.places?.count ?? 0),
      repCounts: new Float64Array(generated.places === null ? 0 : roster.ids.length),
      leastLoadedAt: (nodeIndex, day) => {
        const nodeState = nodeStates[nodeIndex] as RunNodeState;
        const chosen = pickLeastLoaded(nodeState, roster, day);
        return chosen < 0 ? -1 : (nodeState.repIndexes[chosen] as number);
      },
    };
    generated.run(context);
    if (generated.places !== null) {
      tally = tallyPlaces(generated.places, context.placeCounts, context.repCounts, program);
    }
  } else {
    for (let position = 0; position < leads.length; position += 1) {
      const lead = leadAt(leads, position);

      // Allocation time: `now`, or the lead's time field when it reads as a time.
      let day: RepDayCounters = nowCounters;
      let at = nowMs;
      let timeSource: LeadTrace['timeSource'] = 'now';
      if (timeField !== null) {
        const raw = readField(lead, timeField, timeFieldChecked);
        let parsed: number | null = null;
        if (typeof raw === 'string') {
          if (raw !== lastTimeText) {
            lastTimeText = raw;
            lastTime = calendar.parseTime(raw);
          }
          parsed = lastTime;
        }
        if (parsed === null) {
          timeSource = 'fallback';
          // Leads of other days may have changed counts that this day shares.
          day = repCounters.at(nowCounters.periods);
        } else {
          at = parsed;
          timeSource = 'field';
          day = repCounters.at(calendar.periodsAt(parsed));
        }
      }

      let work = lead;
      let fieldsId = 0;
      let route = routes.root;
      const steps: TraceStep[] | null = trace ? [] : null;
      let ownerIndex = -1;
      let reason = ASSIGNED;
      if (leadKeys.length > 0) leadKeys.length = 0;

      let index = 0;
      let node = nodes[0] as ProgramNode;
      for (;;) {
        node = nodes[index] as ProgramNode;
        let handle = 0;

        // The case labels are literals because V8 (Node 20) dispatches literal
        // Smi labels through a jump table and compares labels such as
        // NodeKind.X one by one.
        switch (node.kind) {
          case 0: // NodeKind.Source
            if (steps !== null)
              steps.push({ type: 'source', nodeId: node.id, handle: node.handles[0] as string });
            break;

          case 1: {
            // NodeKind.Filter
            const matched = (node.condition as CompiledTest)(work);
            handle = matched ? 0 : 1;
            if (steps !== null) {
              steps.push({
                type: 'filter',
                nodeId: node.id,
                handle: node.handles[handle] as string,
                matched,
              });
            }
            break;
          }

          case 2: {
            // NodeKind.Score
            const conditions = node.conditions;
            let score = node.base;
            const matchedRules = steps === null ? null : ([] as boolean[]);
            for (let rule = 0; rule < conditions.length; rule += 1) {
              const matched = (conditions[rule] as CompiledTest)(work);
              if (matched) score += node.points[rule] as number;
              if (matchedRules !== null) matchedRules.push(matched);
            }
            fieldsId = recordScore(
              node,
              (nodeStates[index] as RunNodeState).scoreIds,
              fieldsId,
              score,
              fieldsTable,
            );
            if (node.writesReadField) {
              if (work === lead) work = { ...lead };
              work[node.field] = score;
            }
            if (steps !== null && matchedRules !== null)
              steps.push(scoreStep(node, score, matchedRules));
            break;
          }

          case 3: {
            // NodeKind.Branch
            const conditions = node.conditions;
            handle = conditions.length;
            for (let item = 0; item < conditions.length; item += 1) {
              if ((conditions[item] as CompiledTest)(work)) {
                handle = item;
                break;
              }
            }
            if (steps !== null) {
              steps.push({
                type: 'branch',
                nodeId: node.id,
                handle: node.handles[handle] as string,
                caseId: node.itemIds[handle] ?? null,
                caseLabel: node.itemLabels[handle] ?? null,
              });
            }
            break;
          }

          case 4: {
            // NodeKind.RegionSplit
            const value = readField(work, node.field, node.fieldChecked);
            handle = node.regionHandle(value);
            if (steps !== null) steps.push(regionStep(node, handle, value));
            break;
          }

          case 5: {
            // NodeKind.Quota
            const counter = (nodeStates[index] as RunNodeState).quota as QuotaCounter;
            const period = periodKeyOf(node.period, day.periods);
            const value =
              node.field === ''
                ? ''
                : quotaValueOf(readField(work, node.field, node.fieldChecked), conditionOptions);
            const used = counter.take(period, value, node.limit);
            if (used >= node.limit) handle = 1;
            if (steps !== null) {
              steps.push({
                type: 'quota',
                nodeId: node.id,
                handle: node.handles[handle] as string,
                period,
                perValue: node.field === '' ? null : value,
                used,
                limit: node.limit,
              });
            }
            break;
          }

          case 6: {
            // NodeKind.Dedup
            const found = dedupLead(node, work, leadKeys, dedup, roster);
            handle = found.handle;
            if (found.duplicate) duplicatesFound += 1;
            if (handle === ENDED) {
              ownerIndex = found.ownerRep;
              reason = EXISTING_OWNER;
            }
            if (steps !== null) {
              steps.push(
                dedupStep(
                  node,
                  handle,
                  leadKeys.slice(found.keyStart),
                  dedup,
                  found.duplicate ? found.ownerId : null,
                  found.ownerActive,
                ),
              );
            }
            break;
          }

          case 7: // NodeKind.RoundRobin
          case 8: {
            // NodeKind.LeastLoaded
            const nodeState = nodeStates[index] as RunNodeState;
            const roundRobin = node.kind === 7;
            const chosen = roundRobin
              ? pickRoundRobin(nodeState, day)
              : pickLeastLoaded(nodeState, roster, day);
            if (chosen < 0) handle = 0;
            else {
              handle = ENDED;
              ownerIndex = nodeState.repIndexes[chosen] as number;
            }
            if (steps !== null)
              steps.push(assignerStep(node, nodeState, roster, day, chosen, roundRobin));
            break;
          }

          case 9: {
            // NodeKind.Assign
            const nodeState = nodeStates[index] as RunNodeState;
            const rep = nodeState.repIndexes[0] as number;
            const chosen = rep >= 0 && (day.room[rep] as number) > 0 ? 0 : -1;
            if (chosen < 0) handle = 0;
            else {
              handle = ENDED;
              ownerIndex = rep;
            }
            if (steps !== null)
              steps.push(assignerStep(node, nodeState, roster, day, chosen, false));
            break;
          }

          case 10: // NodeKind.Pool
            handle = ENDED;
            reason = POOL;
            if (steps !== null)
              steps.push({ type: 'pool', nodeId: node.id, handle: null, reason: node.poolReason });
            break;
        }

        if (handle === ENDED) break;
        route = routes.next(route, node.handleSlot + handle);
        const next = node.targets[handle] as number;
        if (next < 0) {
          reason = NO_ROUTE;
          break;
        }
        index = next;
      }

      let ownerId: string | null = null;
      if (ownerIndex >= 0) {
        ownerId = roster.ids[ownerIndex] as string;
        repCounters.add(ownerIndex, day);
      }
      for (let key = 0; key < leadKeys.length; key += 1)
        dedup.register(leadKeys[key] as string, ownerId);

      owners[position] = ownerIndex;
      endNodes[position] = index;
      routeColumn[position] = route;
      reasons[position] = reason;
      fieldIds[position] = fieldsId;
      if (traces !== null && steps !== null) {
        traces[position] = {
          time: new Date(at).toISOString(),
          timeSource,
          day: day.periods.day,
          steps,
        };
      }
    }
  }

  const cutoffDay = calendar.periodsAt(nowMs).dayNumber - COUNTER_RETENTION_DAYS;
  const { state: nextState, delta } = buildStateOutput(
    {
      input: state,
      nodes,
      roster,
      repCounters,
      quotas: nodeStates.map((nodeState) => nodeState.quota),
      currentWeights: nodeStates.map((nodeState) => nodeState.current),
      dedup,
      cutoffDay,
    },
    includeState,
  );

  const columns: LeadColumns = {
    count,
    leadIdAt: (index) => leadIdOf(leadAt(leads, index), index),
    owners,
    repIds: roster.ids,
    nodes: endNodes,
    nodeIds: program.nodeIds,
    poolReasons: program.poolReasons,
    routes: routeColumn,
    routeTable: routes.table,
    reasons,
    fieldIds,
    fieldsTable,
    traces,
  };
  const summary = buildSummary(columns, program, duplicatesFound, tally);
  return { columns, summary, state: nextState, delta };
}

function createNodeState(
  node: ProgramNode,
  roster: RepRoster,
  state: RunInput['state'] & object,
): RunNodeState {
  const repIndexes =
    node.repIds.length === 0
      ? NO_REPS
      : Int32Array.from(node.repIds, (repId) => roster.indexOf(repId));
  if (node.kind !== NodeKind.RoundRobin) {
    return {
      scoreIds: node.kind === NodeKind.Score ? new Map() : null,
      repIndexes,
      weights: NO_WEIGHTS,
      current: NO_WEIGHTS,
      quota: node.kind === NodeKind.Quota ? new QuotaCounter(state.quota[node.id]) : null,
    };
  }

  // An assignee's weight overrides the rep's; a rep outside the team never
  // takes part, so its weight does not matter.
  const weights = Float64Array.from(node.repIds, (_, assignee) => {
    const own = node.weights[assignee];
    if (own !== null && own !== undefined) return own;
    const rep = repIndexes[assignee] as number;
    return rep >= 0 ? (roster.weight[rep] as number) : 1;
  });
  const saved = state.roundRobin[node.id] ?? {};
  const current = Float64Array.from(node.repIds, (repId) => saved[repId] ?? 0);
  return { scoreIds: null, repIndexes, weights, current, quota: null };
}

/** Makes a run's tally from the leads a generated run counted per place where they ended and per rep. */
function tallyPlaces(
  places: PlaceTable,
  placeCounts: Float64Array,
  repCounts: Float64Array,
  program: Program,
): RunTally {
  // Learn every route first: the tally's route table must hold them all.
  const routes = Int32Array.from({ length: places.count }, (_, place) =>
    (placeCounts[place] as number) > 0 ? places.routeOf(place) : -1,
  );
  const tally = emptyTally(program, repCounts.length);
  tally.repCounts.set(repCounts);
  for (let place = 0; place < places.count; place += 1) {
    const count = placeCounts[place] as number;
    if (count === 0) continue;

    const reason = places.reasons[place] as number;
    tally.reasonCounts[reason] = (tally.reasonCounts[reason] as number) + count;
    const route = routes[place] as number;
    tally.routeCounts[route] = (tally.routeCounts[route] as number) + count;
    if (reason !== NO_ROUTE) {
      const node = places.nodes[place] as number;
      tally.nodeCounts[node] = (tally.nodeCounts[node] as number) + count;
    }
  }
  return tally;
}

/** A dedup node's finding for one lead. */
interface DedupFinding {
  /** Index of this node's first key for the lead in the run's list of the lead's keys. */
  keyStart: number;
  duplicate: boolean;
  ownerId: string | null;
  ownerRep: number;
  ownerActive: boolean;
  /** 0 (new), 1 (duplicate) or ENDED when the lead goes to its active existing owner. */
  handle: number;
}

/**
 * Runs a dedup node on a lead: appends the lead's normalised keys to
 * `leadKeys` and looks them up. The owner is the first known key's owner.
 */
function dedupLead(
  node: ProgramNode,
  work: Lead,
  leadKeys: string[],
  dedup: DedupRegistry,
  roster: RepRoster,
): DedupFinding {
  const keyStart = leadKeys.length;
  const keyTypes = node.dedupKeys;
  for (let key = 0; key < keyTypes.length; key += 1) {
    const type = keyTypes[key] as 'phone' | 'email' | 'company';
    const normalised = dedupKeyOf(
      type,
      readField(work, type, node.dedupFieldChecked[key] as boolean),
    );
    if (normalised !== null) leadKeys.push(normalised);
  }

  let duplicate = false;
  let ownerId: string | null = null;
  for (let key = keyStart; key < leadKeys.length; key += 1) {
    const normalised = leadKeys[key] as string;
    if (!dedup.has(normalised)) continue;
    duplicate = true;
    if (ownerId === null) ownerId = dedup.ownerOf(normalised);
  }

  const ownerRep = ownerId === null ? -1 : roster.indexOf(ownerId);
  const ownerActive = roster.isActive(ownerRep);
  let handle = 0;
  if (duplicate) handle = node.assignExistingOwner && ownerActive ? ENDED : 1;
  return { keyStart, duplicate, ownerId, ownerRep, ownerActive, handle };
}

/**
 * Smooth weighted round robin (as nginx does it): every eligible assignee
 * adds its weight to its current weight, the highest current weight wins
 * (ties to list order), and the winner subtracts the sum of the eligible
 * weights. Ineligible assignees keep their current weight. Returns the
 * chosen assignee's position, or -1 when none is eligible.
 */
function pickRoundRobin(nodeState: RunNodeState, day: RepDayCounters): number {
  const { repIndexes, weights, current } = nodeState;
  const room = day.room;
  let total = 0;
  let best = -1;
  for (let assignee = 0; assignee < repIndexes.length; assignee += 1) {
    const rep = repIndexes[assignee] as number;
    if (rep < 0 || !((room[rep] as number) > 0)) continue;

    const weight = weights[assignee] as number;
    const next = (current[assignee] as number) + weight;
    current[assignee] = next;
    total += weight;
    if (best < 0 || next > (current[best] as number)) best = assignee;
  }

  if (best >= 0) current[best] = (current[best] as number) - total;
  return best;
}

/**
 * Returns the eligible assignee with the lowest load (open leads plus leads
 * assigned on the allocation date), ties to list order, or -1 when no
 * assignee is eligible.
 */
function pickLeastLoaded(nodeState: RunNodeState, roster: RepRoster, day: RepDayCounters): number {
  const repIndexes = nodeState.repIndexes;
  let best = -1;
  let bestLoad = Infinity;
  for (let assignee = 0; assignee < repIndexes.length; assignee += 1) {
    const rep = repIndexes[assignee] as number;
    if (rep < 0 || !((day.room[rep] as number) > 0)) continue;

    const load = (roster.openLeads[rep] as number) + (day.day[rep] as number);
    if (load < bestLoad) {
      best = assignee;
      bestLoad = load;
    }
  }
  return best;
}

function periodKeyOf(period: ProgramNode['period'], periods: PeriodContext): string {
  switch (period) {
    case 'day':
      return periods.day;
    case 'week':
      return periods.week;
    case 'month':
      return periods.month;
    default:
      return 'total';
  }
}

/** Returns the bucket of a quota's `per` value: folded text, or '' for an empty value. */
function quotaValueOf(value: LeadValue | undefined, options: ConditionOptions | undefined): string {
  if (value === undefined || value === null || isEmptyValue(value, options)) return '';
  if (typeof value === 'string') return toComparableText(value);
  return String(value);
}

/** Returns the lead at a position, or an empty lead when the input has another value there. */
function leadAt(leads: readonly Lead[], position: number): Lead {
  const candidate = leads[position];
  return typeof candidate === 'object' && candidate !== null ? candidate : EMPTY_LEAD;
}

/**
 * Records that a score node wrote `score` and returns the index of the
 * lead's fields in the run's table. A lead without fields gets the shared
 * frozen record of that score, so a run stores one record per distinct score.
 * A lead with fields from an earlier score node gets a new record with both.
 */
function recordScore(
  node: ProgramNode,
  scoreIds: Map<number, number> | null,
  fieldsId: number,
  score: number,
  fieldsTable: Readonly<Record<string, LeadValue>>[],
): number {
  if (fieldsId !== 0 || scoreIds === null) {
    fieldsTable.push({ ...fieldsTable[fieldsId], [node.field]: score });
    return fieldsTable.length - 1;
  }

  let id = scoreIds.get(score);
  if (id === undefined) {
    id = fieldsTable.length;
    fieldsTable.push(Object.freeze({ [node.field]: score }));
    scoreIds.set(score, id);
  }
  return id;
}

function leadIdOf(lead: Lead, position: number): string | number {
  // `id` is not a property of Object.prototype, so a plain read returns an own field or undefined.
  const id = lead.id;
  if (typeof id === 'string' && id.trim() !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return position + 1;
}

function scoreStep(node: ProgramNode, score: number, matched: readonly boolean[]): TraceStep {
  return {
    type: 'score',
    nodeId: node.id,
    handle: node.handles[0] as string,
    field: node.field,
    base: node.base,
    score,
    rules: matched.map((isMatch, index) => ({
      index,
      label: node.itemLabels[index] ?? null,
      points: node.points[index] as number,
      matched: isMatch,
    })),
  };
}

function regionStep(node: ProgramNode, handle: number, value: LeadValue | undefined): TraceStep {
  return {
    type: 'regionSplit',
    nodeId: node.id,
    handle: node.handles[handle] as string,
    field: node.field,
    value: value ?? null,
    province: toProvince(value),
    regionId: node.itemIds[handle] ?? null,
    regionLabel: node.itemLabels[handle] ?? null,
  };
}

function dedupStep(
  node: ProgramNode,
  handle: number,
  keys: string[],
  dedup: DedupRegistry,
  ownerId: string | null,
  ownerActive: boolean,
): TraceStep {
  const matches: DedupMatchTrace[] = keys
    .filter((key) => dedup.has(key))
    .map((key) => ({ key, source: dedup.sourceOf(key), ownerId: dedup.ownerOf(key) }));
  return {
    type: 'dedup',
    nodeId: node.id,
    handle: handle === ENDED ? null : (node.handles[handle] as string),
    keys,
    matches,
    ownerId,
    ownerActive: ownerId !== null && ownerActive,
  };
}

function assignerStep(
  node: ProgramNode,
  nodeState: RunNodeState,
  roster: RepRoster,
  day: RepDayCounters,
  chosen: number,
  weighted: boolean,
): TraceStep {
  const candidates = node.repIds.map((repId, assignee): CandidateTrace => {
    const rep = nodeState.repIndexes[assignee] as number;
    const candidate: CandidateTrace = { repId, status: 'eligible' };
    if (assignee === chosen) {
      candidate.status = 'chosen';
    } else {
      describeIneligible(candidate, rep, roster, day);
    }
    if (weighted) {
      candidate.weight = nodeState.weights[assignee] as number;
      candidate.currentWeight = nodeState.current[assignee] as number;
    } else if (node.kind === NodeKind.LeastLoaded && rep >= 0) {
      // The chosen rep's load is read before its own lead is counted.
      candidate.load = (roster.openLeads[rep] as number) + (day.day[rep] as number);
    }
    return candidate;
  });

  const type =
    node.kind === NodeKind.RoundRobin
      ? 'roundRobin'
      : node.kind === NodeKind.LeastLoaded
        ? 'leastLoaded'
        : 'assign';
  return {
    type,
    nodeId: node.id,
    handle: chosen < 0 ? (node.handles[0] as string) : null,
    repId: chosen < 0 ? null : (node.repIds[chosen] as string),
    candidates,
  };
}

function describeIneligible(
  candidate: CandidateTrace,
  rep: number,
  roster: RepRoster,
  day: RepDayCounters,
): void {
  const status = roster.status(rep, day);
  switch (status) {
    case RepStatus.Unknown:
      candidate.status = 'unknown';
      return;
    case RepStatus.Inactive:
      candidate.status = 'inactive';
      return;
    case RepStatus.Unavailable:
      candidate.status = 'unavailable';
      return;
    case RepStatus.AtCapacityDay:
    case RepStatus.AtCapacityWeek:
    case RepStatus.AtCapacityMonth:
      candidate.status = 'at-capacity';
      candidate.period =
        status === RepStatus.AtCapacityDay
          ? 'day'
          : status === RepStatus.AtCapacityWeek
            ? 'week'
            : 'month';
      candidate.limit = roster.limitFor(rep, status);
      return;
    default:
      return;
  }
}
