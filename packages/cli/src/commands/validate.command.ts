import { formatProblem, parseFlow, validateFlow, type FlowProblem } from '@sras/engine';
import { TEXT_FIELD_KINDS } from '@sras/import';

import type { CliContext } from '../cli-context.js';
import type { CommandModule } from './command-module.js';

/** `sras validate FLOW.json`: prints the flow's problems; exit 1 when any is an error. */
export const validateCommand: CommandModule = {
  register(program, context) {
    program
      .command('validate')
      .description(context.t('help.validate'))
      .argument('<flow>', context.t('help.validate.flow'))
      .action(async (file: string) => {
        const problems = await readFlowProblems(context, file);
        const errors = problems.filter((problem) => problem.severity === 'error').length;
        const warnings = problems.length - errors;

        for (const problem of problems) context.io.stdout(`${describeProblem(context, problem)}\n`);
        const summary =
          problems.length === 0
            ? context.t('validate.ok', { file })
            : context.t('validate.counts', { file, errors, warnings });
        context.io.stdout(`${summary}\n`);
        context.exitCode = errors > 0 ? 1 : 0;
      });
  },
};

async function readFlowProblems(context: CliContext, file: string): Promise<FlowProblem[]> {
  const text = new TextDecoder('utf-8')
    .decode(await context.readBytes(file))
    .replace(/^\uFEFF/, '');
  const parsed = parseFlow(text);
  if (!parsed.ok) return parsed.problems;
  // Imported phones, postal codes and ids stay text, as `allocate` reads them.
  return validateFlow(parsed.flow, { conditionOptions: { fieldTypes: TEXT_FIELD_KINDS } });
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
