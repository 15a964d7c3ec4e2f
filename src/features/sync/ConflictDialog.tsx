import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FlowDocument } from '@sras/engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffFlows } from '../versions/flow-diff';
import { FlowDiffView } from '../versions/FlowDiffView';
import { asReps } from './rep-conflict';
import { RepConflictDetails } from './RepConflictDetails';
import { resolveConflict, type ConflictChoice } from './sync.engine';
import type { SyncConflict } from './sync.store';

interface ConflictDialogProps {
  conflict: SyncConflict | null;
  onClose: () => void;
}

/**
 * Shows both versions of a document changed here and on the server, what
 * differs, and lets the user keep this device's, keep the server's or, for
 * flows, keep both.
 */
export function ConflictDialog({ conflict, onClose }: ConflictDialogProps) {
  const { t } = useTranslation('sync');
  const [busy, setBusy] = useState<ConflictChoice | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (choice: ConflictChoice) => {
    if (!conflict) return;
    setBusy(choice);
    setError(null);
    try {
      await resolveConflict(conflict, choice, (name) => t('conflicts.copyName', { name }));
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      opened={conflict !== null}
      onClose={onClose}
      title={t('conflicts.dialogTitle')}
      size="xl"
    >
      {conflict && (
        <Stack gap="md" data-testid="conflict-dialog">
          <Text>{t('conflicts.explain')}</Text>
          {conflict.kind === 'flow' ? (
            <FlowVersions local={conflict.local} server={conflict.server} />
          ) : conflict.kind === 'reps' ? (
            <Stack gap="sm">
              <SimpleGrid cols={2}>
                <ListSide title={t('conflicts.local')} items={conflict.local} />
                <ListSide title={t('conflicts.server')} items={conflict.server} />
              </SimpleGrid>
              <RepConflictDetails local={asReps(conflict.local)} server={asReps(conflict.server)} />
            </Stack>
          ) : (
            <SimpleGrid cols={2}>
              <ListSide title={t('conflicts.local')} items={conflict.local} />
              <ListSide title={t('conflicts.server')} items={conflict.server} />
            </SimpleGrid>
          )}
          {error && (
            <Text c="red" size="sm">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => void choose('keep-server')}
              loading={busy === 'keep-server'}
            >
              {t('conflicts.keepServer')}
            </Button>
            {conflict.kind === 'flow' && conflict.local !== null && (
              <Button
                variant="default"
                onClick={() => void choose('keep-both')}
                loading={busy === 'keep-both'}
              >
                {t('conflicts.keepBoth')}
              </Button>
            )}
            <Button onClick={() => void choose('keep-local')} loading={busy === 'keep-local'}>
              {t('conflicts.keepLocal')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function FlowVersions({
  local,
  server,
}: {
  local: FlowDocument | null;
  server: FlowDocument | null;
}) {
  const { t } = useTranslation('sync');

  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        <FlowSide title={t('conflicts.local')} document={local} testId="conflict-local" />
        <FlowSide title={t('conflicts.server')} document={server} testId="conflict-server" />
      </SimpleGrid>
      {local && server && (
        <Paper withBorder p="sm" data-testid="conflict-differences">
          <Title order={4} size="h5" mb="xs">
            {t('conflicts.differences')}
          </Title>
          <FlowDiffView
            diff={diffFlows(server, local)}
            labels={{ before: t('conflicts.server'), after: t('conflicts.local') }}
          />
        </Paper>
      )}
    </Stack>
  );
}

function FlowSide({
  title,
  document,
  testId,
}: {
  title: string;
  document: FlowDocument | null;
  testId: string;
}) {
  const { t } = useTranslation('sync');
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {document ? (
        <Stack gap={2} mt="xs">
          <Text fw={500}>{document.name}</Text>
          <Text size="sm" c="dimmed">
            {t('conflicts.counts', { nodes: document.nodes.length, edges: document.edges.length })}
          </Text>
        </Stack>
      ) : (
        <Text mt="xs" c="dimmed">
          {t('conflicts.deleted')}
        </Text>
      )}
    </Paper>
  );
}

function ListSide({ title, items }: { title: string; items: unknown[] }) {
  const { t } = useTranslation('sync');
  const names = items.map((item) => {
    const record = item as { id?: unknown; name?: unknown; owner_id?: unknown; phone?: unknown };
    if (typeof record.name === 'string') return record.name;
    // Existing-owner items have no id or name: show the owner and the phone.
    if (record.id === undefined) return `${String(record.owner_id)} ${String(record.phone ?? '')}`;
    return String(record.id);
  });
  return (
    <Paper withBorder p="sm">
      <Title order={4} size="h5">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mt="xs">
        {t('conflicts.items', { count: items.length })}
      </Text>
      <Text size="sm">{names.slice(0, 20).join('、')}</Text>
    </Paper>
  );
}
