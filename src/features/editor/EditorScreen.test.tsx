import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { renderApp } from '../../test/render-app';
import { addFlowDocument, getFlow } from '../flows/flow-repository';
import { makeEdge, makeFlow, makeNode } from './test/flow-fixtures';

// Opening the editor loads React Flow, Mantine and the query builder, which
// takes seconds under jsdom on a busy machine.
const SLOW = { timeout: 20_000 };

describe('EditorScreen', () => {
  useFreshDatabase();

  it('opens a stored flow with its nodes and the flow name', async () => {
    const flow = await addFlowDocument(
      makeFlow(
        [
          makeNode('source1', 'source'),
          makeNode(
            'filter1',
            'filter',
            { condition: { '==': [{ var: 'source' }, '展会'] } },
            300,
            0,
          ),
        ],
        [makeEdge('e1', 'source1', 'filter1', 'out')],
      ),
    );

    await renderApp(`/flows/${flow.id}`);

    expect(await screen.findByTestId('flow-node-filter1', undefined, SLOW)).toHaveTextContent(
      'Source = 展会',
    );
    expect(screen.getByRole('heading', { name: 'Test flow' })).toBeInTheDocument();
  }, 30_000);

  it('drops edges to missing nodes with a warning and saves the repaired flow', async () => {
    const flow = await addFlowDocument(
      makeFlow([makeNode('C', 'roundRobin', { assignees: [] })], [makeEdge('e1', 'A', 'C')]),
    );

    await renderApp(`/flows/${flow.id}`);

    expect(await screen.findByTestId('dropped-edges-warning', undefined, SLOW)).toHaveTextContent(
      'e1',
    );
    await waitFor(async () => expect((await getFlow(flow.id))?.document.edges).toEqual([]), SLOW);
  }, 30_000);

  it('saves a rename of the flow within a second', async () => {
    const flow = await addFlowDocument(makeFlow([makeNode('source1', 'source')]));
    await renderApp(`/flows/${flow.id}`);
    const name = await screen.findByRole('textbox', { name: 'Flow name' }, SLOW);

    fireEvent.change(name, { target: { value: '展会线索' } });

    await waitFor(async () => expect((await getFlow(flow.id))?.name).toBe('展会线索'), {
      timeout: 1_000,
    });
  }, 30_000);

  it('says so when the flow does not exist', async () => {
    await renderApp('/flows/no-such-flow');

    expect(await screen.findByText('This flow was not found', undefined, SLOW)).toBeInTheDocument();
  }, 30_000);
});
