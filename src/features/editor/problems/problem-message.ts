import type { TFunction } from 'i18next';
import { labelledProblemParams, type FlowNode, type FlowProblem } from '@sras/engine';
import { handleLabel } from '../model/node-presentation';

/**
 * Word a problem in the current language from the engine's catalogue, naming
 * an output handle by its label (符合, 华东) rather than its id, and nodes by
 * their labels from `nodeLabels` (the engine's `nodeLabels` of the flow).
 */
export function problemMessage(
  problem: FlowProblem,
  node: FlowNode | undefined,
  t: TFunction,
  nodeLabels: ReadonlyMap<string, string> = new Map(),
): string {
  const params = labelledProblemParams(problem, nodeLabels);
  if (node && typeof params.handle === 'string')
    params.handle = handleLabel(node, params.handle, t);

  return t(`engine:problem.${problem.code}`, {
    ...params,
    defaultValue: t('editor:problems.fallback', { code: problem.code }),
  });
}
