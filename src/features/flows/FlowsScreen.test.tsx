import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { renderApp } from '../../test/render-app';
import { createFlow, listFlows } from './flow-repository';

async function openRowMenu(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
}

describe('FlowsScreen', () => {
  const database = useFreshDatabase();

  it('creates a flow with the name entered', async () => {
    const user = userEvent.setup();
    await renderApp('/flows');

    await user.click(await screen.findByRole('button', { name: 'New flow' }));
    const nameInput = await screen.findByRole('textbox', { name: 'Flow name' });
    await user.clear(nameInput);
    await user.type(nameInput, '展会线索{Enter}');

    await waitFor(async () =>
      expect((await listFlows()).map((flow) => flow.name)).toEqual(['展会线索']),
    );
    expect(await screen.findByText('展会线索')).toBeInTheDocument();
  });

  it('refuses an empty name', async () => {
    const user = userEvent.setup();
    await renderApp('/flows');

    await user.click(await screen.findByRole('button', { name: 'New flow' }));
    await user.clear(await screen.findByRole('textbox', { name: 'Flow name' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(await database().flows.count()).toBe(0);
  });

  it('deletes a flow after confirmation and undoes the deletion', async () => {
    const user = userEvent.setup();
    await createFlow('华东线索');
    await renderApp('/flows');

    await openRowMenu(user, '华东线索');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete flow' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(async () => expect(await database().flows.count()).toBe(0));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await database().flows.count()).toBe(1));
    expect(await screen.findByText('华东线索')).toBeInTheDocument();
  });

  it('keeps a flow when the deletion is cancelled', async () => {
    const user = userEvent.setup();
    await createFlow('华南线索');
    await renderApp('/flows');

    await openRowMenu(user, '华南线索');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete flow' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(await database().flows.count()).toBe(1);
  });

  it('rejects a flow file off the schema and saves nothing', async () => {
    const user = userEvent.setup();
    const { container } = await renderApp('/flows');
    await screen.findByRole('button', { name: 'Import flow file' });
    const input = container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(
      ['{"format":"sras.flow","version":1,"id":"x","name":"x","nodes":"none","edges":[]}'],
      'broken.json',
      {
        type: 'application/json',
      },
    );

    await user.upload(input, file);

    const alert = await screen.findByTestId('import-result');
    expect(alert).toHaveTextContent('broken.json was not imported');
    expect(alert).toHaveTextContent(
      'The node list (nodes) of the flow must be a list ([…]), but the file has the text "none".',
    );
    expect(alert).toHaveTextContent('(In the file: nodes)');
    expect(await database().flows.count()).toBe(0);
  });

  it('filters the list by the search text', async () => {
    const user = userEvent.setup();
    await createFlow('华东线索');
    await createFlow('教育招生');
    await renderApp('/flows');
    await screen.findByText('华东线索');

    await user.type(screen.getByRole('textbox', { name: 'Search flows' }), '教育');

    await waitFor(() => expect(screen.queryByText('华东线索')).not.toBeInTheDocument());
    expect(screen.getByText('教育招生')).toBeInTheDocument();
  });

  describe('flow file import', () => {
    const cycleFlow = {
      format: 'sras.flow',
      version: 1,
      id: 'cyc',
      name: '',
      timezone: 'Asia/Shanghai',
      nodes: [
        { id: 'source', type: 'source', position: { x: 0, y: 0 }, data: {} },
        { id: 'dedup', type: 'dedup', position: { x: 200, y: 0 }, data: { keys: ['phone'] } },
        { id: 'rr', type: 'roundRobin', position: { x: 400, y: 0 }, data: { assignees: [] } },
      ],
      edges: [
        { id: 'e1', source: 'source', sourceHandle: 'out', target: 'dedup' },
        { id: 'e2', source: 'dedup', sourceHandle: 'unique', target: 'rr' },
        { id: 'e3', source: 'rr', sourceHandle: 'overflow', target: 'dedup' },
      ],
    };

    async function importText(text: string, language: 'en' | 'zh-CN' = 'en') {
      const user = userEvent.setup();
      const view = await renderApp('/flows', language);
      await screen.findByRole('heading', { level: 2 });
      const input = view.container.ownerDocument.querySelector(
        'input[type="file"]',
      ) as HTMLInputElement;
      await user.upload(input, new File([text], 'flow.json', { type: 'application/json' }));
      return { ...view, user };
    }

    it('explains a truncated file in Chinese without the parser text', async () => {
      await importText('{"format": "sras.flow",', 'zh-CN');

      const alert = await screen.findByTestId('import-result');
      expect(alert).toHaveTextContent('文件不是有效的 JSON：在第 1 行第 24 列处意外结束');
      expect(alert).not.toHaveTextContent('Unexpected');
    });

    it('explains a file off the schema in Chinese without the zod text', async () => {
      const broken = structuredClone(cycleFlow) as { nodes: { position: unknown }[] };
      broken.nodes[1]!.position = { x: 'left', y: 0 };

      await importText(JSON.stringify(broken), 'zh-CN');

      const alert = await screen.findByTestId('import-result');
      expect(alert).toHaveTextContent(
        '节点"dedup"的横坐标（position.x）应为数字，但文件中是文本"left"。',
      );
      expect(alert).toHaveTextContent('文件中的位置：nodes[1].position.x');
      expect(alert).not.toHaveTextContent('Invalid input');
    });

    it('says when the format field is missing', async () => {
      await importText('{"nodes": []}', 'zh-CN');

      const alert = await screen.findByTestId('import-result');
      expect(alert).toHaveTextContent('缺少 "format" 字段');
      expect(alert).not.toHaveTextContent('undefined');
    });

    it('counts the problems of an imported flow and links to it', async () => {
      const { router, user } = await importText(JSON.stringify(cycleFlow));

      const problems = await screen.findByTestId('import-problems');
      expect(problems).toHaveTextContent(/The flow has \d+ problems/);
      await user.click(within(problems).getByRole('link', { name: 'Open the flow to fix them' }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/flows/cyc'));
    });

    it('shows a flow without a name as Untitled flow with a working link', async () => {
      await importText(JSON.stringify(cycleFlow));

      const link = await within(await screen.findByTestId('flow-table')).findByRole('link', {
        name: 'Untitled flow',
      });
      expect(link).toHaveAttribute('href', '/flows/cyc');
      expect(link).toHaveAttribute('title', 'Untitled flow');
    });
  });
});
