import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { useFreshDatabase } from '../../test/database';
import { emptyDraft, repFromDraft, type StoredRep } from './rep-draft';
import { REP_ROW_HEIGHT } from './RepTable';
import { TeamScreen } from './TeamScreen';

const REPS = 500;

/** Reps r0… named 销售0… in 25 teams; `listReps` orders them by name. */
function team(): StoredRep[] {
  return Array.from({ length: REPS }, (_, index) =>
    repFromDraft({ ...emptyDraft(`r${index}`, `团队${index % 25}`), name: `销售${index}` }, 1),
  );
}

describe('TeamScreen with 500 reps', () => {
  const database = useFreshDatabase();

  async function renderScreen() {
    await database().reps.bulkPut(team());
    await database().teams.bulkPut(
      Array.from({ length: 25 }, (_, index) => ({
        id: `team_${index}`,
        name: `团队${index}`,
        createdAt: 1,
      })),
    );
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');
    render(
      <MantineProvider env="test">
        <TeamScreen />
      </MantineProvider>,
    );
    await screen.findAllByTestId('rep-row');
  }

  it('mounts a screenful of rows but counts all 500 reps', async () => {
    await renderScreen();

    expect(screen.getByRole('table', { name: 'Reps' })).toHaveAttribute('aria-rowcount', '501');
    expect(screen.getAllByTestId('rep-row').length).toBeLessThan(30);
  });

  it('finds a rep far out of view by search', async () => {
    const user = userEvent.setup();
    await renderScreen();
    expect(screen.queryByText('销售488')).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Search reps' }), 'r488');

    await waitFor(() => expect(screen.getAllByTestId('rep-row')).toHaveLength(1));
    expect(screen.getByTestId('rep-row')).toHaveTextContent('销售488');
    expect(screen.getByRole('table', { name: 'Reps' })).toHaveAttribute('aria-rowcount', '2');
  });

  it('shows the reps of one team, back at the top of the list', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const scroller = screen.getByTestId('rep-table');
    scroller.scrollTop = 300 * REP_ROW_HEIGHT;
    fireEvent.scroll(scroller);
    await screen.findByText('销售37');

    await user.click(screen.getByRole('combobox', { name: 'Show team' }));
    await user.click(await screen.findByRole('option', { name: '团队24' }));

    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Reps' })).toHaveAttribute('aria-rowcount', '21'),
    );
    expect(scroller.scrollTop).toBe(0);
    const names = screen.getAllByTestId('rep-name').map((name) => name.textContent);
    expect(names.slice(0, 3)).toEqual(['销售124', '销售149', '销售174']);
  });

  it('deletes the confirmed rep scrolled into view', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const scroller = screen.getByTestId('rep-table');
    scroller.scrollTop = 390 * REP_ROW_HEIGHT;
    fireEvent.scroll(scroller);

    await user.click(await screen.findByRole('button', { name: 'Actions for 销售457' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete 销售457?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(async () => expect(await database().reps.count()).toBe(REPS - 1));
    expect(await database().reps.get('r457')).toBeUndefined();
    await waitFor(() => expect(screen.queryByText('销售457')).not.toBeInTheDocument());
    expect(screen.getByText('销售458')).toBeInTheDocument();
  });
});

describe('TeamScreen team names', () => {
  const database = useFreshDatabase();

  async function renderScreen() {
    await database().teams.bulkPut([
      { id: 'team_east', name: '华东组', createdAt: 1 },
      { id: 'team_south', name: '华南组', createdAt: 2 },
    ]);
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('zh-CN');
    render(
      <MantineProvider env="test">
        <TeamScreen />
      </MantineProvider>,
    );
    return within(await screen.findByTestId('teams-panel'));
  }

  it('keeps the rename dialog open with a duplicate name shown at the field', async () => {
    const user = userEvent.setup();
    const panel = await renderScreen();

    await user.click(await panel.findByRole('button', { name: '重命名团队 华南组' }));
    const dialog = within(await screen.findByRole('dialog'));
    const input = dialog.getByRole('textbox');
    await user.clear(input);
    await user.type(input, '华东组 ');
    await user.click(dialog.getByRole('button', { name: '重命名' }));

    expect(await dialog.findByText('已有名为 华东组 的团队。')).toBeInTheDocument();
    expect(input).toHaveValue('华东组 ');
    expect((await database().teams.get('team_south'))?.name).toBe('华南组');
  });

  it('shows a duplicate new team name at the field, whatever its case', async () => {
    const user = userEvent.setup();
    await database().teams.put({ id: 'team_sales', name: 'Sales', createdAt: 3 });
    const panel = await renderScreen();

    await user.type(panel.getByRole('textbox'), 'sales');
    await user.click(panel.getByRole('button', { name: /添加/ }));

    expect(await panel.findByText('已有名为 sales 的团队。')).toBeInTheDocument();
    expect(await database().teams.count()).toBe(3);
  });
});

describe('TeamScreen drafts', () => {
  const database = useFreshDatabase();

  async function renderScreen() {
    await database().teams.put({ id: 'team_east', name: '华东组', createdAt: 1 });
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('zh-CN');
    return render(
      <MantineProvider env="test">
        <TeamScreen />
      </MantineProvider>,
    );
  }

  it('reopens the rep form with its typed name after a reload', async () => {
    const user = userEvent.setup();
    const first = await renderScreen();
    await user.click(await screen.findByRole('button', { name: '添加销售' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: /姓名/ }), '王小明');

    first.unmount();
    await renderScreen();

    const restored = within(await screen.findByRole('dialog'));
    expect(restored.getByRole('textbox', { name: /姓名/ })).toHaveValue('王小明');
  });

  it('reopens the team rename with its typed name after a reload', async () => {
    const user = userEvent.setup();
    const first = await renderScreen();
    const panel = within(await screen.findByTestId('teams-panel'));
    await user.click(await panel.findByRole('button', { name: '重命名团队 华东组' }));
    const input = within(await screen.findByRole('dialog')).getByRole('textbox');
    await user.clear(input);
    await user.type(input, '华东一组');

    first.unmount();
    await renderScreen();

    expect(within(await screen.findByRole('dialog')).getByRole('textbox')).toHaveValue('华东一组');
  });

  it('keeps a new team name typed before a reload', async () => {
    const user = userEvent.setup();
    const first = await renderScreen();
    const panel = within(await screen.findByTestId('teams-panel'));
    await user.type(panel.getByRole('textbox'), '西部组');

    first.unmount();
    await renderScreen();

    expect(within(await screen.findByTestId('teams-panel')).getByRole('textbox')).toHaveValue(
      '西部组',
    );
  });

  it('forgets a cancelled rep form', async () => {
    const user = userEvent.setup();
    const first = await renderScreen();
    await user.click(await screen.findByRole('button', { name: '添加销售' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: /姓名/ }), '王小明');
    await user.click(dialog.getByRole('button', { name: '取消' }));

    first.unmount();
    await renderScreen();
    await user.click(await screen.findByRole('button', { name: '添加销售' }));

    const reopened = within(await screen.findByRole('dialog'));
    expect(reopened.getByRole('textbox', { name: /姓名/ })).toHaveValue('');
  });
});
