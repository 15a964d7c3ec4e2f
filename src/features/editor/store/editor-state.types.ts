import type { FlowDocument } from '@sras/engine';
import type { ConnectionCheck, ProspectiveConnection } from '../model/connection-rules';
import type { ClipboardPayload } from '../model/clipboard-payload';
import type { DroppedEdge } from '../model/flow-canvas.mapping';

/** Options of a document change. */
export interface CommitOptions {
  /**
   * Changes with the same key that follow each other within a short time
   * form one undo step (typing in a field, nudging with arrow keys).
   */
  coalesceKey?: string;
}

export interface DocumentSlice {
  /** The flow document being edited: the only state that undo/redo and autosave see. */
  document: FlowDocument;
  /** Edges dropped when the document was loaded because they named missing nodes. */
  droppedEdges: DroppedEdge[];

  /** Replace the document, forgetting the undo history (opening a flow, taking the other tab's copy). */
  loadDocument: (document: FlowDocument) => void;
  /** Add a node of `type` at `position`; returns its id. */
  addNode: (type: string, position: { x: number; y: number }) => string;
  /** Replace a node's data through `update`. */
  updateNodeData: (
    nodeId: string,
    update: (data: Record<string, unknown>) => Record<string, unknown>,
    options?: CommitOptions,
  ) => void;
  /** Move nodes; positions are top-left corners in flow units. */
  moveNodes: (
    positions: ReadonlyMap<string, { x: number; y: number }>,
    options?: CommitOptions,
  ) => void;
  /** Start a drag: moves until `endDrag` form one undo step. */
  beginDrag: () => void;
  endDrag: () => void;
  /** Add an edge when the connection passes the flow rules; returns the check. */
  connect: (connection: ProspectiveConnection) => ConnectionCheck;
  /** Delete nodes (with every edge touching them) and edges; ids that no longer exist are ignored. */
  deleteElements: (ids: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }) => void;
  /** Paste a clipboard payload with new ids, offset from the originals; returns the new node ids. */
  pastePayload: (payload: ClipboardPayload) => string[];
  /** Lay the flow out left to right, using measured sizes where known. */
  autoLayout: () => void;
  /** Rename the flow. */
  renameFlow: (name: string) => void;
  undo: () => void;
  redo: () => void;
}

export interface SelectionSlice {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  /** Replace the selection. */
  setSelection: (selection: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }) => void;
  /** Apply React Flow's select changes for nodes or edges. */
  applySelectChanges: (
    kind: 'node' | 'edge',
    changes: readonly { id: string; selected: boolean }[],
  ) => void;
  selectAll: () => void;
}

/** A field the settings panel should focus, requested from the problems panel. */
export interface FieldFocusRequest {
  nodeId: string;
  field: string | undefined;
  /** Changes on every request so that asking twice for the same field focuses it again. */
  sequence: number;
}

export interface UiSlice {
  /** Sizes React Flow measured, by node id; never saved. */
  measured: Readonly<Record<string, { width: number; height: number }>>;
  fieldFocus: FieldFocusRequest | null;
  setMeasured: (sizes: readonly { id: string; width: number; height: number }[]) => void;
  requestFieldFocus: (nodeId: string, field: string | undefined) => void;
}

export type EditorState = DocumentSlice & SelectionSlice & UiSlice;

export type SetEditorState = (
  partial: Partial<EditorState> | ((state: EditorState) => Partial<EditorState>),
) => void;
export type GetEditorState = () => EditorState;
