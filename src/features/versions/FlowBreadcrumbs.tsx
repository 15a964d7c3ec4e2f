import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { hasScreenFor } from '../../app/routes';

interface FlowBreadcrumbsProps {
  flowId: string;
  flowName: string;
  /** Trail below the flow; the last entry is the current screen and has no link. */
  trail: { label: string; to?: string }[];
}

/** Flows › flow › … trail at the top of the version screens. */
export function FlowBreadcrumbs({ flowId, flowName, trail }: FlowBreadcrumbsProps) {
  const { t } = useTranslation();
  const editorPath = paths.flowEditor(flowId);

  return (
    <Breadcrumbs aria-label={t('breadcrumbs')}>
      <Anchor component={Link} to={paths.flows()}>
        {t('nav.flows')}
      </Anchor>
      {hasScreenFor(editorPath) ? (
        <Anchor component={Link} to={editorPath}>
          {flowName}
        </Anchor>
      ) : (
        <Text>{flowName}</Text>
      )}
      {trail.map((entry) =>
        entry.to ? (
          <Anchor key={entry.label} component={Link} to={entry.to}>
            {entry.label}
          </Anchor>
        ) : (
          <Text key={entry.label} aria-current="page">
            {entry.label}
          </Text>
        ),
      )}
    </Breadcrumbs>
  );
}
