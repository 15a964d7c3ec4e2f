import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatProblem, type FlowDocument, type FlowProblem } from '@sras/engine';
import { useNodeName } from './useNodeName';

/** How many problems are listed, so that a flow with hundreds of them stays readable. */
const SHOWN = 10;

/**
 * Lists the problems of a simulated flow, each worded in the current
 * language and led by the name of the node it concerns.
 */
export function FlowProblemList({
  problems,
  document,
}: {
  problems: readonly FlowProblem[];
  document: FlowDocument;
}) {
  const { t, i18n } = useTranslation('simulation');
  const nodeName = useNodeName(document);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  return (
    <>
      <List size="sm">
        {problems.slice(0, SHOWN).map((problem, index) => (
          <List.Item key={index}>
            {problem.nodeId === undefined
              ? formatProblem(problem, language)
              : t('problemAtNode', {
                  node: nodeName(problem.nodeId),
                  message: formatProblem(problem, language),
                })}
          </List.Item>
        ))}
      </List>
      {problems.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('problemsMore', { count: problems.length - SHOWN })}
        </Text>
      )}
    </>
  );
}
