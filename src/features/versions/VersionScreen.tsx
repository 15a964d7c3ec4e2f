import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ScreenLoading } from '../../app/layout/ScreenLoading';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/useFormat';
import { FlowCanvasView } from '../editor';
import { useStoredFlow } from '../flows/flow-repository';
import { FlowBreadcrumbs } from './FlowBreadcrumbs';
import { FlowNotFound } from './FlowNotFound';
import { FlowStructureList } from './FlowStructureList';
import { useVersion } from './version-repository';

/** One version, read-only, at /flows/:flowId/versions/:versionId. */
export function VersionScreen() {
  const { t } = useTranslation('versions');
  const format = useFormat();
  const { flowId = '', versionId = '' } = useParams();
  const stored = useStoredFlow(flowId);
  const version = useVersion(versionId);

  if (stored.status === 'loading' || version === undefined) return <ScreenLoading />;
  if (stored.status === 'missing') return <FlowNotFound what="flow" />;
  if (version === null || version.flowId !== flowId) return <FlowNotFound what="version" />;

  const published = stored.flow.publishedVersionId === version.id;

  return (
    <Stack maw={1200} mx="auto">
      <FlowBreadcrumbs
        flowId={flowId}
        flowName={stored.flow.name}
        trail={[{ label: t('title'), to: paths.versions(flowId) }, { label: version.name }]}
      />
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{version.name}</Title>
            {published && (
              <Badge color="green" variant="light">
                {t('list.published')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">{t('view.savedAt', { when: format.dateTime(version.createdAt) })}</Text>
          {version.note && <Text>{version.note}</Text>}
        </Stack>
        <Button
          variant="default"
          component={Link}
          to={paths.compareVersions(flowId, version.id, 'current')}
          leftSection={<IconGitCompare size={18} />}
        >
          {t('list.compareWithCurrent')}
        </Button>
      </Group>
      <Alert color="blue" variant="light">
        {t('view.readOnly')}
      </Alert>
      <FlowCanvasView document={version.document} height={420} readOnly />
      <FlowStructureList document={version.document} />
    </Stack>
  );
}
