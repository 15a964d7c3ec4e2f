import { MantineProvider } from '@mantine/core';
import type { FlowDocument } from '@sras/engine';
import { render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { useFreshDatabase } from '../../test/database';
import { addFlowDocument, createEmptyFlowDocument } from '../flows/flow-repository';
import { ConflictDialog } from './ConflictDialog';
import { createSyncApi } from './sync-api.client';
import { connectWorkspace } from './sync.actions';
import { startSyncTestServer, type SyncTestServer } from './sync-test-server';
import type { SyncConflict } from './sync.store';

async function renderConflict(conflict: SyncConflict) {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  return render(
    <MantineProvider env="test">
      <ConflictDialog conflict={conflict} onClose={() => undefined} />
    </MantineProvider>,
  );
}

function flowConflict(local: FlowDocument | null, server: FlowDocument | null): SyncConflict {
  return { kind: 'flow', id: 'flow-1', local, server, serverRevision: 3 };
}

describe('ConflictDialog', () => {
  it('shows what differs between the server copy and the local copy with the compare view', async () => {
    const server = createEmptyFlowDocument('广东线索', 'flow-1');
    const local: FlowDocument = {
      ...server,
      name: '广东线索（改）',
      nodes: [
        ...server.nodes,
        { id: 'rr', type: 'roundRobin', position: { x: 200, y: 0 }, data: {} },
      ],
    };

    await renderConflict(flowConflict(local, server));

    const differences = await screen.findByTestId('conflict-differences');
    expect(within(differences).getByTestId('diff-summary')).toHaveTextContent(
      'Nodes: 1 added, 0 removed',
    );
    expect(within(differences).getByTestId('diff-added')).toHaveTextContent('Round robin (rr)');
    const nameChange = within(differences).getByTestId('field-change');
    expect(nameChange).toHaveTextContent('广东线索');
    expect(nameChange).toHaveTextContent('广东线索（改）');
    expect(within(differences).getByRole('columnheader', { name: 'Server' })).toBeVisible();
    expect(within(differences).getByRole('columnheader', { name: 'This browser' })).toBeVisible();
  });

  it('shows no comparison when the flow was deleted on one side', async () => {
    await renderConflict(flowConflict(null, createEmptyFlowDocument('广东线索', 'flow-1')));

    await screen.findByTestId('conflict-dialog');
    expect(screen.queryByTestId('conflict-differences')).toBeNull();
    expect(screen.getByTestId('conflict-local')).toHaveTextContent('Deleted');
  });

  describe('on the reps list', () => {
    useFreshDatabase();

    it('shows the differences and warns which flows lose reps before the choice', async () => {
      const flow = createEmptyFlowDocument('华东分配', 'flow-east');
      await addFlowDocument({
        ...flow,
        nodes: [
          ...flow.nodes,
          {
            id: 'rotation',
            type: 'roundRobin',
            position: { x: 200, y: 0 },
            data: { assignees: [{ repId: 'sample-east-1' }] },
          },
        ],
      });
      const server = [
        { id: 'sample-east-1', name: '张伟', active: true },
        { id: 'sample-east-2', name: '李娜', active: true },
      ];
      const local = [
        { id: 'east-1', name: '赵磊', active: true },
        { id: 'sample-east-2', name: '李娜', active: false },
      ];

      await renderConflict({ kind: 'reps', id: 'reps', local, server, serverRevision: 4 });

      const differences = await screen.findByTestId('conflict-rep-differences');
      expect(differences).toHaveTextContent('Only in this browser: 1 rep (赵磊).');
      expect(differences).toHaveTextContent('Only on the server: 1 rep (张伟).');
      expect(differences).toHaveTextContent('李娜: active differ.');
      const risk = await screen.findByTestId('risk-keep-local');
      expect(risk).toHaveTextContent('“华东分配” assigns to 张伟');
      expect(screen.queryByTestId('risk-keep-server')).toBeNull();
    });
  });

  describe('on the reps list with a workspace connected', () => {
    useFreshDatabase();
    let server: SyncTestServer;

    beforeAll(async () => {
      server = await startSyncTestServer();
    });
    afterAll(() => server.close());

    it('names the published flows it could not check instead of claiming none use the rep', async () => {
      const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken });
      const flow = createEmptyFlowDocument('西北分配', 'flow-north-west');
      const { revision } = await api.putFlow(flow, 0);
      const { version } = await api.publishFlow(flow.id, revision);
      await connectWorkspace(server.url, server.ownerToken);
      const serverReps = [{ id: 'rep-1', name: '张伟', active: true }];

      await renderConflict({
        kind: 'reps',
        id: 'reps',
        local: [],
        server: serverReps,
        serverRevision: 2,
      });

      const note = await screen.findByTestId('unchecked-keep-local');
      expect(note).toHaveTextContent(
        "Keeping this browser's list removes or deactivates 张伟; not every published flow could be checked",
      );
      expect(note).toHaveTextContent(`“西北分配” (server version ${version})`);
      expect(screen.queryByTestId('unchecked-keep-server')).toBeNull();
      expect(screen.queryByTestId('risk-keep-local')).toBeNull();
    });
  });
});
