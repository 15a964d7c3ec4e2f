import { Paper, Stack } from '@mantine/core';
import { useNodeProblems } from '../environment/EditorEnvironment';
import { useEditorActions, useFlowNode } from '../store/editor-selectors';
import { ProblemItem } from './ProblemItem';

/** The selected node's problems above its form; each focuses its field. */
export function NodeProblemList({ nodeId }: { nodeId: string }) {
  const problems = useNodeProblems(nodeId);
  const node = useFlowNode(nodeId);
  const { requestFieldFocus } = useEditorActions();
  if (problems.length === 0) return null;

  return (
    <Paper withBorder p={4} radius="sm" data-testid="node-problems">
      <Stack gap={0}>
        {problems.map((problem, index) => (
          <ProblemItem
            key={`${problem.code}-${problem.field ?? ''}-${index}`}
            problem={problem}
            node={node}
            onSelect={(selected) => requestFieldFocus(nodeId, selected.field)}
          />
        ))}
      </Stack>
    </Paper>
  );
}
