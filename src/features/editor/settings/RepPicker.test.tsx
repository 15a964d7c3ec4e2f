import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowNode, Rep } from '@sras/engine';
import { initI18n } from '../../../i18n/i18n';
import { EditorEnvironmentProvider } from '../environment/EditorEnvironment';
import { createEditorStore } from '../store/editor.store';
import { EditorStoreProvider } from '../store/EditorStoreContext';
import { makeFlow, makeNode } from '../test/flow-fixtures';
import { AssigneeSettings } from './AssigneeSettings';
import { AssignSettings } from './AssignSettings';
import { localDay } from './rep-options';
import { REP_PICKER_LIMIT } from './RepPicker';

/** 500 reps r0…r499 named 销售0…, in 25 teams; r7 is inactive and r8 on leave today. */
function team(): Rep[] {
  const today = localDay(new Date());
  return Array.from({ length: 500 }, (_, index) => {
    const rep: Rep = { id: `r${index}`, name: `销售${index}`, team: `团队${index % 25}` };
    if (index === 7) rep.active = false;
    if (index === 8) rep.unavailable = [{ from: today, to: today }];
    return rep;
  });
}

function renderSettings(node: FlowNode, Settings: typeof AssignSettings) {
  const store = createEditorStore(makeFlow([node]));
  render(
    <MantineProvider env="test">
      <EditorStoreProvider store={store}>
        <EditorEnvironmentProvider reps={team()} datasetColumns={[]} problems={[]}>
          <Settings node={node} />
        </EditorEnvironmentProvider>
      </EditorStoreProvider>
    </MantineProvider>,
  );
  return { store, nodeData: () => store.getState().document.nodes[0]?.data };
}

describe('RepPicker', () => {
  beforeAll(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('lists at most the bound when opened', async () => {
    renderSettings(makeNode('a1', 'assign'), AssignSettings);

    await userEvent.click(screen.getByRole('combobox', { name: 'Assign to' }));

    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option')).toHaveLength(REP_PICKER_LIMIT);
    expect(screen.getByText('500 reps: type a name, id or team to find one')).toBeInTheDocument();
  });

  it('finds a rep outside the bound and saves it', async () => {
    const { nodeData } = renderSettings(makeNode('a1', 'assign'), AssignSettings);

    await userEvent.type(screen.getByRole('combobox', { name: 'Assign to' }), '销售499');
    await userEvent.click(await screen.findByRole('option', { name: '销售499 · 团队24' }));

    expect(nodeData()).toEqual({ repId: 'r499' });
  });

  it('finds reps by id and by team', async () => {
    renderSettings(makeNode('a1', 'assign'), AssignSettings);
    const input = screen.getByRole('combobox', { name: 'Assign to' });

    await userEvent.type(input, 'R321');
    expect(await screen.findByRole('option', { name: '销售321 · 团队21' })).toBeInTheDocument();

    await userEvent.clear(input);
    await userEvent.type(input, '团队24 销售4');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      '销售49 · 团队24',
      '销售424 · 团队24',
      '销售449 · 团队24',
      '销售474 · 团队24',
      '销售499 · 团队24',
    ]);
  });

  it('marks inactive reps and reps on leave today', async () => {
    renderSettings(makeNode('a1', 'assign'), AssignSettings);

    await userEvent.click(screen.getByRole('combobox', { name: 'Assign to' }));

    expect(await screen.findByRole('option', { name: '销售7 · 团队7 (inactive)' })).toBeVisible();
    expect(screen.getByRole('option', { name: '销售8 · 团队8 (on leave)' })).toBeVisible();
    expect(screen.getByRole('option', { name: '销售9 · 团队9' })).toBeVisible();
  });

  it('lists the chosen rep first when opened', async () => {
    renderSettings(makeNode('a1', 'assign', { repId: 'r420' }), AssignSettings);

    await userEvent.click(screen.getByRole('combobox', { name: 'Assign to' }));

    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options[0]).toHaveTextContent('销售420 · 团队20');
    expect(options).toHaveLength(REP_PICKER_LIMIT);
  });

  it('picks with the keyboard', async () => {
    const { nodeData } = renderSettings(makeNode('a1', 'assign'), AssignSettings);

    await userEvent.type(screen.getByRole('combobox', { name: 'Assign to' }), 'r250');
    await screen.findByRole('option', { name: '销售250 · 团队0' });
    await userEvent.keyboard('{ArrowDown}{Enter}');

    expect(nodeData()).toEqual({ repId: 'r250' });
  });

  it('says nothing is found for an unknown name', async () => {
    renderSettings(makeNode('a1', 'assign'), AssignSettings);

    await userEvent.type(screen.getByRole('combobox', { name: 'Assign to' }), '王五');

    expect(await screen.findByText('Nothing found')).toBeInTheDocument();
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('adds a rep to a round robin, leaving out chosen reps', async () => {
    const node = makeNode('rr1', 'roundRobin', { assignees: [{ repId: 'r499' }] });
    const { nodeData } = renderSettings(node, AssigneeSettings);
    const input = screen.getByRole('combobox', { name: 'Add a rep' });

    await userEvent.type(input, '销售49');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      '销售49 · 团队24',
      '销售490 · 团队15',
      '销售491 · 团队16',
      '销售492 · 团队17',
      '销售493 · 团队18',
      '销售494 · 团队19',
      '销售495 · 团队20',
      '销售496 · 团队21',
      '销售497 · 团队22',
      '销售498 · 团队23',
    ]);
    await userEvent.click(options[1]!);

    expect(nodeData()).toEqual({ assignees: [{ repId: 'r499' }, { repId: 'r490' }] });
  });
});
