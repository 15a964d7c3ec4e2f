import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetRecord } from '../../storage/records';
import { useFreshDatabase } from '../../test/database';
import { importSameFileAt, textFile } from '../data/test/import-harness';
import { renderApp } from '../../test/render-app';
import { planToTable } from './grid-table';
import { personRowKey, planTotal } from './plan-grid';
import { readCellEditDraft, writeCellEditDraft } from './cell-edit-draft';
import { readNewPlanDraft } from './new-plan-draft';
import { approvePlan, createDraftVersion } from './plan-versions';
import { emptyDraft, repFromDraft } from '../team/rep-draft';
import { renameTeam } from '../team/team-repository';
import { listTargetPlans, saveTargetPlans } from './target-plan.repository';
import { CHINESE_LABELS } from './test/grid-labels';
import { buildPlan, NOW, SEVEN_REPS } from './test/plan-fixtures';
import { createInProcessPort } from './worker/in-process-port';
import { PlanEditClient, setPlanEditClientForTesting } from './worker/plan-edit.client';
import { handlePlanEditRequest } from './worker/plan-edit.handler';
import type { PlanEditRequest, PlanEditResponse } from './worker/plan-edit.protocol';
import { PlanEditQueue } from './worker/plan-edit-queue';
import { writeWorkbook } from './xlsx-file';

/** A plan-edit worker on the real handler whose answers wait until `release`, or fail. */
function controlledWorker(mode: 'hold' | 'fail') {
  const held: (() => void)[] = [];
  const port = createInProcessPort<PlanEditRequest, PlanEditResponse>((post) => (message) => {
    if (mode === 'fail') {
      post({ type: 'failed', requestId: message.requestId, message: 'out of memory' });
      return;
    }
    held.push(() => post(handlePlanEditRequest(message)));
  });
  setPlanEditClientForTesting(new PlanEditClient(port));
  return {
    heldCount: () => held.length,
    releaseOne: () => held.shift()?.(),
  };
}

/** Exports the test plan's grid with a total of `total` as an XLSX file with Chinese headers. */
async function gridFile(total: number): Promise<File> {
  const bytes = await writeWorkbook([
    { name: 'targets', rows: planToTable(buildPlan({ total }), CHINESE_LABELS) },
  ]);
  return new File([bytes as BlobPart], 'targets.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

function cell(row: string, column: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-cell="${row}|${column}"]`);
  if (!element) throw new Error(`No cell ${row}|${column}`);
  return element;
}

/** Watches the screen from now on. `stop` returns whether it ever showed no plan at all. */
function watchForNoPlan() {
  let shown = false;
  // Added nodes are read from the records, so an empty state removed again in the same task counts.
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.textContent?.includes('No target plan yet')) shown = true;
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return {
    stop: () => {
      observer.disconnect();
      return shown;
    },
  };
}

const REFUNDS: DatasetRecord = {
  id: 'deals-2026',
  name: '2026 成交',
  kind: 'deals',
  importedAt: 0,
  rowCount: 3,
  chunkSize: 3,
  columns: [
    { key: 'owner', header: '负责人', field: 'owner', type: 'text' },
    { key: 'closedAt', header: '成交日期', field: 'closedAt', type: 'date' },
    { key: 'amount', header: '金额', field: 'amount', type: 'number' },
  ],
};

/** The label dataset pickers show for `REFUNDS`: imported at the epoch, 08:00 in Shanghai. */
const REFUNDS_LABEL = '2026 成交 · 1970-01-01 08:00 · 3 rows';

describe('TargetsScreen', () => {
  const database = useFreshDatabase();
  afterEach(() => {
    setPlanEditClientForTesting(undefined);
    vi.restoreAllMocks();
  });

  it('shows current team and rep names and marks deleted reps', async () => {
    const plan = buildPlan();
    await saveTargetPlans([plan]);
    const east = { id: 'team_east', name: '华东一组', createdAt: 1 };
    await database().teams.bulkPut([east, { id: 'team_south', name: '华南组', createdAt: 1 }]);
    await database().reps.bulkPut(
      plan.people
        .filter((person) => person.id !== 'r7')
        .map((person) =>
          repFromDraft(
            {
              ...emptyDraft(person.id, person.team),
              name: person.id === 'r1' ? '张伟（华东）' : person.name,
            },
            1,
          ),
        ),
    );
    await renameTeam(east.id, '华东大区');

    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    const rowName = (rowKey: string) =>
      cell(rowKey, 'year').closest('[role="row"]')?.querySelector('[role="rowheader"]')
        ?.textContent;
    expect(rowName('team:华东大区')).toBe('华东大区');
    expect(rowName('rep:r1')).toBe('张伟（华东）');
    expect(rowName('rep:r2')).toBe('王芳');
    expect(rowName('rep:r7')).toBe('赵敏 (deleted)');
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
    expect(screen.getByTestId('sum-teams')).toHaveTextContent('exact');
    expect((await listTargetPlans())[0]?.people.find((person) => person.id === 'r1')?.name).toBe(
      '张伟',
    );
  });

  it('updates a draft from the team after a preview', async () => {
    const user = userEvent.setup();
    const plan = buildPlan();
    await saveTargetPlans([plan]);
    const team = [
      ...plan.people.filter((person) => person.id !== 'r7'),
      { id: 'r8', name: '孙丽', team: '华南组' },
    ];
    await database().reps.bulkPut(
      team.map((person) =>
        repFromDraft(
          { ...emptyDraft(person.id, person.team), name: person.name, active: person.id !== 'r2' },
          1,
        ),
      ),
    );

    await renderApp('/targets?plan=plan-2027');
    const notice = await screen.findByTestId('team-changed');
    expect(notice).toHaveTextContent('1 new rep, 2 reps have left');
    await user.click(within(notice).getByRole('button', { name: 'Update from team' }));

    const dialog = await screen.findByRole('dialog', { name: 'Update this draft from the team' });
    expect(within(dialog).getByTestId('team-sync-added')).toHaveTextContent('孙丽 (华南组): ¥0');
    expect(within(dialog).getByTestId('team-sync-left')).toHaveTextContent(
      '赵敏 (华南组): keeps a target of ¥1,714,285',
    );
    await user.click(within(dialog).getByRole('radio', { name: /A share by the split method/ }));
    expect(within(dialog).getByTestId('team-sync-added')).toHaveTextContent(
      '孙丽 (华南组): ¥1,500,000',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const rowName = (rowKey: string) =>
      cell(rowKey, 'year').closest('[role="row"]')?.querySelector('[role="rowheader"]')
        ?.textContent;
    expect(rowName('rep:r8')).toBe('孙丽');
    expect(rowName('rep:r2')).toBe('王芳 (inactive)');
    expect(rowName('rep:r7')).toBe('赵敏 (deleted)');
    expect(screen.getByTestId('team-changed')).toHaveTextContent('2 reps have left');
    await waitFor(async () => {
      const stored = (await listTargetPlans())[0];
      expect(stored?.values['rep:r8']?.[0]).toBe(125_000);
    });
    const stored = (await listTargetPlans())[0];
    expect(stored && planTotal(stored)).toBe(12_000_000);
  });

  it('tells an approved version apart from a draft when the team changed', async () => {
    const plan = buildPlan();
    const approved = approvePlan(plan, [], NOW);
    if (!approved.ok) throw new Error('approval failed');
    await saveTargetPlans([approved.value.approved]);
    await database().reps.bulkPut(
      plan.people
        .filter((person) => person.id !== 'r1')
        .map((person) =>
          repFromDraft({ ...emptyDraft(person.id, person.team), name: person.name }, 1),
        ),
    );

    await renderApp('/targets?plan=plan-2027');
    const notice = await screen.findByTestId('team-changed');
    expect(notice).toHaveTextContent('Approved versions never change');
    expect(within(notice).queryByRole('button')).not.toBeInTheDocument();
  });

  it('edits, locks and re-spreads from the keyboard', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');

    await user.click(cell('rep:r1', 'm3'));
    await user.keyboard('l');
    await waitFor(() => expect(cell('rep:r1', 'm3')).toHaveAttribute('data-locked', 'true'));
    const locked = cell('rep:r1', 'm3').textContent;

    await user.click(cell('company', 'year'));
    await user.keyboard('13000000{Enter}');
    await waitFor(() => expect(screen.getByTestId('plan-total')).toHaveTextContent('¥13,000,000'));
    expect(cell('rep:r1', 'm3').textContent).toBe(locked);
    expect(screen.getByTestId('sum-months')).toHaveTextContent('exact');
    expect(screen.getByTestId('sum-reps')).toHaveTextContent('exact');
  });

  it('reopens a cell edit typed before a reload', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    const first = await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('rep:r1', 'm3'));
    await user.keyboard('4500');
    expect(within(cell('rep:r1', 'm3')).getByRole('textbox')).toHaveValue('4500');
    // A reload does not unmount the page, so the draft is read back here from its storage.
    const stored = readCellEditDraft('plan-2027');
    first.unmount();
    writeCellEditDraft(stored ?? null);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    const editor = within(cell('rep:r1', 'm3')).getByRole('textbox');
    expect(editor).toHaveValue('4500');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(cell('rep:r1', 'm3')).toHaveTextContent('4,500'));
    // The draft stays until the plan is saved with the edit.
    await waitFor(() => expect(readCellEditDraft('plan-2027')).toBeUndefined());
    expect((await listTargetPlans())[0]?.values).not.toEqual(buildPlan().values);
  });

  it('moves with the arrow keys and cancels an edit with Escape', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('{ArrowDown}{ArrowRight}{ArrowRight}');
    expect(cell('team:华东一组', 'm1')).toHaveFocus();

    await user.keyboard('{Enter}');
    const editor = within(cell('team:华东一组', 'm1')).getByRole('textbox');
    await user.clear(editor);
    await user.type(editor, '5{Escape}');
    await waitFor(() => expect(cell('team:华东一组', 'm1')).toHaveTextContent('428,572'));
  });

  it('commits an edit when another cell is clicked', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('13000000');
    await user.click(cell('rep:r1', 'm3'));

    await waitFor(() => expect(screen.getByTestId('plan-total')).toHaveTextContent('¥13,000,000'));
    expect(within(cell('company', 'year')).queryByRole('textbox')).toBeNull();
    expect(screen.getByTestId('sum-months')).toHaveTextContent('exact');
  });

  it('keeps the value when Escape cancels and focus then moves away', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('9{Escape}');
    await user.click(cell('rep:r1', 'm3'));

    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
    expect(screen.queryByTestId('change-rejected')).toBeNull();
  });

  it('reports text that is not a whole number when focus leaves', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('{Enter}');
    const editor = within(cell('company', 'year')).getByRole('textbox');
    await user.clear(editor);
    await user.type(editor, '12.34567万');
    await user.click(cell('rep:r1', 'm3'));

    expect(await screen.findByTestId('change-rejected')).toHaveTextContent(
      'Company · Year keeps its value: “12.34567万” is not a whole number, and targets',
    );
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });

  it('reads 万 and full-width digits typed into a cell', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('{Enter}');
    await user.clear(within(cell('company', 'year')).getByRole('textbox'));
    await user.type(within(cell('company', 'year')).getByRole('textbox'), '1,320万{Enter}');
    await waitFor(() => expect(screen.getByTestId('plan-total')).toHaveTextContent('¥13,200,000'));

    await user.click(cell('rep:r1', 'm1'));
    await user.keyboard('{Enter}');
    await user.clear(within(cell('rep:r1', 'm1')).getByRole('textbox'));
    await user.type(within(cell('rep:r1', 'm1')).getByRole('textbox'), '１２００００{Enter}');
    await waitFor(() => expect(cell('rep:r1', 'm1')).toHaveTextContent('120,000'));
  });

  it.each([
    ['-5000', 'is below 0'],
    ['1.5', 'is not a whole number'],
    ['999999999999999999', 'is too large'],
    ['12 万元整', 'is not a number'],
  ])('says why %s is rejected when Enter is pressed', async (text, reason) => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('rep:r1', 'm3'));
    await user.keyboard('{Enter}');
    const editor = within(cell('rep:r1', 'm3')).getByRole('textbox');
    await user.clear(editor);
    await user.type(editor, `${text}{Enter}`);

    expect(await screen.findByTestId('change-rejected')).toHaveTextContent(
      `· Mar keeps its value: “${text}” ${reason}`,
    );
    expect(within(cell('rep:r1', 'm3')).getByRole('textbox')).toHaveValue(text);
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });

  it('shows why a change made by clicking away was rejected', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('rep:r1', 'year'));
    await user.keyboard('l');
    await user.click(cell('company', 'year'));
    await user.keyboard('5');
    await user.click(cell('rep:r1', 'm3'));

    expect(await screen.findByTestId('change-rejected')).toHaveTextContent(
      'Company · Year cannot be ¥5',
    );
    expect(within(cell('company', 'year')).queryByRole('textbox')).toBeNull();
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });

  it('shows why a change was rejected and keeps the plan', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('rep:r1', 'year'));
    await user.keyboard('l');
    await user.click(cell('company', 'year'));
    await user.keyboard('5{Enter}');

    expect(await screen.findByTestId('change-rejected')).toHaveTextContent(
      'Company · Year cannot be ¥5: locked cells under it already add up to ¥1,714,286.',
    );
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });

  it('keeps an approved version read-only', async () => {
    const user = userEvent.setup();
    const approval = approvePlan(buildPlan(), [], NOW);
    if (!approval.ok) throw new Error('approve failed');
    await saveTargetPlans([approval.value.approved]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('{Enter}');
    expect(within(cell('company', 'year')).queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'New draft version' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('applies a second edit made while the first is re-spread, after the first', async () => {
    const user = userEvent.setup();
    const worker = controlledWorker('hold');
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('13000000{Enter}');
    await waitFor(() => expect(worker.heldCount()).toBe(1));
    expect(cell('company', 'year')).toHaveAttribute('data-pending', 'true');
    expect(cell('company', 'year')).toHaveTextContent('13,000,000');
    expect(screen.getByRole('grid')).toHaveAttribute('aria-busy', 'true');

    await user.click(cell('rep:r1', 'm3'));
    await user.keyboard('100000{Enter}');
    // The second edit waits for the first: only one request has reached the worker.
    expect(worker.heldCount()).toBe(1);

    worker.releaseOne();
    await waitFor(() => expect(screen.getByTestId('plan-total')).toHaveTextContent('¥13,000,000'));
    await waitFor(() => expect(worker.heldCount()).toBe(1));
    worker.releaseOne();

    await waitFor(() => expect(cell('rep:r1', 'm3')).not.toHaveAttribute('data-pending'));
    expect(cell('rep:r1', 'm3')).toHaveTextContent('100,000');
    expect(screen.getByTestId('sum-reps')).toHaveTextContent('exact');
    expect(screen.getByRole('grid')).not.toHaveAttribute('aria-busy');
  });

  it('approves after the re-spread in flight', async () => {
    const user = userEvent.setup();
    const worker = controlledWorker('hold');
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('13000000{Enter}');
    await waitFor(() => expect(worker.heldCount()).toBe(1));
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const confirm = await screen.findByRole('dialog', { name: 'Approve this draft?' });
    await user.click(within(confirm).getByRole('button', { name: 'Approve' }));
    worker.releaseOne();

    expect(await screen.findByRole('button', { name: 'New draft version' })).toBeVisible();
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥13,000,000');
    await waitFor(async () => {
      const [stored] = await listTargetPlans();
      expect(stored?.status).toBe('approved');
      expect(stored).toBeDefined();
      expect(planTotal(stored!)).toBe(13_000_000);
    });
  });

  it('asks before approving and names the version it replaces', async () => {
    const user = userEvent.setup();
    const approval = approvePlan(buildPlan(), [], NOW);
    if (!approval.ok) throw new Error('approve failed');
    const approved = approval.value.approved;
    const draft = createDraftVersion(approved, [approved], 'plan-2027-v2', NOW + 1);
    await saveTargetPlans([approved, draft]);
    await renderApp('/targets?plan=plan-2027-v2');
    await screen.findByRole('grid');

    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const confirm = await screen.findByRole('dialog', { name: 'Approve this draft?' });
    expect(confirm).toHaveTextContent(
      '2027 年度目标 · v2 · Draft replaces 2027 年度目标 · v1 · Approved as the approved plan',
    );
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await listTargetPlans()).find((plan) => plan.id === draft.id)?.status).toBe('draft');

    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const again = await screen.findByRole('dialog', { name: 'Approve this draft?' });
    await user.click(within(again).getByRole('button', { name: 'Approve' }));
    await waitFor(async () => {
      const stored = await listTargetPlans();
      expect(stored.find((plan) => plan.id === draft.id)?.status).toBe('approved');
      expect(stored.find((plan) => plan.id === approved.id)?.status).toBe('superseded');
    });
  });

  it('starts the next draft version and shows it without a gap', async () => {
    const user = userEvent.setup();
    const approval = approvePlan(buildPlan(), [], NOW);
    if (!approval.ok) throw new Error('approve failed');
    await saveTargetPlans([approval.value.approved]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    const watch = watchForNoPlan();

    await user.click(screen.getByRole('button', { name: 'New draft version' }));

    expect(await screen.findByRole('button', { name: 'Approve' })).toBeVisible();
    await waitFor(async () => {
      const stored = await listTargetPlans();
      expect(stored.map((plan) => [plan.version, plan.status]).sort()).toEqual([
        [1, 'approved'],
        [2, 'draft'],
      ]);
    });
    expect(await screen.findByText('Version 2 of the 2027 plan')).toBeVisible();
    expect(watch.stop()).toBe(false);
  });

  it('keeps the refunds a re-split left out with the plan', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await database().datasets.put(REFUNDS);
    await database().datasetRows.put({
      datasetId: REFUNDS.id,
      chunk: 0,
      rows: [
        { owner: '张伟', closedAt: '2026-01-15', amount: 100_000 },
        { owner: '张伟', closedAt: '2026-01-20', amount: -60_000 },
        { owner: '王芳', closedAt: '2026-02-10', amount: 50_000 },
      ],
      sourceRows: [2, 5, 6],
    });
    const note =
      '1 row of 2026 成交 has an amount below 0 in “金额” (row 5) and was left out, so a refund lowers no share.';
    const view = await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(screen.getByRole('button', { name: 'Re-split' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Split over the months' }));
    await user.click(await screen.findByRole('option', { name: "By last year's actuals" }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Dataset' }));
    await user.click(await screen.findByRole('option', { name: REFUNDS_LABEL }));
    await user.click(within(dialog).getByRole('button', { name: 'Re-split' }));

    expect(await within(await screen.findByTestId('split-notes')).findByText(note)).toBeVisible();
    await waitFor(() => expect(cell('company', 'm1')).toHaveTextContent('8,000,000'));
    await waitFor(async () => {
      const [stored] = await listTargetPlans();
      expect(stored?.splitNotes).toEqual([
        {
          code: 'negative-rows',
          datasetName: '2026 成交',
          amountColumn: '金额',
          count: 1,
          firstRow: 5,
        },
      ]);
    });

    view.unmount();
    await renderApp('/targets?plan=plan-2027');
    expect(await within(await screen.findByTestId('split-notes')).findByText(note)).toBeVisible();
  });

  it('lists re-split problems and keeps the plan', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    const before = cell('rep:r1', 'm1').textContent;

    await user.click(screen.getByRole('button', { name: 'Re-split' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Split over teams and reps' }));
    await user.click(await screen.findByRole('option', { name: 'By hand' }));
    await user.click(within(dialog).getByRole('button', { name: 'Re-split' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The plan cannot be re-split');
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'The amounts typed by hand add up to ¥0, not the total ¥12,000,000',
    );
    expect(cell('rep:r1', 'm1').textContent).toBe(before);
    expect((await listTargetPlans())[0]?.peopleSplit).toEqual({ method: 'even' });
  });

  it('re-splits again from the dataset the plan was split by', async () => {
    const user = userEvent.setup();
    await database().datasets.put(REFUNDS);
    await database().datasetRows.put({
      datasetId: REFUNDS.id,
      chunk: 0,
      rows: [
        { owner: '张伟', closedAt: '2026-01-15', amount: 100_000 },
        { owner: '王芳', closedAt: '2026-02-10', amount: 50_000 },
      ],
      sourceRows: [2, 3],
    });
    await saveTargetPlans([
      buildPlan({
        timeSplit: {
          method: 'lastYear',
          monthActuals: [100_000, 50_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          source: {
            datasetId: REFUNDS.id,
            datasetName: REFUNDS.name,
            dateColumn: 'closedAt',
            amountColumn: 'amount',
            onlyWon: false,
            from: '2026-01-01',
            to: '2026-12-31',
          },
        },
      }),
    ]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(screen.getByRole('button', { name: 'Re-split' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: 'Dataset' })).toHaveValue(REFUNDS_LABEL);
    await user.click(within(dialog).getByRole('button', { name: 'Re-split' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(cell('company', 'm1')).toHaveTextContent('8,000,000');
  });

  it('names the split dataset in the summary', async () => {
    await database().datasets.put(REFUNDS);
    await saveTargetPlans([
      buildPlan({
        timeSplit: {
          method: 'lastYear',
          monthActuals: [100_000, 50_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          source: {
            datasetId: REFUNDS.id,
            datasetName: REFUNDS.name,
            dateColumn: 'closedAt',
            from: '2026-01-01',
            to: '2026-12-31',
          },
        },
        peopleSplit: {
          method: 'lastPeriod',
          results: Object.fromEntries(SEVEN_REPS.map((rep) => [personRowKey(rep.id), 100])),
          source: {
            datasetId: 'deleted-deals',
            datasetName: '2025 成交',
            dateColumn: 'closedAt',
            ownerColumn: 'owner',
            from: '2025-07-01',
            to: '2025-12-31',
          },
        },
      }),
    ]);
    await renderApp('/targets?plan=plan-2027');

    expect(await screen.findByTestId('time-split-source')).toHaveTextContent(
      `Months split by ${REFUNDS_LABEL}, 2026-01-01 to 2026-12-31`,
    );
    expect(screen.getByTestId('people-split-source')).toHaveTextContent(
      'Reps split by 2025 成交 (deleted since), 2025-07-01 to 2025-12-31',
    );
  });

  it('tells two imports of one file apart in the re-split dialog', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    const file = textFile(
      '成交.csv',
      '负责人,成交金额,销售阶段,成交日期\n张伟,100000,赢单,2026-01-15\n',
    );
    // 2026-12-05 14:03 and 2026-12-05 14:03:40 in Shanghai: the same minute.
    await importSameFileAt(file, [Date.UTC(2026, 11, 5, 6, 3), Date.UTC(2026, 11, 5, 6, 3, 40)], {
      kind: 'deals',
    });
    await renderApp('/targets?plan=plan-2027', 'zh-CN');
    await screen.findByRole('grid');

    await user.click(screen.getByRole('button', { name: '重新拆解' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: '按月拆解' }));
    await user.click(await screen.findByRole('option', { name: '按去年实际' }));
    await user.click(within(dialog).getByRole('combobox', { name: '数据集' }));
    const options = await screen.findAllByRole('option', { name: /^成交\.csv/ });

    expect(options.map((option) => option.textContent)).toEqual([
      '成交.csv · 2026-12-05 14:03:40 · 1 行',
      '成交.csv · 2026-12-05 14:03:00 · 1 行',
    ]);
  });

  it('shows a created plan without a gap', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await database().reps.put({
      id: 'r9',
      name: '赵六',
      team: '华南组',
      createdAt: 0,
      updatedAt: 0,
    });
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    const watch = watchForNoPlan();

    await user.click(screen.getByRole('button', { name: 'New plan' }));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Year' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Year' }), '2028');
    await user.clear(within(dialog).getByRole('textbox', { name: /Yearly target/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Yearly target/ }), '600');
    await user.click(within(dialog).getByRole('button', { name: 'Create plan' }));

    await waitFor(() => expect(screen.getByTestId('plan-total')).toHaveTextContent('¥600'));
    await waitFor(async () => expect(await listTargetPlans()).toHaveLength(2));
    expect(await screen.findByText('Version 1 of the 2028 plan')).toBeVisible();
    expect(watch.stop()).toBe(false);
  });

  it('reopens a half-filled new plan after a reload', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    const first = await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(screen.getByRole('button', { name: 'New plan' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), '冲刺计划');
    await user.clear(dialog.getByRole('textbox', { name: /Yearly target/ }));
    await user.type(dialog.getByRole('textbox', { name: /Yearly target/ }), '8000');
    first.unmount();
    await renderApp('/targets?plan=plan-2027');

    const restored = within(await screen.findByRole('dialog'));
    expect(restored.getByRole('textbox', { name: 'Name' })).toHaveValue('冲刺计划');
    expect(restored.getByRole('textbox', { name: /Yearly target/ })).toHaveValue('¥8,000');
    await user.click(restored.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(readNewPlanDraft()).toBeUndefined();
  });

  it('keeps the plan as it was when the re-spread fails', async () => {
    const user = userEvent.setup();
    controlledWorker('fail');
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    await user.click(cell('company', 'year'));
    await user.keyboard('13000000{Enter}');

    expect(
      await screen.findByText('The change was not applied, and the plan is as it was'),
    ).toBeVisible();
    expect(screen.getByText('out of memory')).toBeVisible();
    await waitFor(() => expect(cell('company', 'year')).not.toHaveAttribute('data-pending'));
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
    // The editor opens again with the typed value, so the edit can be sent again.
    const editor = within(cell('company', 'year')).getByRole('textbox');
    expect(editor).toHaveValue('13000000');
    expect(editor).toHaveAttribute('aria-invalid', 'true');
  });

  it('applies an imported file after the re-spread in flight, not under it', async () => {
    const user = userEvent.setup();
    const worker = controlledWorker('hold');
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    const file = await gridFile(6_000_000);
    const enqueue = vi.spyOn(PlanEditQueue.prototype, 'enqueue');

    await user.click(cell('company', 'year'));
    await user.keyboard('13000000{Enter}');
    await waitFor(() => expect(worker.heldCount()).toBe(1));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    await user.upload(input, file);

    // The file's values wait in the queue behind the re-spread; the plan still shows the old total.
    await waitFor(() => expect(enqueue).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
    worker.releaseOne();

    expect(
      await screen.findByText('The grid was replaced with the values in targets.xlsx.'),
    ).toBeVisible();
    await waitFor(() => expect(screen.getByTestId('plan-total')).toHaveTextContent('¥6,000,000'));
    const januaryInFile = buildPlan({ total: 6_000_000 }).values['rep:r1']?.[0] ?? -1;
    expect(cell('rep:r1', 'm1')).toHaveTextContent(januaryInFile.toLocaleString('en'));
    expect(screen.getByTestId('sum-reps')).toHaveTextContent('exact');
  });

  it('rejects an imported file that changes a locked cell', async () => {
    const user = userEvent.setup();
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    await user.click(cell('rep:r1', 'm3'));
    await user.keyboard('l');
    await waitFor(() => expect(cell('rep:r1', 'm3')).toHaveAttribute('data-locked', 'true'));

    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    await user.upload(input, await gridFile(6_000_000));

    expect(await screen.findByText(/The file was not imported/)).toBeVisible();
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });

  it('says a renamed file that is not a workbook is not one and changes nothing', async () => {
    const user = userEvent.setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await saveTargetPlans([buildPlan()]);
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');

    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await user.upload(input, new File([picture], 'targets.xlsx'));

    expect(await screen.findByText(/targets\.xlsx is not an Excel or WPS workbook/)).toBeVisible();
    expect(screen.queryByText(/no rows/)).toBeNull();
    expect(logged).toHaveBeenCalled();
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });

  it('names a missing row of a renamed rep by the current name', async () => {
    const user = userEvent.setup();
    const plan = buildPlan();
    await saveTargetPlans([plan]);
    await database().reps.bulkPut(
      plan.people.map((person) =>
        repFromDraft(
          {
            ...emptyDraft(person.id, person.team),
            name: person.id === 'r1' ? '张伟（华东）' : person.name,
          },
          1,
        ),
      ),
    );
    await renderApp('/targets?plan=plan-2027');
    await screen.findByRole('grid');
    const rows = planToTable(plan, CHINESE_LABELS).filter((row) => row[0] !== 'rep:r1');
    const bytes = await writeWorkbook([{ name: 'targets', rows }]);
    const file = new File([bytes as BlobPart], 'targets.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    await user.upload(input, file);

    expect(await screen.findByText('The row of 张伟（华东） (rep:r1) is missing.')).toBeVisible();
    expect(screen.getByTestId('plan-total')).toHaveTextContent('¥12,000,000');
  });
});
