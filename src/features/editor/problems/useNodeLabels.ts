import { nodeLabels } from '@sras/engine';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowNodesIgnoringMoves } from '../store/editor-selectors';

/** Names of the open flow's nodes in the current language, by node id, for problem messages. */
export function useNodeLabels(): ReadonlyMap<string, string> {
  const { i18n } = useTranslation();
  const nodes = useFlowNodesIgnoringMoves();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return useMemo(() => nodeLabels(nodes, language), [nodes, language]);
}
