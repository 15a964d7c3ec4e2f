import {
  ENGINE_MESSAGES,
  EngineInputError,
  buildCapNotes,
  capacityUse,
  compileFlow,
  formatCapNote,
  nodeLabels,
  unassignedEndsOf,
  formatProblem,
  parseFlow,
  createRunner,
  type FlowDocument,
  type FlowProblem,
  type Lead,
  type LeadResult,
  type Pipeline,
  type Rep,
  type RunInput,
  type RunResult,
} from '@sras/engine';

import {
  buildResultTable,
  formatReasonText,
  writeResultCsv,
  writeResultXlsx,
  type LeadOutcome,
} from '@sras/import';

import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli.error.js';
import { loadExistingOwners } from '../allocate/load-existing-owners.js';
import { loadLeads } from '../allocate/load-leads.js';
import { loadReps } from '../allocate/load-reps.js';
import {
  OutputWriteError,
  writeFilesAtomically,
  type OutputFile,
} from '../allocate/output-files.js';
import {
  checkMapFields,
  parseMapOption,
  parseNowOption,
  parseSheetOption,
} from '../allocate/parse-options.js';
import { describeInputIssue } from '../allocate/input-issues.js';
import { PROGRESS_THRESHOLD_ROWS } from '../allocate/progress-reporter.js';
import type { CommandModule } from './command-module.js';
import { printFlowWarnings, problemLocation } from './validate.command.js';

/** Options of `sras allocate`, as commander parses them. */
interface AllocateOptions {
  flow: string;
  leads: string;
  reps: string;
  out: string;
  existing?: string;
  state?: string;
  saveState?: string;
  now?: string;
  timeField?: string;
  map?: string;
  summary?: string;
  sheet?: string;
  encoding?: string;
  keepPlaceholders?: boolean;
}

/** The SUMMARY.json document. */
interface AllocationSummary {
  total: number;
  assigned: number;
  unassigned: number;
  skippedRows: number;
  byRep: Record<string, number>;
  byNode: Record<string, number>;
  byEdge: Record<string, number>;
  unassignedByReason: Record<string, number>;
}

const FLOW_PROBLEMS_SHOWN = 10;

/**
 * `sras allocate`: reads a flow, a sales team and a leads file, runs the
 * engine and writes the result file (and optionally the summary and the
 * state). Every input is read and checked before anything is written, and
 * the output files are written all together or not at all.
 */
export const allocateCommand: CommandModule = {
  register(program, context) {
    program
      .command('allocate')
      .description(context.t('help.allocate'))
      .requiredOption('--flow <file>', context.t('help.allocate.flow'))
      .requiredOption('--leads <file>', context.t('help.allocate.leads'))
      .requiredOption('--reps <file>', context.t('help.allocate.reps'))
      .requiredOption('--out <file>', context.t('help.allocate.out'))
      .option('--existing <file>', context.t('help.allocate.existing'))
      .option('--state <file>', context.t('help.allocate.state'))
      .option('--save-state <file>', context.t('help.allocate.saveState'))
      .option('--now <time>', context.t('help.allocate.now'))
      .option('--time-field <field>', context.t('help.allocate.timeField'))
      .option('--map <mapping>', context.t('help.allocate.map'))
      .option('--summary <file>', context.t('help.allocate.summary'))
      .option('--sheet <sheet>', context.t('help.allocate.sheet'))
      .option('--encoding <encoding>', context.t('help.allocate.encoding'))
      .option('--keep-placeholders', context.t('help.allocate.keepPlaceholders'))
      .action(async (options: AllocateOptions) => {
        await allocate(context, options);
        context.exitCode = 0;
      });
  },
};

async function allocate(context: CliContext, options: AllocateOptions): Promise<void> {
  const format = outputFormat(context, options);
  const mapping = parseMapOption(context, options.map);
  const now = parseNowOption(context, options.now);
  const sheet = parseSheetOption(context, options.sheet);

  const flow = await loadFlow(context, options.flow);
  checkMapFields(context, mapping, flow);
  const reps = await loadReps(context, options.reps);
  const existingOwners = options.existing
    ? await loadExistingOwners(context, options.existing)
    : [];
  const state = options.state ? await context.readJson(options.state) : null;
  const loaded = await loadLeads(context, options.leads, {
    mapping,
    keepPlaceholders: Boolean(options.keepPlaceholders),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
  });

  checkTimeField(context, options.timeField, loaded.leads);

  const conditionOptions = { fieldTypes: loaded.textColumns };
  const compiled = compileFlow(flow, {
    reps,
    conditionOptions,
    ...(loaded.fields !== null ? { datasetFields: loaded.fields } : {}),
  });
  if (!compiled.ok) throw flowFailure(context, options.flow, compiled.problems);
  printFlowWarnings(context, compiled.warnings, options.leads);

  if (loaded.leads.length >= PROGRESS_THRESHOLD_ROWS) {
    context.io.stderr(
      `${context.t('progress.allocating', { count: loaded.leads.length.toLocaleString('en-US') })}\n`,
    );
  }
  const run = runEngine(context, options, () =>
    createRunner(compiled.pipeline, { conditionOptions }).run({
      leads: loaded.leads,
      reps,
      existingOwners,
      state: state as RunInput['state'],
      now,
      timeField: options.timeField ?? null,
    }),
  );

  const repNames = new Map(reps.map((rep) => [rep.id, rep.name]));
  const outcomes = run.results.map((result) => leadOutcome(context, result, repNames));
  const table = buildResultTable(loaded.columns, loaded.leads, outcomes, reps);
  const files: OutputFile[] = [
    {
      path: context.resolvePath(options.out),
      displayName: options.out,
      data:
        format === 'xlsx'
          ? writeResultXlsx(table.header, table.rows)
          : writeResultCsv(table.header, table.rows),
    },
  ];
  if (options.summary) {
    files.push({
      path: context.resolvePath(options.summary),
      displayName: options.summary,
      data: `${JSON.stringify(summaryDocument(run, loaded.skippedRows), null, 2)}\n`,
    });
  }
  if (options.saveState) {
    files.push({
      path: context.resolvePath(options.saveState),
      displayName: options.saveState,
      data: `${JSON.stringify(run.state, null, 2)}\n`,
    });
  }

  try {
    await writeFilesAtomically(files);
  } catch (error) {
    if (error instanceof OutputWriteError) {
      throw new CliError(
        context.t('error.writeFailed', { file: error.file, reason: error.reason }),
      );
    }
    throw error;
  }
  context.io.stderr(
    `${context.t('allocate.done', {
      total: run.summary.total,
      assigned: run.summary.assigned,
      unassigned: run.summary.unassigned,
      out: options.out,
    })}\n`,
  );
  printCapNotes(context, flow, compiled.pipeline, reps, run);
}

/**
 * Prints the quota and capacity limits that sent leads on, in the words the
 * app's simulation overview uses, with what to change. Prints nothing when
 * no limit filled.
 */
function printCapNotes(
  context: CliContext,
  flow: FlowDocument,
  pipeline: Pipeline,
  reps: readonly Rep[],
  run: RunResult,
): void {
  const notes = buildCapNotes(
    pipeline,
    reps,
    run.summary,
    capacityUse(reps, run.state),
    unassignedEndsOf(run.results),
  );
  if (notes.length === 0) return;

  const labels = nodeLabels(flow.nodes, context.language);
  const nodeName = (nodeId: string) => {
    const label = labels.get(nodeId) ?? nodeId;
    return label === nodeId || label.endsWith(`(${nodeId})`) ? label : `${label} (${nodeId})`;
  };
  const lines = [context.t('capNotes.title')];
  for (const note of notes) {
    lines.push(
      `  ${formatCapNote(note, context.language, { nodeName, formatNumber: formatCount })}`,
    );
  }
  lines.push(context.t('capNotes.advice'));
  context.io.stderr(`${lines.join('\n')}\n`);
}

/** Writes a count with thousands separators, as the summary line does not need to be parsed. */
function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function checkTimeField(
  context: CliContext,
  field: string | undefined,
  leads: readonly Lead[],
): void {
  if (field === undefined) return;
  const fields = new Set<string>();
  for (const lead of leads) {
    if (Object.hasOwn(lead, field)) return;
    for (const key of Object.keys(lead)) fields.add(key);
  }
  if (leads.length === 0) return;
  throw new CliError(
    context.t('error.timeFieldMissing', { field, fields: [...fields].join(', ') }),
  );
}

function outputFormat(context: CliContext, options: AllocateOptions): 'csv' | 'xlsx' {
  const out = options.out.toLowerCase();
  const format = out.endsWith('.xlsx') ? 'xlsx' : out.endsWith('.csv') ? 'csv' : null;
  if (!format) throw new CliError(context.t('error.outExtension', { file: options.out }), 2);

  const target = context.resolvePath(options.out);
  const inputs = [options.flow, options.leads, options.reps, options.existing, options.state];
  if (inputs.some((input) => input !== undefined && context.resolvePath(input) === target)) {
    throw new CliError(context.t('error.outSameAsInput', { file: options.out }), 2);
  }
  return format;
}

async function loadFlow(context: CliContext, file: string): Promise<FlowDocument> {
  const text = new TextDecoder('utf-8')
    .decode(await context.readBytes(file))
    .replace(/^\uFEFF/, '');
  const parsed = parseFlow(text);
  if (!parsed.ok) throw flowFailure(context, file, parsed.problems);
  return parsed.flow;
}

function flowFailure(
  context: CliContext,
  file: string,
  problems: readonly FlowProblem[],
): CliError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const lines = errors.slice(0, FLOW_PROBLEMS_SHOWN).map((problem) =>
    context.t('error.flowProblem', {
      file,
      location: problemLocation(context, problem),
      message: formatProblem(problem, context.language),
    }),
  );
  if (errors.length > FLOW_PROBLEMS_SHOWN)
    lines.push(context.t('error.importMore', { count: errors.length - FLOW_PROBLEMS_SHOWN }));
  lines.push(context.t('error.flowInvalid', { file, count: errors.length }));
  return new CliError(lines.join('\n'));
}

function runEngine(context: CliContext, options: AllocateOptions, run: () => RunResult): RunResult {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EngineInputError)) throw error;
    const files = { reps: options.reps, existing: options.existing, state: options.state };
    const lines = error.issues.map((issue) => describeInputIssue(context, issue, files));
    throw new CliError(lines.join('\n'));
  }
}

function leadOutcome(
  context: CliContext,
  result: LeadResult,
  repNames: ReadonlyMap<string, string>,
): LeadOutcome {
  return {
    ownerId: result.ownerId,
    route: result.route,
    reason: result.reason,
    reasonText: formatReasonText(result, repNames, ENGINE_MESSAGES[context.language].reason),
    fields: result.fields,
  };
}

function summaryDocument(run: RunResult, skippedRows: number): AllocationSummary {
  return {
    total: run.summary.total,
    assigned: run.summary.assigned,
    unassigned: run.summary.unassigned,
    skippedRows,
    byRep: run.summary.byRep,
    byNode: run.summary.byNode,
    byEdge: run.summary.byEdge,
    unassignedByReason: run.summary.unassignedByReason,
  };
}
