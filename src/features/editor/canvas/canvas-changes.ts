import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { EditorState } from '../store/editor-state.types';
import type { CanvasNode } from '../model/flow-canvas.mapping';

/*
 * Translate React Flow's change lists into store actions. Changes that name
 * nodes or edges the document no longer has are ignored, because React Flow
 * may still report a change for an element another action just removed.
 */

/** Apply React Flow node changes: moves, drags, measured sizes, selection and removal. */
export function applyCanvasNodeChanges(
  state: EditorState,
  changes: readonly NodeChange<CanvasNode>[],
): void {
  const positions = new Map<string, { x: number; y: number }>();
  const selections: { id: string; selected: boolean }[] = [];
  const sizes: { id: string; width: number; height: number }[] = [];
  const removed: string[] = [];
  let dragStarted = false;
  let dragEnded = false;

  for (const change of changes) {
    switch (change.type) {
      case 'position':
        if (change.dragging === true) dragStarted = true;
        if (change.dragging === false) dragEnded = true;
        if (change.position) positions.set(change.id, change.position);
        break;
      case 'dimensions':
        if (change.dimensions) sizes.push({ id: change.id, ...change.dimensions });
        break;
      case 'select':
        selections.push({ id: change.id, selected: change.selected });
        break;
      case 'remove':
        removed.push(change.id);
        break;
      default:
        break;
    }
  }

  if (sizes.length > 0) state.setMeasured(sizes);
  if (selections.length > 0) state.applySelectChanges('node', selections);
  if (dragStarted) state.beginDrag();
  if (positions.size > 0) state.moveNodes(positions, { coalesceKey: 'keyboard-move' });
  if (dragEnded) state.endDrag();
  if (removed.length > 0) state.deleteElements({ nodeIds: removed });
}

/** Apply React Flow edge changes: selection and removal. */
export function applyCanvasEdgeChanges(state: EditorState, changes: readonly EdgeChange[]): void {
  const selections: { id: string; selected: boolean }[] = [];
  const removed: string[] = [];

  for (const change of changes) {
    if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
    if (change.type === 'remove') removed.push(change.id);
  }

  if (selections.length > 0) state.applySelectChanges('edge', selections);
  if (removed.length > 0) state.deleteElements({ edgeIds: removed });
}
