import {
  Button,
  FileButton,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameDialog } from '../../app/forms/NameDialog';
import { isSameName } from '../../app/forms/name-limits';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { downloadFile } from '../../app/download-file';
import type { TeamRecord } from '../../storage/records';
import { StorageFullError } from '../../storage/storage-full';
import { importLanguage } from '../data/import/import-failure-message';
import {
  draftOf,
  emptyDraft,
  nextRepId,
  repFromDraft,
  type RepDraft,
  type StoredRep,
} from './rep-draft';
import { readRepFile, writeRepFile } from './rep-file.client';
import type { RepFileFormat } from './rep-file.protocol';
import { useSessionDraft } from '../../app/forms/session-draft';
import { RepFormDialog } from './RepFormDialog';
import { RepImportDialog, type RepImportState } from './RepImportDialog';
import { RepTable } from './RepTable';
import {
  TeamRuleError,
  addRep,
  addTeam,
  applyRepImport,
  deleteRep,
  deleteTeam,
  listReps,
  listTeams,
  planRepImport,
  renameTeam,
  setRepActive,
  updateRep,
  useReps,
  useTeams,
  type RepImportMode,
} from './team-repository';
import { TeamsPanel } from './TeamsPanel';

const ALL_TEAMS = '__all__';
const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Confirmation = { type: 'rep'; rep: StoredRep } | { type: 'team'; team: TeamRecord };

/** The Team screen: reps and teams, with import and export of the rep table. */
export function TeamScreen() {
  const { t, i18n } = useTranslation('team');
  // Deferred, so that a new team renders as an interruptible transition in
  // slices of a few milliseconds instead of one long task.
  const reps = useDeferredValue(useReps());
  const teams = useDeferredValue(useTeams());
  // The open dialogs are session drafts, so a reload reopens them with what was typed.
  const [form, setForm] = useSessionDraft<
    { mode: 'create' | 'edit'; draft: RepDraft; existing?: StoredRep } | undefined
  >('team.repForm', undefined);
  const [confirmation, setConfirmation] = useState<Confirmation>();
  const [renaming, setRenaming] = useSessionDraft<TeamRecord | undefined>(
    'team.renameTeam',
    undefined,
  );
  const [importState, setImportState] = useState<RepImportState>();
  const [teamFilter, setTeamFilter] = useState(ALL_TEAMS);
  const [search, setSearch] = useState('');

  const teamNames = useMemo(() => (teams ?? []).map((team) => team.name), [teams]);
  const repCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const rep of reps ?? []) counts.set(rep.team, (counts.get(rep.team) ?? 0) + 1);
    return counts;
  }, [reps]);
  const otherReps = useMemo(
    () => (reps ?? []).filter((rep) => form?.mode === 'create' || rep.id !== form?.draft.id),
    [reps, form],
  );
  const takenIds = useMemo(
    () =>
      new Set(
        (reps ?? [])
          .map((rep) => rep.id)
          .filter((id) => form?.mode === 'create' || id !== form?.draft.id),
      ),
    [reps, form],
  );
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (reps ?? []).filter(
      (rep) =>
        (teamFilter === ALL_TEAMS || rep.team === teamFilter) &&
        (needle === '' || `${rep.name} ${rep.id} ${rep.team}`.toLowerCase().includes(needle)),
    );
  }, [reps, teamFilter, search]);

  const fail = useCallback(
    (titleKey: string, error: unknown) => {
      const message =
        error instanceof TeamRuleError
          ? t(error.messageKey, error.params)
          : error instanceof StorageFullError
            ? t('common:errors.storageFull')
            : error instanceof Error
              ? error.message
              : String(error);
      if (!(error instanceof TeamRuleError)) console.error(error);
      notifications.show({ color: 'red', title: t(titleKey), message, autoClose: false });
    },
    [t],
  );
  const run = useCallback(
    async (titleKey: string, action: () => Promise<unknown>): Promise<boolean> => {
      try {
        await action();
        return true;
      } catch (error) {
        fail(titleKey, error);
        return false;
      }
    },
    [fail],
  );

  // Stable, so that rep rows already mounted skip re-rendering.
  const editRep = useCallback(
    (rep: StoredRep) => setForm({ mode: 'edit', draft: draftOf(rep), existing: rep }),
    [setForm],
  );
  const toggleRep = useCallback(
    (rep: StoredRep) => void run('failures.save', () => setRepActive(rep.id, rep.active === false)),
    [run],
  );
  const askDeleteRep = useCallback((rep: StoredRep) => setConfirmation({ type: 'rep', rep }), []);

  const saveForm = async (draft: RepDraft) => {
    if (!form) return;
    const rep = repFromDraft(draft, Date.now(), form.existing);
    const saved = await run('failures.save', () =>
      form.mode === 'create' ? addRep(rep) : updateRep(rep),
    );
    if (saved) setForm(undefined);
  };

  const confirm = async () => {
    const target = confirmation;
    setConfirmation(undefined);
    if (target?.type === 'rep') await run('failures.delete', () => deleteRep(target.rep.id));
    if (target?.type === 'team') await run('failures.deleteTeam', () => deleteTeam(target.team.id));
  };

  const planFor = async (result: RepImportState['result'], mode: RepImportMode) =>
    result.errorCount > 0
      ? null
      : planRepImport(await listReps(), await listTeams(), result, mode, Date.now());

  const chooseImportFile = async (file: File | null) => {
    if (!file) return;
    try {
      const result = await readRepFile(file);
      setImportState({
        fileName: file.name,
        result,
        mode: 'merge',
        plan: await planFor(result, 'merge'),
      });
    } catch (error) {
      fail('failures.import', error);
    }
  };

  const confirmImport = async () => {
    const state = importState;
    if (!state?.plan) return;
    const plan = await planFor(state.result, state.mode);
    if (!plan) return;
    if (await run('failures.import', () => applyRepImport(plan))) {
      setImportState(undefined);
      notifications.show({
        color: 'green',
        message: t('import.done', {
          added: plan.added,
          updated: plan.updated,
          removed: plan.removed.length,
        }),
      });
    }
  };

  const exportFile = async (format: RepFileFormat) => {
    try {
      const bytes = await writeRepFile(await listReps(), format, importLanguage(i18n.language));
      const day = new Date().toISOString().slice(0, 10);
      downloadFile(`${t('export.fileName')}-${day}.${format}`, [bytes as BlobPart], MIME[format]);
    } catch (error) {
      fail('failures.export', error);
    }
  };

  return (
    <Stack maw={1280} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('title')}</Title>
          <Text c="dimmed">{t('subtitle')}</Text>
        </Stack>
        <Group>
          <FileButton
            onChange={(file) => void chooseImportFile(file)}
            accept=".csv,.tsv,.txt,.xlsx,.xls"
          >
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={18} />}>
                {t('import.button')}
              </Button>
            )}
          </FileButton>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconDownload size={18} />}
                disabled={!reps?.length}
              >
                {t('export.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('export.headersNote')}</Menu.Label>
              <Menu.Item onClick={() => void exportFile('xlsx')}>{t('export.xlsx')}</Menu.Item>
              <Menu.Item onClick={() => void exportFile('csv')}>{t('export.csv')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() =>
              setForm({
                mode: 'create',
                draft: emptyDraft(
                  nextRepId((reps ?? []).map((rep) => rep.id)),
                  teamFilter === ALL_TEAMS ? '' : teamFilter,
                ),
              })
            }
          >
            {t('addRep')}
          </Button>
        </Group>
      </Group>

      <TeamsPanel
        teams={teams ?? []}
        repCounts={repCounts}
        onAdd={(name) => run('failures.addTeam', () => addTeam(name))}
        onRename={setRenaming}
        onDelete={(team) => setConfirmation({ type: 'team', team })}
      />

      <Group>
        <TextInput
          flex={1}
          leftSection={<IconSearch size={16} />}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Select
          aria-label={t('search.team')}
          data={[
            { value: ALL_TEAMS, label: t('search.allTeams') },
            ...teamNames.map((name) => ({ value: name, label: name })),
          ]}
          value={teamFilter}
          onChange={(value) => setTeamFilter(value ?? ALL_TEAMS)}
          allowDeselect={false}
          w={220}
        />
      </Group>

      <Paper withBorder p="xs">
        {reps === undefined ? null : reps.length === 0 ? (
          <Stack align="center" py="xl" gap="xs">
            <Text fw={500}>{t('empty.title')}</Text>
            <Text c="dimmed" size="sm">
              {t('empty.body')}
            </Text>
          </Stack>
        ) : (
          <RepTable
            reps={visible}
            onEdit={editRep}
            onToggleActive={toggleRep}
            onDelete={askDeleteRep}
            resetKey={`${teamFilter}\n${search}`}
          />
        )}
      </Paper>

      <RepFormDialog
        draft={form?.draft}
        mode={form?.mode ?? 'create'}
        teamNames={teamNames}
        takenIds={takenIds}
        otherReps={otherReps}
        onSubmit={(draft) => void saveForm(draft)}
        onClose={() => setForm(undefined)}
        draftKey="team.repForm.values"
      />
      <ConfirmDialog
        opened={confirmation !== undefined}
        title={confirmation?.type === 'team' ? t('teams.deleteTitle') : t('deleteRep.title')}
        body={
          confirmation?.type === 'team'
            ? t('teams.deleteBody', {
                name: confirmation.team.name,
                count: repCounts.get(confirmation.team.name) ?? 0,
              })
            : t('deleteRep.body', {
                name: confirmation?.type === 'rep' ? confirmation.rep.name : '',
              })
        }
        confirmLabel={t('table.delete')}
        destructive
        onConfirm={() => void confirm()}
        onClose={() => setConfirmation(undefined)}
      />
      <NameDialog
        opened={renaming !== undefined}
        title={t('teams.renameTitle')}
        label={t('teams.nameLabel')}
        initialName={renaming?.name ?? ''}
        submitLabel={t('teams.rename')}
        validate={(name) =>
          (teams ?? []).some((team) => team.id !== renaming?.id && isSameName(team.name, name))
            ? t('errors.teamTaken', { name })
            : null
        }
        onClose={() => setRenaming(undefined)}
        draftKey="team.renameTeam.name"
        onSubmit={(name) => {
          const team = renaming;
          setRenaming(undefined);
          if (team) void run('failures.renameTeam', () => renameTeam(team.id, name));
        }}
      />
      <RepImportDialog
        state={importState}
        onModeChange={(mode) =>
          void (async () => {
            if (!importState) return;
            setImportState({ ...importState, mode, plan: await planFor(importState.result, mode) });
          })()
        }
        onConfirm={() => void confirmImport()}
        onClose={() => setImportState(undefined)}
      />
    </Stack>
  );
}
