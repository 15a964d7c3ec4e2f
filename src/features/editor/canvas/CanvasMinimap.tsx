import { memo } from 'react';
import { ControlButton, MiniMap, type MiniMapNodeProps } from '@xyflow/react';
import { IconMap, IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Largest flow whose minimap is shown until the user asks otherwise. Above
 * it, redrawing every node's rectangle on each frame of a pan costs more than
 * the overview is worth while the canvas is in use.
 */
export const MINIMAP_AUTO_HIDE_ABOVE = 150;

/**
 * One node in the minimap: a plain rectangle with no rounded corners, inline
 * style or click handler, the cheapest shape for the browser to redraw.
 */
const MinimapNode = memo(function MinimapNode({ x, y, width, height }: MiniMapNodeProps) {
  return (
    <rect
      className="react-flow__minimap-node"
      x={x}
      y={y}
      width={width}
      height={height}
      shapeRendering="crispEdges"
    />
  );
});

/** The canvas minimap, drawn with plain rectangles. */
export function CanvasMinimap() {
  return (
    <MiniMap pannable zoomable nodeComponent={MinimapNode} style={{ width: 160, height: 110 }} />
  );
}

/** Whether the minimap is shown: the user's choice, else by the flow's size. */
export function isMinimapShown(choice: boolean | null, nodeCount: number): boolean {
  return choice ?? nodeCount <= MINIMAP_AUTO_HIDE_ABOVE;
}

/** A button in the canvas controls that shows or hides the minimap. */
export function MinimapToggle({
  shown,
  onChange,
}: {
  shown: boolean;
  onChange: (shown: boolean) => void;
}) {
  const { t } = useTranslation('editor');
  const label = shown ? t('canvas.hideMinimap') : t('canvas.showMinimap');
  return (
    <ControlButton
      onClick={() => onChange(!shown)}
      title={label}
      aria-label={label}
      aria-pressed={shown}
      data-testid="minimap-toggle"
    >
      {shown ? <IconMapOff size={12} /> : <IconMap size={12} />}
    </ControlButton>
  );
}
