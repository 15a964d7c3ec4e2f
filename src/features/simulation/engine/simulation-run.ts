/**
 * Runs a flow over a dataset in segments with the engine's state carried
 * from one segment to the next, which gives the same results as one call
 * over every lead (the engine guarantees it) while only one segment of leads
 * is in memory. The run keeps what it needs to run any segment again with a
 * trace, for the explanation of one lead.
 */
import {
  COUNTER_RETENTION_DAYS,
  compileFlow,
  createEmptyState,
  createRunner,
  createZonedCalendar,
  listDedupKeys,
  type AllocationState,
  type ConditionOptions,
  type ExistingOwner,
  type FlowDocument,
  type FlowProblem,
  type Lead,
  type LeadResult,
  type Pipeline,
  type Rep,
  type Runner,
  type RunSummary,
} from '@sras/engine';
import { DedupLedger } from './dedup-ledger';
import { ResultColumns } from './result-columns';
import { addSummary, emptySummary } from './summary-merge';

/** Leads per engine call: small enough to cancel quickly, large enough to be fast. */
export const SEGMENT_SIZE = 10_000;

export interface SimulationInput {
  flow: FlowDocument;
  reps: readonly Rep[];
  owners: readonly ExistingOwner[];
  /** State of an earlier applied run; null for a fresh start. */
  startState: AllocationState | null;
  /** Allocation time, epoch milliseconds. */
  now: number;
  timeField: string | null;
  conditionOptions: ConditionOptions;
  /** Column keys of the dataset. When given, the run warns about columns that nodes read but the dataset lacks. */
  datasetFields?: readonly string[];
}

/** Reads leads of a dataset by position. */
export interface LeadSource {
  readonly count: number;
  /** Leads at positions start … end-1, in order. */
  read(start: number, end: number): Promise<Lead[]>;
}

export interface RunProgress {
  done: number;
  total: number;
}

export interface RunControl {
  onProgress?: (progress: RunProgress) => void;
  /** Checked between segments; a true answer stops the run with a CancelledError. */
  isCancelled?: () => boolean;
  segmentSize?: number;
}

interface Segment {
  start: number;
  end: number;
  /** State the segment started with, without its dedup section (see DedupLedger). */
  stateBefore: AllocationState;
}

/** A run stopped on request. */
export class CancelledError extends Error {
  constructor() {
    super('The simulation was cancelled.');
    this.name = 'AbortError';
  }
}

/** A finished simulation: per-lead columns, the summary and the state after it. */
export class SimulationRun {
  constructor(
    readonly input: SimulationInput,
    readonly pipeline: Pipeline,
    readonly warnings: FlowProblem[],
    readonly columns: ResultColumns,
    readonly summary: RunSummary,
    readonly state: AllocationState,
    private readonly runner: Runner,
    private readonly segments: readonly Segment[],
    private readonly ledger: DedupLedger,
  ) {}

  /**
   * Runs the lead at `position` again with a trace, together with the leads
   * before it in its segment, from the state the segment started with.
   * Dedup matches against keys brought by earlier segments read `run`, as
   * they would in one call.
   */
  async traceLead(position: number, source: LeadSource): Promise<LeadResult> {
    const index = this.segments.findIndex(
      (segment) => position >= segment.start && position < segment.end,
    );
    const segment = this.segments[index];
    if (segment === undefined) throw new RangeError(`No lead at position ${position + 1}.`);

    const leads = await source.read(segment.start, position + 1);
    const keys = listDedupKeys(this.pipeline, leads);
    const output = this.runner.run({
      leads,
      reps: this.input.reps,
      existingOwners: this.ledger.ownersFor(keys),
      state: { ...segment.stateBefore, dedup: this.ledger.stateFor(keys, index) },
      now: this.input.now,
      timeField: this.input.timeField,
      trace: true,
    });
    const result = output.results.at(-1) as LeadResult;
    for (const step of result.trace?.steps ?? []) {
      if (step.type !== 'dedup') continue;
      for (const match of step.matches) {
        if (match.source === 'state' && !this.ledger.isFromStartState(match.key))
          match.source = 'run';
      }
    }
    return { ...result, leadId: this.columns.at(position).leadId };
  }
}

/** Compiles the flow, or returns its error problems. */
export function compileSimulation(
  input: SimulationInput,
):
  | { ok: true; pipeline: Pipeline; warnings: FlowProblem[] }
  | { ok: false; problems: FlowProblem[] } {
  return compileFlow(input.flow, {
    reps: input.reps,
    conditionOptions: input.conditionOptions,
    ...(input.datasetFields !== undefined ? { datasetFields: input.datasetFields } : {}),
  });
}

/**
 * Runs a simulation over every lead of `source`. Returns the problems when
 * the flow does not compile; throws CancelledError when cancelled and the
 * engine's EngineInputError for an invalid team, owner list or state.
 */
export async function runSimulation(
  input: SimulationInput,
  source: LeadSource,
  control: RunControl = {},
): Promise<{ ok: true; run: SimulationRun } | { ok: false; problems: FlowProblem[] }> {
  const compiled = compileSimulation(input);
  if (!compiled.ok) return compiled;

  const runner = createRunner(compiled.pipeline, { conditionOptions: input.conditionOptions });
  const segmentSize = control.segmentSize ?? SEGMENT_SIZE;
  const segmented = await runSegments(
    input,
    source,
    runner,
    compiled.pipeline,
    segmentSize,
    control,
  );
  if (segmented !== null) return { ok: true, run: segmented(compiled.warnings) };

  // Leads dated before the state's retention window cannot be split
  // exactly (see needsOneSegment), so such a run is done in one call.
  const whole = await runSegments(
    input,
    source,
    runner,
    compiled.pipeline,
    Math.max(source.count, 1),
    control,
  );
  if (whole === null) throw new Error('A run in one segment cannot need splitting.');
  return { ok: true, run: whole(compiled.warnings) };
}

async function runSegments(
  input: SimulationInput,
  source: LeadSource,
  runner: Runner,
  pipeline: Pipeline,
  segmentSize: number,
  control: RunControl,
): Promise<((warnings: FlowProblem[]) => SimulationRun) | null> {
  const start = input.startState ?? createEmptyState();
  const ledger = new DedupLedger(start.dedup, input.owners);
  const columns = new ResultColumns(source.count);
  const segments: Segment[] = [];
  const summary = emptySummary(input.reps, pipeline);
  const retention = retentionCheck(input, pipeline);
  let state: AllocationState = { ...start, dedup: {} };

  control.onProgress?.({ done: 0, total: source.count });
  for (let from = 0, index = 0; from < source.count || index === 0; from += segmentSize, index++) {
    if (control.isCancelled?.()) throw new CancelledError();
    const to = Math.min(from + segmentSize, source.count);
    const leads = await source.read(from, to);
    if (index > 0 && retention !== null && retention(leads)) return null;

    const keys = listDedupKeys(pipeline, leads);
    const output = runner.run({
      leads,
      reps: input.reps,
      existingOwners: ledger.ownersFor(keys),
      state: { ...state, dedup: ledger.stateFor(keys, index) },
      now: input.now,
      timeField: input.timeField,
    });

    segments.push({ start: from, end: to, stateBefore: state });
    ledger.record(index, output.delta.dedup);
    columns.append(
      output.results.map((result, offset) => withPosition(result, leads[offset], from + offset)),
    );
    addSummary(summary, output.summary);
    state = { ...output.state, dedup: {} };
    control.onProgress?.({ done: to, total: source.count });
    if (to >= source.count) break;
  }

  const finalState: AllocationState = { ...state, dedup: ledger.toStateSection() };
  return (warnings) =>
    new SimulationRun(
      input,
      pipeline,
      warnings,
      columns,
      summary,
      finalState,
      runner,
      segments,
      ledger,
    );
}

/**
 * The engine numbers a lead without an `id` field by its position in the
 * call; a segment starts counting at 1 again, so the run's position is used.
 */
function withPosition(result: LeadResult, lead: Lead | undefined, position: number): LeadResult {
  if (typeof result.leadId !== 'number' || hasOwnId(lead)) return result;
  return { ...result, leadId: position + 1 };
}

function hasOwnId(lead: Lead | undefined): boolean {
  if (lead === undefined || !Object.hasOwn(lead, 'id')) return false;
  const id = lead.id;
  return (
    (typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id))
  );
}

/**
 * The engine drops counters of periods that ended more than
 * COUNTER_RETENTION_DAYS before `now` from the state it returns. A segment
 * whose leads are dated that far back by the time field would lose the
 * counts earlier segments made for those periods, so splitting is exact only
 * when no lead after the first segment is. Returns a test for a segment's
 * leads, or null when the run has no time field.
 */
function retentionCheck(
  input: SimulationInput,
  pipeline: Pipeline,
): ((leads: readonly Lead[]) => boolean) | null {
  const field = input.timeField;
  if (field === null) return null;

  const calendar = createZonedCalendar(pipeline.timezone);
  const cutoffDay = calendar.periodsAt(input.now).dayNumber - COUNTER_RETENTION_DAYS;
  return (leads) =>
    leads.some((lead) => {
      const raw = Object.hasOwn(lead, field) ? lead[field] : undefined;
      if (typeof raw !== 'string') return false;
      const time = calendar.parseTime(raw);
      return time !== null && calendar.periodsAt(time).dayNumber < cutoffDay;
    });
}
