import {
  Alert,
  Badge,
  Button,
  Center,
  FileButton,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconCopy,
  IconDownload,
  IconLock,
  IconLockOpen,
  IconPlus,
  IconRefresh,
  IconTrash,
  IconUpload,
  IconWand,
} from '@tabler/icons-react';
import {
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { distinctLabels } from '../../app/distinct-labels';
import { notifyFailure } from '../../app/notifications';
import { createId } from '../../storage/ids';
import { useDatasets } from './dataset-reader';
import { discardSessionDraft, useSessionDraft } from '../../app/forms/session-draft';
import { NewPlanDialog } from './NewPlanDialog';
import { NEW_PLAN_DRAFT_KEY } from './new-plan-draft';
import { isCellLocked, setCellLock } from './plan-edit';
import type { CellEntryError } from './cell-entry';
import { cellValue, listGridRows, MAX_PLAN_TOTAL } from './plan-grid';
import { withSplitNotes } from './plan-build';
import { nextWorkingPlan } from './plan-selection';
import { approvePlan, createDraftVersion, findApprovedPlan } from './plan-versions';
import { PlanGrid } from './PlanGrid';
import { groupByLineage, planLabels } from './plan-labels';
import { withCurrentNames } from './plan-rename';
import { diffPlanTeam, hasTeamChanges, syncPlanWithTeam } from './plan-team-sync';
import { PlanSummary } from './PlanSummary';
import { ResplitDialog } from './ResplitDialog';
import { summariseTeamChanges, TeamSyncDialog } from './TeamSyncDialog';
import { describeCell, describeTableProblems, describeTargetProblem } from './target-messages';
import {
  deleteTargetPlan,
  saveTargetPlans,
  toPlanPerson,
  useReps,
  useTargetPlans,
} from './target-plan.repository';
import type { CellRef, TargetPlan, TargetProblem } from './target-plan.types';
import { useAmountFormat } from './useAmountFormat';
import { usePlanFile, type PlanImportProblem } from './usePlanFile';
import { WorkbookReadError } from './xlsx-file';
import { getPlanEditClient } from './worker/plan-edit.client';
import { PlanEditQueue, type PlanEdit, type PlanEditOutcome } from './worker/plan-edit-queue';

/** The targets screen: plans by year and version, the editable grid and its exact totals. */
export function TargetsScreen() {
  const { t, i18n } = useTranslation('targets');
  const plans = useTargetPlans();
  const createdFormat = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );
  const reps = useReps();
  const datasets = useDatasets();
  const [searchParams, setSearchParams] = useSearchParams();
  const [working, setWorking] = useState<TargetPlan | null>(null);
  const [selected, setSelected] = useState<CellRef | null>(null);
  // A session draft, so that a reload reopens the new-plan form with what was typed.
  const [creating, setCreating] = useSessionDraft('targets.newPlanOpen', false);
  const closeNewPlan = useCallback(() => {
    setCreating(false);
    discardSessionDraft(NEW_PLAN_DRAFT_KEY);
  }, [setCreating]);
  const [resplitting, setResplitting] = useState(false);
  const [syncingTeam, setSyncingTeam] = useState(false);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [confirmingApprove, setConfirmingApprove] = useState(false);
  const [rejection, setRejection] = useState<TargetProblem[] | null>(null);
  const [invalidEntry, setInvalidEntry] = useState<{
    cell: CellRef;
    text: string;
    error: CellEntryError;
  } | null>(null);
  const { exportPlan, readImport } = usePlanFile();

  const selectedId = searchParams.get('plan') ?? plans?.[0]?.id ?? null;
  const stored = plans?.find((plan) => plan.id === selectedId) ?? null;
  // Until the effect below takes the stored plan in, the screen shows it as stored.
  const plan = working ?? stored;
  const people = useMemo(
    () => (reps ?? []).filter((rep) => rep.active !== false).map(toPlanPerson),
    [reps],
  );
  const formatAmount = useAmountFormat(plan?.unit ?? 'yuan');

  // Every change of a plan (grid edits, re-spreads, imports, approval, a new draft) runs one
  // after another on the newest plan (see PlanEditQueue). The queue reads the ref, which is
  // ahead of the state while an accepted edit waits to render.
  const planRef = useRef<TargetPlan | null>(null);
  useEffect(() => {
    planRef.current = working;
  }, [working]);
  // Approval reads the other stored plans when its turn comes, not when it was clicked.
  const plansRef = useRef<readonly TargetPlan[]>([]);
  useEffect(() => {
    plansRef.current = plans ?? [];
  }, [plans]);
  const editQueue = useMemo(
    () =>
      new PlanEditQueue({
        read: () => planRef.current,
        write: (next, others) => {
          planRef.current = next;
          setWorking(next);
          return saveTargetPlans([next, ...others]).catch((error: unknown) =>
            notifyFailure(t, 'targets:errors.saveFailed', error),
          );
        },
      }),
    [t],
  );

  // Ids of every plan seen stored, which tell a plan not yet stored from a deleted one.
  const seenPlanIds = useRef(new Set<string>());
  useEffect(() => {
    for (const candidate of plans ?? []) seenPlanIds.current.add(candidate.id);
    setWorking((current) => nextWorkingPlan(current, stored, selectedId, seenPlanIds.current));
  }, [plans, stored, selectedId]);

  // A 500-rep grid rendered with the rest of the screen blocks the main thread for over 50 ms.
  // So a plan's sums and grid first render in the background, and later edits render at once.
  const shownPlanId = useDeferredValue(plan?.id ?? null, null);

  // The plan keeps the rep names it was made with. The screen and the exported file show each
  // rep's current name by id, and mark a rep who was deleted or set inactive since. Re-splitting
  // matches dataset owners by name, so it gets the current names without the marks.
  const currentNames = useMemo(
    () => new Map((reps ?? []).map((rep) => [rep.id, rep.name])),
    [reps],
  );
  const shownNames = useMemo(
    () =>
      new Map(
        (reps ?? []).map((rep) => [
          rep.id,
          rep.active === false ? t('grid.inactiveRep', { name: rep.name }) : rep.name,
        ]),
      ),
    [reps, t],
  );
  const shownPlan = useMemo(
    () => plan && withCurrentNames(plan, shownNames, (name) => t('grid.removedRep', { name })),
    [plan, shownNames, t],
  );
  const resplitPlan = useMemo(
    () => plan && withCurrentNames(plan, currentNames, (name) => name),
    [plan, currentNames],
  );
  const teamChanges = useMemo(() => plan && diffPlanTeam(plan, people), [plan, people]);

  if (!plans || !reps || !datasets) {
    return (
      <Center h={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }

  const selectPlan = (id: string) => {
    setSearchParams((params) => {
      params.set('plan', id);
      return params;
    });
    setSelected(null);
    setImportProblems([]);
  };

  // Queues an edit of the plan and resolves to whether it was applied.
  const edit = async (planId: string, change: PlanEdit): Promise<boolean> => {
    const outcome = await editQueue.enqueue(planId, change);
    setInvalidEntry(null);
    if (outcome.status === 'rejected') {
      setRejection(outcome.problems);
      return false;
    }
    if (outcome.status === 'failed') {
      notifyFailure(t, 'targets:errors.editFailed', outcome.error);
      return false;
    }
    if (outcome.status === 'applied') setRejection(null);
    return outcome.status === 'applied';
  };
  // Words the problems that stopped a dialog's edit as the dialog shows them, or returns none.
  const dialogProblems = (outcome: PlanEditOutcome): string[] => {
    if (outcome.status === 'rejected')
      return outcome.problems.map((problem) =>
        describeTargetProblem(t, problem, outcome.plan, formatAmount),
      );
    if (outcome.status === 'failed')
      return [outcome.error instanceof Error ? outcome.error.message : String(outcome.error)];
    return [];
  };
  const toggleLock = (planId: string, cell: CellRef) =>
    void edit(planId, (base) => setCellLock(base, cell, !isCellLocked(base, cell), Date.now()));

  const readOnly = plan?.status !== 'draft';
  const labels = planLabels(
    plans,
    (candidate) => `${candidate.name} · v${candidate.version} · ${t(`status.${candidate.status}`)}`,
    (label, candidate) =>
      t('planCreated', { label, time: createdFormat.format(candidate.createdAt) }),
  );
  const planLabel = (candidate: TargetPlan) => labels.get(candidate.id) ?? candidate.name;
  // One group per plan, named by the plan; plans of the same name also show when the first was made.
  const groupLabels = distinctLabels(
    groupByLineage(plans).map((versions) => {
      const first = versions.reduce((a, b) => (b.version < a.version ? b : a));
      return { id: first.lineageId, name: first.name, createdAt: first.createdAt };
    }),
    (group) => group.name,
    (group) => t('planCreated', { label: group.name, time: createdFormat.format(group.createdAt) }),
    (a, b) => a.createdAt - b.createdAt,
  );
  const replacedApproval =
    plan &&
    findApprovedPlan(
      plans.filter((candidate) => candidate.id !== plan.id),
      plan.year,
    );

  // Approval and a new draft go through the edit queue, so they take in a re-spread still in
  // flight instead of being overwritten by it.
  const approve = async ({ id, name, version }: TargetPlan) => {
    const approved = await edit(id, (base) => {
      const result = approvePlan(base, plansRef.current, Date.now());
      if (!result.ok) return result;
      return { ok: true, value: result.value.approved, others: result.value.superseded };
    });
    if (!approved) return;
    notifications.show({
      color: 'teal',
      message: t('messages.approved', { name, version }),
    });
  };

  const newDraft = async (planId: string) => {
    const draftId = createId('plan');
    const created = await edit(planId, (base) => ({
      ok: true,
      value: createDraftVersion(base, plansRef.current, draftId, Date.now()),
    }));
    if (created) selectPlan(draftId);
  };

  const remove = () => {
    if (!plan) return;
    setConfirmingDelete(false);
    deleteTargetPlan(plan.id)
      .then(() => setSearchParams(new URLSearchParams()))
      .catch((error: unknown) => notifyFailure(t, 'targets:errors.saveFailed', error));
  };

  // The file is read at once. Its values go through the edit queue, so they apply to the plan
  // that a re-spread still in flight leaves, and that re-spread cannot overwrite them.
  const onImport = async (file: File | null) => {
    if (!plan || !file) return;
    let importEdit: PlanEdit<PlanImportProblem>;
    try {
      importEdit = await readImport(file);
    } catch (error) {
      // The raw error (often SheetJS's English text) is for engineers; the manager gets ours.
      console.error(error);
      const notWorkbook = error instanceof WorkbookReadError && error.code === 'not-a-workbook';
      setImportProblems([
        t(notWorkbook ? 'tableProblems.not-a-workbook' : 'tableProblems.unreadable', {
          file: file.name,
        }),
      ]);
      return;
    }

    const outcome = await editQueue.enqueue(plan.id, importEdit);
    if (outcome.status === 'rejected') {
      // A missing row is named as the grid names it, by the rep's current name.
      const shownLabels = new Map(
        listGridRows(shownPlan ?? plan).map((row) => [row.key, row.label]),
      );
      const named = outcome.problems.map((problem) =>
        problem.code === 'missing-row'
          ? { ...problem, label: shownLabels.get(problem.rowKey) || problem.label }
          : problem,
      );
      setImportProblems(describeTableProblems(t, named, formatAmount));
    } else if (outcome.status === 'failed') {
      notifyFailure(t, 'targets:errors.editFailed', outcome.error);
    } else if (outcome.status === 'applied') {
      setImportProblems([]);
      notifications.show({ color: 'teal', message: t('messages.imported', { file: file.name }) });
    }
  };

  const selectedLocked = plan && selected ? isCellLocked(plan, selected) : false;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <Group gap="xs">
          {plans.length > 0 && (
            <Select
              aria-label={t('planSelect')}
              data={groupByLineage(plans).map((versions) => ({
                group: groupLabels.get(versions[0]?.lineageId ?? '') ?? '',
                items: versions.map((candidate) => ({
                  value: candidate.id,
                  label: planLabel(candidate),
                })),
              }))}
              value={plan?.id ?? null}
              onChange={(id) => id && selectPlan(id)}
              allowDeselect={false}
              w={320}
            />
          )}
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('actions.newPlan')}
          </Button>
        </Group>
      </Group>

      {!plan && (
        <Paper withBorder p="xl">
          <Stack align="center" gap="xs">
            <Text fw={600}>{t('empty.title')}</Text>
            <Text c="dimmed" size="sm" ta="center" maw={520}>
              {people.length === 0 ? t('empty.noPeople') : t('empty.body')}
            </Text>
          </Stack>
        </Paper>
      )}

      {plan && shownPlan && resplitPlan && (
        <>
          <Group justify="space-between">
            <Group gap="xs">
              <Badge
                color={
                  plan.status === 'approved' ? 'teal' : plan.status === 'draft' ? 'blue' : 'gray'
                }
                size="lg"
                variant="light"
              >
                {t(`status.${plan.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('versionLine', { version: plan.version, year: plan.year })}
              </Text>
            </Group>
            <Group gap="xs">
              {plan.status === 'draft' ? (
                <>
                  <Button
                    variant="default"
                    leftSection={<IconWand size={16} />}
                    onClick={() => setResplitting(true)}
                  >
                    {t('actions.resplit')}
                  </Button>
                  <FileButton onChange={(file) => void onImport(file)} accept=".xlsx,.xls">
                    {(props) => (
                      <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                        {t('actions.import')}
                      </Button>
                    )}
                  </FileButton>
                </>
              ) : (
                <Button
                  variant="default"
                  leftSection={<IconCopy size={16} />}
                  onClick={() => void newDraft(plan.id)}
                >
                  {t('actions.newDraft')}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() =>
                  void exportPlan(shownPlan).catch((error: unknown) =>
                    notifyFailure(t, 'targets:errors.exportFailed', error),
                  )
                }
              >
                {t('actions.export')}
              </Button>
              {plan.status === 'draft' && (
                <>
                  <Button
                    color="teal"
                    leftSection={<IconCheck size={16} />}
                    onClick={() => setConfirmingApprove(true)}
                  >
                    {t('actions.approve')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    onClick={() => setConfirmingDelete(true)}
                  >
                    {t('actions.delete')}
                  </Button>
                </>
              )}
            </Group>
          </Group>

          {shownPlanId === plan.id ? (
            <PlanSummary plan={shownPlan} datasets={datasets} />
          ) : (
            <Center h={120}>
              <Loader aria-label={t('common:loading')} />
            </Center>
          )}

          {teamChanges && hasTeamChanges(teamChanges) && (
            <Alert color="yellow" title={t('teamSync.noticeTitle')} data-testid="team-changed">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm">
                  {t(readOnly ? 'teamSync.noticeReadOnly' : 'teamSync.noticeDraft', {
                    summary: summariseTeamChanges(t, teamChanges),
                  })}
                </Text>
                {!readOnly && (
                  <Button
                    size="xs"
                    variant="light"
                    color="yellow"
                    leftSection={<IconRefresh size={14} />}
                    onClick={() => setSyncingTeam(true)}
                    style={{ flexShrink: 0 }}
                  >
                    {t('teamSync.action')}
                  </Button>
                )}
              </Group>
            </Alert>
          )}

          {importProblems.length > 0 && (
            <Alert
              color="red"
              title={t('tableProblems.title')}
              withCloseButton
              onClose={() => setImportProblems([])}
              role="alert"
            >
              <List size="sm">
                {importProblems.slice(0, 50).map((problem) => (
                  <List.Item key={problem}>{problem}</List.Item>
                ))}
              </List>
              {importProblems.length > 50 && (
                <Text size="sm">
                  {t('tableProblems.more', { count: importProblems.length - 50 })}
                </Text>
              )}
            </Alert>
          )}

          {(rejection || invalidEntry) && (
            <Alert
              color="red"
              title={t('errors.changeRejected')}
              withCloseButton
              onClose={() => {
                setRejection(null);
                setInvalidEntry(null);
              }}
              role="alert"
              data-testid="change-rejected"
            >
              {invalidEntry
                ? t(`grid.invalidEntry.${invalidEntry.error}`, {
                    cell: describeCell(t, shownPlan, invalidEntry.cell),
                    text: invalidEntry.text,
                    limit: formatAmount(MAX_PLAN_TOTAL),
                  })
                : rejection
                    ?.map((problem) => describeTargetProblem(t, problem, shownPlan, formatAmount))
                    .join(' ')}
            </Alert>
          )}

          <Group justify="space-between" mih={36}>
            <Text size="sm" c="dimmed">
              {readOnly ? t('grid.readOnlyHelp') : t('grid.help')}
            </Text>
            {selected && (
              <Group gap="xs" data-testid="selected-cell">
                <Text size="sm">
                  {describeCell(t, shownPlan, selected)}:{' '}
                  <strong>{formatAmount(cellValue(plan, selected))}</strong>
                </Text>
                {!readOnly && (
                  <Button
                    size="xs"
                    variant={selectedLocked ? 'filled' : 'light'}
                    color="yellow"
                    leftSection={
                      selectedLocked ? <IconLockOpen size={14} /> : <IconLock size={14} />
                    }
                    onClick={() => toggleLock(plan.id, selected)}
                  >
                    {selectedLocked ? t('actions.unlock') : t('actions.lock')}
                  </Button>
                )}
              </Group>
            )}
          </Group>

          {shownPlanId === plan.id && (
            <PlanGrid
              plan={shownPlan}
              selected={selected}
              readOnly={readOnly}
              onSelect={setSelected}
              onCommit={(cell, value) =>
                edit(plan.id, (base) =>
                  getPlanEditClient().setCellValue(base, cell, value, Date.now()),
                )
              }
              onInvalidEntry={(cell, text, error) => {
                setRejection(null);
                setInvalidEntry({ cell, text, error });
              }}
              onToggleLock={(cell) => toggleLock(plan.id, cell)}
            />
          )}

          <Modal
            opened={confirmingDelete}
            onClose={() => setConfirmingDelete(false)}
            title={t('delete.title')}
          >
            <Stack>
              <Text size="sm">{t('delete.body', { name: planLabel(plan) })}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirmingDelete(false)}>
                  {t('common:actions.cancel')}
                </Button>
                <Button color="red" onClick={remove}>
                  {t('common:actions.delete')}
                </Button>
              </Group>
            </Stack>
          </Modal>

          <Modal
            opened={confirmingApprove}
            onClose={() => setConfirmingApprove(false)}
            title={t('approve.title')}
          >
            <Stack>
              <Text size="sm">
                {replacedApproval
                  ? t('approve.replaces', {
                      name: planLabel(plan),
                      approved: planLabel(replacedApproval),
                    })
                  : t('approve.body', { name: planLabel(plan) })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirmingApprove(false)}>
                  {t('common:actions.cancel')}
                </Button>
                <Button
                  color="teal"
                  onClick={() => {
                    setConfirmingApprove(false);
                    void approve(plan);
                  }}
                >
                  {t('actions.approve')}
                </Button>
              </Group>
            </Stack>
          </Modal>

          {plan.status === 'draft' && (
            <TeamSyncDialog
              opened={syncingTeam}
              plan={resplitPlan}
              people={people}
              formatAmount={formatAmount}
              onClose={() => setSyncingTeam(false)}
              onApply={async (newReps) => {
                const outcome = await editQueue.enqueue(plan.id, (base) =>
                  syncPlanWithTeam(base, people, newReps, Date.now()),
                );
                if (outcome.status === 'applied')
                  notifications.show({
                    color: 'teal',
                    message: t('teamSync.applied', { name: planLabel(plan) }),
                  });
                return dialogProblems(outcome);
              }}
            />
          )}

          {plan.status === 'draft' && (
            <ResplitDialog
              opened={resplitting}
              plan={resplitPlan}
              datasets={datasets}
              onClose={() => setResplitting(false)}
              onApply={async ({ notes, ...splits }) => {
                const outcome = await editQueue.enqueue(plan.id, async (base) => {
                  const result = await getPlanEditClient().resplit(base, splits, Date.now());
                  if (!result.ok) return result;
                  return {
                    ok: true,
                    value: withSplitNotes(result.value, [...result.notices, ...notes]),
                  };
                });
                return dialogProblems(outcome);
              }}
            />
          )}
        </>
      )}

      <NewPlanDialog
        opened={creating}
        people={people}
        datasets={datasets}
        plans={plans}
        onClose={closeNewPlan}
        onOpenPlan={(planId) => {
          closeNewPlan();
          selectPlan(planId);
        }}
        onCreate={async (created) => {
          try {
            await saveTargetPlans([created]);
            closeNewPlan();
            // The dialog closes at once, and the new plan's screen renders in the background.
            startTransition(() => {
              setWorking(created);
              selectPlan(created.id);
            });
          } catch (error) {
            notifyFailure(t, 'targets:errors.saveFailed', error);
          }
        }}
      />
    </Stack>
  );
}
