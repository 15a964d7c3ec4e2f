import type { TFunction } from 'i18next';
import type { FlowNode, FlowProblem } from '@sras/engine';
import { handleLabel } from '../model/node-presentation';

/** A problem in the current language, with a handle named by its label rather than its id. */
export function problemMessage(
  problem: FlowProblem,
  node: FlowNode | undefined,
  t: TFunction,
): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (node && typeof params.handle === 'string')
    params.handle = handleLabel(node, params.handle, t);

  return t(`editor:problems.codes.${problem.code}`, {
    ...params,
    defaultValue: t('editor:problems.codes.fallback', { code: problem.code }),
  });
}
