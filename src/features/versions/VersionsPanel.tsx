import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconEye,
  IconGitCompare,
  IconRocket,
  IconRocketOff,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RowActionsMenu } from '../../app/RowActionsMenu';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/useFormat';
import type { FlowVersionRecord } from '../../storage/records';
import { useStoredFlow } from '../flows/flow-repository';
import { PublishErrorsAlert } from './PublishErrorsAlert';
import { SaveVersionForm } from './SaveVersionForm';
import { useVersionActions } from './useVersionActions';
import { useVersions } from './version-repository';
import { selectPhase, useSyncStatus } from '../sync/sync.store';

interface VersionRowProps {
  flowId: string;
  version: FlowVersionRecord;
  published: boolean;
  onRestore: (version: FlowVersionRecord) => void;
  onPublish: (version: FlowVersionRecord) => void;
  onRetryOnServer: (version: FlowVersionRecord) => Promise<unknown>;
  onUnpublish: () => void;
  onDelete: (version: FlowVersionRecord) => void;
}

function VersionRow({
  flowId,
  version,
  published,
  onRestore,
  onPublish,
  onRetryOnServer,
  onUnpublish,
  onDelete,
}: VersionRowProps) {
  const { t } = useTranslation('versions');
  const format = useFormat();

  return (
    <Table.Tr data-testid="version-row">
      <Table.Td>
        <Group gap="xs">
          <Anchor component={Link} to={paths.version(flowId, version.id)} fw={500}>
            {version.name}
          </Anchor>
          {published && (
            <Badge color="green" variant="light">
              {t('list.published')}
            </Badge>
          )}
        </Group>
        {published && (
          <ServerPublishState version={version} onRetry={() => onRetryOnServer(version)} />
        )}
        {version.note && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {version.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{format.dateTime(version.createdAt)}</Table.Td>
      <Table.Td>
        <RowActionsMenu label={t('list.actions', { name: version.name })}>
          <Menu.Item
            component={Link}
            to={paths.version(flowId, version.id)}
            leftSection={<IconEye size={16} />}
          >
            {t('list.open')}
          </Menu.Item>
          <Menu.Item
            component={Link}
            to={paths.compareVersions(flowId, version.id, 'current')}
            leftSection={<IconGitCompare size={16} />}
          >
            {t('list.compareWithCurrent')}
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowBackUp size={16} />} onClick={() => onRestore(version)}>
            {t('list.restore')}
          </Menu.Item>
          {published ? (
            <Menu.Item leftSection={<IconRocketOff size={16} />} onClick={onUnpublish}>
              {t('list.unpublish')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconRocket size={16} />} onClick={() => onPublish(version)}>
              {t('list.publish')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => onDelete(version)}
          >
            {t('list.delete')}
          </Menu.Item>
        </RowActionsMenu>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Where the published version runs besides this browser: on the connected
 * server (with the server's version number), nowhere else, or not on the
 * server because publishing there failed, with the reason and a retry.
 */
function ServerPublishState({
  version,
  onRetry,
}: {
  version: FlowVersionRecord;
  onRetry: () => Promise<unknown>;
}) {
  const { t } = useTranslation('versions');
  const connected = useSyncStatus(selectPhase) !== 'disconnected';
  const [busy, setBusy] = useState(false);
  const outcome = version.serverPublish;
  const retry = (
    <Button
      size="compact-xs"
      variant="light"
      loading={busy}
      onClick={() => {
        setBusy(true);
        void onRetry().finally(() => setBusy(false));
      }}
    >
      {outcome?.status === 'failed' ? t('serverPublish.retry') : t('serverPublish.publishOnServer')}
    </Button>
  );

  if (outcome?.status === 'published') {
    return (
      <Badge color="teal" variant="light" mt={4} data-testid="server-publish-state">
        {t('serverPublish.badges.onServer', { version: outcome.version })}
      </Badge>
    );
  }
  if (outcome?.status === 'failed') {
    return (
      <Stack gap={4} mt={4} align="flex-start" data-testid="server-publish-state">
        <Badge color="red" variant="light">
          {t('serverPublish.badges.failed')}
        </Badge>
        <Text size="sm" c="red.8">
          {t(`serverPublish.reasons.${outcome.reason}`, { detail: outcome.detail })}
        </Text>
        {retry}
      </Stack>
    );
  }
  return (
    <Group gap="xs" mt={4} data-testid="server-publish-state">
      <Badge color="gray" variant="light">
        {t('serverPublish.badges.localOnly')}
      </Badge>
      {connected && retry}
    </Group>
  );
}

/**
 * Saves, lists, opens, compares, restores and publishes the versions of one
 * flow. The editor shows it in a drawer; the versions screen shows it alone.
 */
export function VersionsPanel({ flowId }: { flowId: string }) {
  const { t } = useTranslation('versions');
  const stored = useStoredFlow(flowId);
  const versions = useVersions(flowId);
  const actions = useVersionActions(flowId);
  const [pending, setPending] = useState<{
    action: 'restore' | 'delete';
    version: FlowVersionRecord;
  }>();

  const publishedId = stored.status === 'ready' ? stored.flow.publishedVersionId : undefined;

  return (
    <Stack>
      <SaveVersionForm
        defaultName={t('save.defaultName', { number: (versions?.length ?? 0) + 1 })}
        onSave={actions.save}
      />
      {actions.publishRefusal && (
        <PublishErrorsAlert {...actions.publishRefusal} onClose={actions.clearPublishRefusal} />
      )}
      <Group justify="space-between">
        <Text fw={500}>{t('list.title', { count: versions?.length ?? 0 })}</Text>
        {versions && versions.length > 0 && (
          <Button
            variant="default"
            size="xs"
            component={Link}
            to={paths.compareVersions(
              flowId,
              versions[1]?.id ?? versions[0]?.id,
              versions[1] ? versions[0]?.id : 'current',
            )}
            leftSection={<IconGitCompare size={16} />}
          >
            {t('list.compare')}
          </Button>
        )}
      </Group>
      {versions && versions.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      {versions && versions.length > 0 && (
        <Table verticalSpacing="xs" data-testid="version-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.name')}</Table.Th>
              <Table.Th w={180}>{t('list.savedAt')}</Table.Th>
              <Table.Th w={50}>
                <VisuallyHidden>{t('list.actionsHeader')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <VersionRow
                key={version.id}
                flowId={flowId}
                version={version}
                published={version.id === publishedId}
                onRestore={(v) => setPending({ action: 'restore', version: v })}
                onPublish={(v) => void actions.publish(v)}
                onRetryOnServer={(v) => actions.retryOnServer(v)}
                onUnpublish={() => void actions.unpublish()}
                onDelete={(v) => setPending({ action: 'delete', version: v })}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={pending !== undefined}
        title={pending?.action === 'delete' ? t('delete.title') : t('restore.title')}
        body={
          pending?.action === 'delete'
            ? t('delete.body', { name: pending.version.name })
            : t('restore.body', { name: pending?.version.name })
        }
        confirmLabel={pending?.action === 'delete' ? t('delete.confirm') : t('restore.confirm')}
        destructive={pending?.action === 'delete'}
        onClose={() => setPending(undefined)}
        onConfirm={() => {
          const current = pending;
          setPending(undefined);
          if (current?.action === 'restore') void actions.restore(current.version);
          if (current?.action === 'delete') void actions.remove(current.version);
        }}
      />
    </Stack>
  );
}
