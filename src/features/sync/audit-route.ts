import { nodeLabels, type FlowNode } from '@sras/engine';

/**
 * Words an audit entry's route (`nodeId:handle` steps, as the server logs
 * them) with node labels and output handle labels from the flow's nodes,
 * for example "线索入口 → 撞单保护（不重复）". Steps whose node is not in
 * `nodes` keep their ids.
 */
export function describeRoute(
  route: readonly string[],
  nodes: readonly FlowNode[],
  language: 'en' | 'zh-CN',
  handleLabel: (node: FlowNode, handleId: string) => string,
): string[] {
  const labels = nodeLabels(nodes, language);
  const byId = new Map(nodes.map((node) => [node.id, node]));

  return route.map((step) => {
    const separator = step.lastIndexOf(':');
    const nodeId = separator < 0 ? step : step.slice(0, separator);
    const handle = separator < 0 ? '' : step.slice(separator + 1);
    const node = byId.get(nodeId);
    if (!node) return step;

    const label = labels.get(nodeId) ?? nodeId;
    // A node's only output (`out`) adds nothing to the path.
    if (handle === '' || handle === 'out') return label;
    return language === 'zh-CN'
      ? `${label}（${handleLabel(node, handle)}）`
      : `${label} (${handleLabel(node, handle)})`;
  });
}
