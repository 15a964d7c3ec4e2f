import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '@sras/engine';

/** A node's display name: its label, else the name of its type. */
export function useNodeName(document: FlowDocument): (nodeId: string) => string {
  const { t } = useTranslation('editor');
  return useCallback(
    (nodeId: string) => {
      const node = document.nodes.find((candidate) => candidate.id === nodeId);
      if (!node) return nodeId;
      const label = (node.data as { label?: unknown }).label;
      if (typeof label === 'string' && label.trim() !== '') return label.trim();
      return t(`nodeTypes.${node.type}.name`, { defaultValue: node.type });
    },
    [document, t],
  );
}
