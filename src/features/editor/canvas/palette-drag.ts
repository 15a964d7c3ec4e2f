import { isKnownNodeType } from '../model/node-catalog';

/** Drag data type that carries a node type from the palette to the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-sras-node-type';

/** The node type carried by a drag from the palette, or undefined for any other drag. */
export function nodeTypeFromDrag(dataTransfer: DataTransfer | null): string | undefined {
  const type = dataTransfer?.getData(PALETTE_DRAG_TYPE);
  return type !== undefined && isKnownNodeType(type) ? type : undefined;
}
