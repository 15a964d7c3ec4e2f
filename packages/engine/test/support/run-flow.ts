import type { FlowDocument } from '../../src/flow/flow.types.js';
import { createRunner } from '../../src/run/runner.js';
import type { RunInput, RunResult } from '../../src/run/run.types.js';
import { compileOrThrow } from './flow-builder.js';

/** Compiles and runs a flow in one call. */
export function runFlow(
  flow: FlowDocument,
  input: Omit<RunInput, 'now'> & { now?: RunInput['now'] },
): RunResult {
  const runner = createRunner(compileOrThrow(flow));
  return runner.run({ now: '2024-05-02T10:00:00+08:00', ...input });
}
