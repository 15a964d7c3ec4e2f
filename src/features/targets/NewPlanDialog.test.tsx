import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { NewPlanDialog } from './NewPlanDialog';
import { planTotal } from './plan-grid';
import { approvePlan } from './plan-versions';
import type { PlanPerson, TargetPlan } from './target-plan.types';
import { buildPlan, NOW } from './test/plan-fixtures';

const TEAM_OF_150: PlanPerson[] = Array.from({ length: 150 }, (_, index) => ({
  id: `r${index}`,
  name: `销售${index}`,
  team: `团队${index % 5}`,
  weight: 1,
}));

async function renderDialog(
  language: 'en' | 'zh-CN' = 'en',
  people: PlanPerson[] = [],
  plans: TargetPlan[] = [],
) {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  const onCreate = vi.fn(() => Promise.resolve());
  const onOpenPlan = vi.fn();
  render(
    <MantineProvider env="test">
      <NewPlanDialog
        opened
        people={people}
        datasets={[]}
        plans={plans}
        onClose={() => undefined}
        onCreate={onCreate}
        onOpenPlan={onOpenPlan}
      />
    </MantineProvider>,
  );
  return { onCreate, onOpenPlan };
}

describe('NewPlanDialog', () => {
  it('rejects a negative total and keeps the typed text', async () => {
    const user = userEvent.setup();
    const { onCreate } = await renderDialog();
    const total = await screen.findByRole('textbox', { name: /Yearly target/ });

    await user.clear(total);
    await user.type(total, '-5');
    await user.tab();

    expect(total).toHaveValue('-¥5');
    expect(await screen.findByText('Must be between 0 and 1,000,000,000,000.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('names the allowed range of a year out of range without clamping it', async () => {
    const user = userEvent.setup();
    await renderDialog('zh-CN');
    const year = await screen.findByRole('textbox', { name: /年份/ });

    await user.clear(year);
    await user.type(year, '99999');
    await user.tab();

    expect(year).toHaveValue('99999');
    expect(await screen.findByText('必须在 2000 到 2100 之间。')).toBeInTheDocument();
  });

  it('mounts the rep list after opening, a part per frame', async () => {
    const user = userEvent.setup();
    await renderDialog('en', TEAM_OF_150);
    await screen.findByRole('textbox', { name: /Yearly target/ });

    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(150));
    await user.click(screen.getByRole('checkbox', { name: '销售149 · 团队4' }));

    expect(screen.getByText('149 reps in 5 teams')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '销售149 · 团队4' })).not.toBeChecked();
  });

  it('offers to open the plan a year already has', async () => {
    const user = userEvent.setup();
    const approval = approvePlan(buildPlan(), [], NOW);
    if (!approval.ok) throw new Error('approve failed');
    const other = { ...buildPlan({ id: 'plan-b' }), lineageId: 'plan-b' };
    const { onOpenPlan } = await renderDialog('en', [], [other, approval.value.approved]);
    const year = await screen.findByRole('textbox', { name: 'Year' });
    await user.clear(year);
    await user.type(year, '2027');

    const notice = await screen.findByTestId('existing-plan');
    expect(notice).toHaveTextContent(
      '2027 already has 2 plans, such as 2027 年度目标 (version 1, Approved).',
    );
    await user.click(within(notice).getByRole('button', { name: 'Open it' }));
    expect(onOpenPlan).toHaveBeenCalledWith('plan-2027');

    await user.clear(year);
    await user.type(year, '2028');
    await waitFor(() => expect(screen.queryByTestId('existing-plan')).toBeNull());
  });

  it('names the one plan a year already has', async () => {
    const user = userEvent.setup();
    await renderDialog('zh-CN', [], [buildPlan()]);
    const year = await screen.findByRole('textbox', { name: '年份' });
    await user.clear(year);
    await user.type(year, '2027');

    expect(await screen.findByTestId('existing-plan')).toHaveTextContent(
      '2027 年已有目标「2027 年度目标」（第 1 版，草稿）。',
    );
  });

  it('asks for a number when the total is emptied', async () => {
    const user = userEvent.setup();
    await renderDialog();
    const total = await screen.findByRole('textbox', { name: /Yearly target/ });

    await user.clear(total);
    await user.tab();

    expect(await screen.findByText('Enter a number.')).toBeInTheDocument();
  });

  it('rejects a plan name over 100 characters', async () => {
    const user = userEvent.setup();
    const { onCreate } = await renderDialog();
    const name = await screen.findByRole('textbox', { name: 'Name' });

    await user.click(name);
    await user.paste('年'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Create plan' }));

    expect(await screen.findByText('The name has 101 characters: use at most 100.')).toBeVisible();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('creates the plan with the total typed last', async () => {
    const user = userEvent.setup();
    const { onCreate } = await renderDialog('en', TEAM_OF_150.slice(0, 3));
    const total = await screen.findByRole('textbox', { name: /Yearly target/ });

    await user.clear(total);
    await user.type(total, '1200{Enter}');

    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    const [plan] = onCreate.mock.calls[0] as unknown as [TargetPlan];
    expect(planTotal(plan)).toBe(1200);
  });

  it('compares the amounts typed by hand with the typed total', async () => {
    const user = userEvent.setup();
    await renderDialog('en', TEAM_OF_150.slice(0, 3));
    const total = await screen.findByRole('textbox', { name: /Yearly target/ });
    await user.click(await screen.findByRole('combobox', { name: 'Split over teams and reps' }));
    await user.click(await screen.findByRole('option', { name: 'By hand' }));

    await user.clear(total);
    await user.type(total, '1200');

    expect(await screen.findByText('0 / 1,200')).toBeInTheDocument();
  });
});
