import type { TFunction } from 'i18next';
import type { FlowNode, FlowProblem } from '@sras/engine';
import { handleLabel } from '../model/node-presentation';

/**
 * Word a problem in the current language from the engine's catalogue, naming
 * an output handle by its label (符合, 华东) rather than its id.
 */
export function problemMessage(
  problem: FlowProblem,
  node: FlowNode | undefined,
  t: TFunction,
): string {
  const params: Record<string, string | number | undefined> = {
    nodeId: problem.nodeId,
    edgeId: problem.edgeId,
    field: problem.field,
    ...problem.params,
  };
  if (node && typeof params.handle === 'string')
    params.handle = handleLabel(node, params.handle, t);

  return t(`engine:problem.${problem.code}`, {
    ...params,
    defaultValue: t('editor:problems.fallback', { code: problem.code }),
  });
}
