import {
  formatProblem,
  parseFlow,
  validateFlow,
  type FlowProblem,
  type ValidateFlowOptions,
} from '@sras/engine';
import { TEXT_FIELD_KINDS } from '@sras/import';

import { loadLeads } from '../allocate/load-leads.js';
import { checkMapFields, parseMapOption, parseSheetOption } from '../allocate/parse-options.js';
import type { CliContext } from '../cli-context.js';
import type { CommandModule } from './command-module.js';

/** Options of `sras validate`, as commander parses them. */
interface ValidateOptions {
  leads?: string;
  map?: string;
  sheet?: string;
  encoding?: string;
}

/**
 * `sras validate FLOW.json [--leads LEADS]`: prints the flow's problems;
 * exit 1 when any is an error. With a leads file, the problems include the
 * columns that nodes read but the file lacks.
 */
export const validateCommand: CommandModule = {
  register(program, context) {
    program
      .command('validate')
      .description(context.t('help.validate'))
      .argument('<flow>', context.t('help.validate.flow'))
      .option('--leads <file>', context.t('help.validate.leads'))
      .option('--map <mapping>', context.t('help.allocate.map'))
      .option('--sheet <sheet>', context.t('help.allocate.sheet'))
      .option('--encoding <encoding>', context.t('help.allocate.encoding'))
      .action(async (file: string, options: ValidateOptions) => {
        const problems = await readFlowProblems(context, file, options);
        const errors = problems.filter((problem) => problem.severity === 'error').length;
        const warnings = problems.length - errors;

        for (const problem of problems) context.io.stdout(`${describeProblem(context, problem)}\n`);
        const hint = missingColumnHint(context, problems, options.leads);
        if (hint !== null) context.io.stdout(`${hint}\n`);
        const summary =
          problems.length === 0
            ? context.t('validate.ok', { file })
            : context.t('validate.counts', { file, errors, warnings });
        context.io.stdout(`${summary}\n`);
        context.exitCode = errors > 0 ? 1 : 0;
      });
  },
};

async function readFlowProblems(
  context: CliContext,
  file: string,
  options: ValidateOptions,
): Promise<FlowProblem[]> {
  const mapping = parseMapOption(context, options.map);
  const sheet = parseSheetOption(context, options.sheet);

  const text = new TextDecoder('utf-8')
    .decode(await context.readBytes(file))
    .replace(/^\uFEFF/, '');
  const parsed = parseFlow(text);
  if (!parsed.ok) return parsed.problems;
  checkMapFields(context, mapping, parsed.flow);

  // Imported phones, postal codes and ids stay text, as `allocate` reads them.
  const validateOptions: ValidateFlowOptions = {
    conditionOptions: { fieldTypes: TEXT_FIELD_KINDS },
  };
  if (options.leads !== undefined) {
    const loaded = await loadLeads(context, options.leads, {
      mapping,
      keepPlaceholders: false,
      ...(sheet !== undefined ? { sheet } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    });
    validateOptions.conditionOptions = { fieldTypes: loaded.textColumns };
    if (loaded.fields !== null) validateOptions.datasetFields = loaded.fields;
  }
  return validateFlow(parsed.flow, validateOptions);
}

/**
 * Prints the warnings of a flow that `allocate` runs on stderr, followed by
 * how to map a column when a node reads one the leads file lacks.
 */
export function printFlowWarnings(
  context: CliContext,
  warnings: readonly FlowProblem[],
  leadsFile: string,
): void {
  for (const warning of warnings) context.io.stderr(`${describeProblem(context, warning)}\n`);
  const hint = missingColumnHint(context, warnings, leadsFile);
  if (hint !== null) context.io.stderr(`${hint}\n`);
}

/** Words how to map the first column that a node reads but the leads file lacks; null when none is missing. */
function missingColumnHint(
  context: CliContext,
  problems: readonly FlowProblem[],
  leadsFile: string | undefined,
): string | null {
  const missing = problems.find((problem) => problem.code === 'field-not-in-dataset');
  if (missing === undefined || leadsFile === undefined) return null;
  return context.t('hint.mapColumn', { column: String(missing.params.column), file: leadsFile });
}

/** Words a flow problem with its severity and location, in the context's language. */
export function describeProblem(context: CliContext, problem: FlowProblem): string {
  return context.t('validate.problem', {
    severity: context.t(problem.severity === 'error' ? 'severity.error' : 'severity.warning'),
    location: problemLocation(context, problem),
    message: formatProblem(problem, context.language),
  });
}

/** `node n3 (data.limit): ` or `` for a problem of the whole document. */
export function problemLocation(context: CliContext, problem: FlowProblem): string {
  const parts: string[] = [];
  if (problem.nodeId !== undefined)
    parts.push(context.t('location.node', { nodeId: problem.nodeId }));
  if (problem.edgeId !== undefined)
    parts.push(context.t('location.edge', { edgeId: problem.edgeId }));
  const place = parts.join(', ');
  if (problem.field === undefined || problem.field === '') return place ? `${place}: ` : '';
  return place ? `${place} (${problem.field}): ` : `${problem.field}: `;
}
