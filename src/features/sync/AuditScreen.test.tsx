import { screen, within } from '@testing-library/react';
import type { FlowDocument } from '@sras/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundRobinFlow } from '../../../packages/server/test/fixtures/flows';
import { getDatabase } from '../../storage/db';
import { useFreshDatabase } from '../../test/database';
import { renderApp } from '../../test/render-app';
import { addFlowDocument } from '../flows/flow-repository';
import { createSyncApi } from './sync-api.client';
import { writeConnection } from './sync-metadata';
import { startSyncTestServer, type SyncTestServer } from './sync-test-server';

let server: SyncTestServer;
const flow = { ...roundRobinFlow('audit-flow', ['r1']), name: '华东分配' } as FlowDocument;

beforeAll(async () => {
  server = await startSyncTestServer();
  const owner = createSyncApi({ serverUrl: server.url, token: server.ownerToken });
  await owner.putList('reps', [{ id: 'r1', name: '张伟' }], 0);
  await owner.putFlow(flow, 0);
  await owner.publishFlow(flow.id, 1);
  const response = await fetch(`${server.url}/api/v1/flows/${flow.id}/allocate`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.ownerToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ lead: { id: 'L1', phone: '13800000000' } }),
  });
  expect(response.status).toBe(200);
});
afterAll(() => server.close());

describe('AuditScreen', () => {
  useFreshDatabase();

  it('shows flow and rep names and the route by node labels', async () => {
    await addFlowDocument(flow);
    await getDatabase().reps.put({ id: 'r1', name: '张伟', team: '', createdAt: 0, updatedAt: 0 });
    await writeConnection({
      serverUrl: server.url,
      token: server.ownerToken,
      workspaceId: server.workspaceId,
      workspaceName: 'Audit test',
      role: 'owner',
      lastSeq: 0,
    });

    await renderApp('/audit', 'zh-CN');

    const table = await screen.findByTestId('audit-table');
    const flowCell = await within(table).findByText('华东分配 第 1 版', {}, { timeout: 10_000 });
    const row = flowCell.closest('tr') as HTMLElement;
    expect(within(row).getByText('张伟')).toBeInTheDocument();
    expect(within(row).getByText(/^线索入口/)).not.toHaveTextContent(':out');
    const labels = [...document.querySelectorAll('label')].map((label) => label.textContent);
    expect(labels).toEqual(expect.arrayContaining(['流程', '负责人']));
    expect(labels).not.toContain('流程 ID');
  });
});
