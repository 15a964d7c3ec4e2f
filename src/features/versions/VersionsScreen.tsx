import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ScreenLoading } from '../../app/layout/ScreenLoading';
import { useStoredFlow } from '../flows/flow-repository';
import { FlowBreadcrumbs } from './FlowBreadcrumbs';
import { FlowNotFound } from './FlowNotFound';
import { VersionsPanel } from './VersionsPanel';

/** The versions of one flow at /flows/:flowId/versions. */
export function VersionsScreen() {
  const { t } = useTranslation('versions');
  const { flowId = '' } = useParams();
  const stored = useStoredFlow(flowId);

  if (stored.status === 'loading') return <ScreenLoading />;
  if (stored.status === 'missing') return <FlowNotFound what="flow" />;

  return (
    <Stack maw={1000} mx="auto">
      <FlowBreadcrumbs
        flowId={flowId}
        flowName={stored.flow.name}
        trail={[{ label: t('title') }]}
      />
      <Title order={2}>{t('titleFor', { name: stored.flow.name })}</Title>
      <Paper withBorder p="md">
        <VersionsPanel flowId={flowId} />
      </Paper>
    </Stack>
  );
}
