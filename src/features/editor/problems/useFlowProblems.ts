import { useRef } from 'react';
import type { FlowDocument, FlowProblem, Rep } from '@sras/engine';
import { validateFlowDocument } from './flow-validation';

const NO_REPS: readonly Rep[] = [];

/** Check whether two documents are the same apart from node positions. */
function sameStructure(a: FlowDocument, b: FlowDocument): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, index) => {
    const other = b.nodes[index];
    return (
      other !== undefined &&
      other.id === node.id &&
      other.type === node.type &&
      other.data === node.data
    );
  });
}

/**
 * Validation problems of the document, from the engine's validator. Moving nodes changes no problem, so a
 * drag reuses the last result instead of validating on every frame.
 */
export function useFlowProblems(
  document: FlowDocument,
  reps: readonly Rep[] = NO_REPS,
): readonly FlowProblem[] {
  const last = useRef<{
    document: FlowDocument;
    reps: readonly Rep[];
    problems: readonly FlowProblem[];
  } | null>(null);
  const previous = last.current;
  if (previous === null || previous.reps !== reps || !sameStructure(previous.document, document)) {
    last.current = { document, reps, problems: validateFlowDocument(document, reps) };
  } else {
    last.current = { ...previous, document };
  }
  return last.current.problems;
}
