import { useRef } from 'react';
import type { FlowDocument, FlowProblem } from '@sras/engine';
import { validateFlowDocument } from './flow-validation.adapter';

/** Whether two documents differ only in node positions (or not at all). */
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
 * Validation problems of the document. Moving nodes changes no problem, so a
 * drag reuses the last result instead of validating on every frame.
 */
export function useFlowProblems(document: FlowDocument): readonly FlowProblem[] {
  const last = useRef<{ document: FlowDocument; problems: readonly FlowProblem[] } | null>(null);
  if (last.current === null || !sameStructure(last.current.document, document)) {
    last.current = { document, problems: validateFlowDocument(document) };
  } else {
    last.current = { document, problems: last.current.problems };
  }
  return last.current.problems;
}
