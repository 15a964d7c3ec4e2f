import type { FlowDocument } from '@sras/engine';
import { useTranslation } from 'react-i18next';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 70;
const PADDING = 30;

/** A small drawing of a flow from its node positions, for gallery cards. */
export function TemplatePreview({ document, label }: { document: FlowDocument; label: string }) {
  const { t } = useTranslation('versions');
  const xs = document.nodes.map((node) => node.position.x);
  const ys = document.nodes.map((node) => node.position.y);
  const minX = Math.min(...xs) - PADDING;
  const minY = Math.min(...ys) - PADDING;
  const width = Math.max(...xs) - minX + NODE_WIDTH + PADDING;
  const height = Math.max(...ys) - minY + NODE_HEIGHT + PADDING;
  const byId = new Map(document.nodes.map((node) => [node.id, node]));

  return (
    <svg
      viewBox={`${minX} ${minY} ${width} ${height}`}
      width="100%"
      height={140}
      role="img"
      aria-label={label}
    >
      {document.edges.map((edge) => {
        const source = byId.get(edge.source);
        const target = byId.get(edge.target);
        if (!source || !target) return null;
        const x1 = source.position.x + NODE_WIDTH;
        const y1 = source.position.y + NODE_HEIGHT / 2;
        const x2 = target.position.x;
        const y2 = target.position.y + NODE_HEIGHT / 2;
        const bend = Math.max(40, Math.abs(x2 - x1) / 2);
        return (
          <path
            key={edge.id}
            d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`}
            fill="none"
            stroke="var(--mantine-color-gray-5)"
            strokeWidth={4}
          />
        );
      })}
      {document.nodes.map((node) => (
        <g key={node.id}>
          <rect
            x={node.position.x}
            y={node.position.y}
            width={NODE_WIDTH}
            height={NODE_HEIGHT}
            rx={12}
            fill="var(--mantine-color-body)"
            stroke="var(--mantine-primary-color-filled)"
            strokeWidth={4}
          />
          <text
            x={node.position.x + NODE_WIDTH / 2}
            y={node.position.y + NODE_HEIGHT / 2 + 10}
            textAnchor="middle"
            fontSize={28}
            fill="var(--mantine-color-text)"
          >
            {t(`nodeTypes.${node.type}`, { defaultValue: node.type })}
          </text>
        </g>
      ))}
    </svg>
  );
}
