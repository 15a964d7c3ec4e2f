import {
  Button,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { NameDialog } from '../../app/forms/NameDialog';
import { paths } from '../../app/paths';
import { hasScreenFor } from '../../app/routes';
import type { FlowRecord } from '../../storage/records';
import { filterAndSortFlows, type FlowSortOrder } from './flow-list-filter';
import { useFlowList } from './flow-repository';
import { FlowTable } from './FlowTable';
import { ImportResultAlert } from './ImportResultAlert';
import { useSessionDraft } from '../../app/forms/session-draft';
import { useFlowActions, type FlowImportOutcome } from './useFlowActions';

/** The open name dialog, kept as a session draft: the flow's id and name, not its document. */
type NameDialogState =
  | { mode: 'create' }
  | { mode: 'rename'; flow: Pick<FlowRecord, 'id' | 'name'> }
  | { mode: 'duplicate'; flow: Pick<FlowRecord, 'id' | 'name'> };

/** The start page: every stored flow, with create, import, search and the row actions. */
export function FlowsScreen() {
  const { t, i18n } = useTranslation('flows');
  const navigate = useNavigate();
  const flows = useFlowList();
  const actions = useFlowActions();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<FlowSortOrder>('updated');
  const [nameDialog, setNameDialog] = useSessionDraft<NameDialogState | undefined>(
    'flows.nameDialog',
    undefined,
  );
  const [toDelete, setToDelete] = useState<FlowRecord>();
  const [importOutcome, setImportOutcome] = useState<FlowImportOutcome>();

  const visible = useMemo(
    () => filterAndSortFlows(flows ?? [], query, order, i18n.language),
    [flows, query, order, i18n.language],
  );

  const submitName = async (name: string) => {
    const dialog = nameDialog;
    setNameDialog(undefined);
    if (!dialog) return;

    if (dialog.mode === 'rename') {
      await actions.rename(dialog.flow.id, name);
      return;
    }
    const created =
      dialog.mode === 'create'
        ? await actions.create(name)
        : await actions.duplicate(dialog.flow.id, name);
    const editorPath = created && paths.flowEditor(created.id);
    if (editorPath && dialog.mode === 'create' && hasScreenFor(editorPath)) navigate(editorPath);
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportOutcome(await actions.importFile(file));
  };

  const dialogTexts = {
    create: {
      title: t('nameDialog.createTitle'),
      submit: t('nameDialog.create'),
      name: t('defaultName', { number: (flows?.length ?? 0) + 1 }),
    },
    rename: {
      title: t('nameDialog.renameTitle'),
      submit: t('nameDialog.rename'),
      name: nameDialog?.mode === 'rename' ? nameDialog.flow.name : '',
    },
    duplicate: {
      title: t('nameDialog.duplicateTitle'),
      submit: t('nameDialog.duplicate'),
      name: nameDialog?.mode === 'duplicate' ? t('copyName', { name: nameDialog.flow.name }) : '',
    },
  }[nameDialog?.mode ?? 'create'];

  return (
    <Stack maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('title')}</Title>
          <Text c="dimmed">{t('subtitle')}</Text>
        </Stack>
        <Group>
          <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={18} />}>
                {t('import.button')}
              </Button>
            )}
          </FileButton>
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => setNameDialog({ mode: 'create' })}
          >
            {t('create')}
          </Button>
        </Group>
      </Group>

      {importOutcome && (
        <ImportResultAlert outcome={importOutcome} onClose={() => setImportOutcome(undefined)} />
      )}

      <Group>
        <TextInput
          flex={1}
          leftSection={<IconSearch size={16} />}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        <SegmentedControl
          aria-label={t('sort.label')}
          data-testid="flow-sort"
          value={order}
          onChange={(value) => setOrder(value as FlowSortOrder)}
          data={[
            { value: 'updated', label: t('sort.updated') },
            { value: 'name', label: t('sort.name') },
          ]}
        />
      </Group>

      <Paper withBorder p="xs">
        {flows === undefined ? null : flows.length === 0 ? (
          <Stack align="center" py="xl" gap="xs">
            <Text fw={500}>{t('empty.title')}</Text>
            <Text c="dimmed" size="sm">
              {t('empty.body')}
            </Text>
          </Stack>
        ) : visible.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('search.noMatch', { query })}
          </Text>
        ) : (
          <FlowTable
            flows={visible}
            onRename={({ id, name }) => setNameDialog({ mode: 'rename', flow: { id, name } })}
            onDuplicate={({ id, name }) => setNameDialog({ mode: 'duplicate', flow: { id, name } })}
            onExport={actions.exportFile}
            onDelete={setToDelete}
          />
        )}
      </Paper>

      <NameDialog
        opened={nameDialog !== undefined}
        title={dialogTexts.title}
        label={t('nameDialog.label')}
        submitLabel={dialogTexts.submit}
        initialName={dialogTexts.name}
        onSubmit={(name) => void submitName(name)}
        onClose={() => setNameDialog(undefined)}
        draftKey="flows.nameDialog.name"
      />
      <ConfirmDialog
        opened={toDelete !== undefined}
        title={t('delete.title')}
        body={t('delete.body', { name: toDelete?.name })}
        confirmLabel={t('delete.confirm')}
        destructive
        onClose={() => setToDelete(undefined)}
        onConfirm={() => {
          const flow = toDelete;
          setToDelete(undefined);
          if (flow) void actions.remove(flow);
        }}
      />
    </Stack>
  );
}
