import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';
import { renderCanvas } from '../test/render-canvas';
import { MINIMAP_AUTO_HIDE_ABOVE } from './CanvasMinimap';
import { PALETTE_DRAG_TYPE } from './palette-drag';

/** The canvas pane's top-left corner on screen, as in a layout with a 240px palette and a 64px header. */
const PANE_ORIGIN = { left: 240, top: 64 };

function dropFromPalette(target: Element, type: string, clientX: number, clientY: number) {
  const event = new MouseEvent('drop', { bubbles: true, cancelable: true, clientX, clientY });
  Object.defineProperty(event, 'dataTransfer', {
    value: {
      types: [PALETTE_DRAG_TYPE],
      getData: (format: string) => (format === PALETTE_DRAG_TYPE ? type : ''),
    },
  });
  act(() => {
    target.dispatchEvent(event);
  });
}

describe('FlowCanvas', () => {
  beforeEach(() => {
    const original = Element.prototype.getBoundingClientRect;
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      if (this.classList.contains('react-flow')) {
        return DOMRect.fromRect({
          x: PANE_ORIGIN.left,
          y: PANE_ORIGIN.top,
          width: 800,
          height: 600,
        });
      }
      return original.call(this);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('puts a dropped node under the pointer', async () => {
    const { container, store, flow } = await renderCanvas(
      makeFlow([makeNode('source1', 'source')]),
    );
    await act(async () => {
      await flow().setViewport({ x: 0, y: 0, zoom: 1 });
    });

    dropFromPalette(container.querySelector('.react-flow__pane')!, 'roundRobin', 540, 364);

    const added = store.getState().document.nodes.find((node) => node.type === 'roundRobin');
    expect(added?.position).toEqual({ x: 300, y: 300 });
  });

  it('puts a dropped node under the pointer after panning and zooming', async () => {
    const { container, store, flow } = await renderCanvas(
      makeFlow([makeNode('source1', 'source')]),
    );
    await act(async () => {
      await flow().setViewport({ x: 100, y: 50, zoom: 2 });
    });

    dropFromPalette(container.querySelector('.react-flow__pane')!, 'filter', 540, 364);

    const added = store.getState().document.nodes.find((node) => node.type === 'filter');
    expect(added?.position).toEqual({ x: 100, y: 125 });
  });

  it('ignores a drop that does not come from the palette', async () => {
    const { container, store } = await renderCanvas(makeFlow([makeNode('source1', 'source')]));
    const event = new MouseEvent('drop', {
      bubbles: true,
      cancelable: true,
      clientX: 1,
      clientY: 1,
    });
    Object.defineProperty(event, 'dataTransfer', {
      value: { types: ['text/plain'], getData: () => 'hello' },
    });

    act(() => {
      container.querySelector('.react-flow__pane')!.dispatchEvent(event);
    });

    expect(store.getState().document.nodes).toHaveLength(1);
  });

  it('renders a card with labelled outputs for each node', async () => {
    const { findByTestId } = await renderCanvas(
      makeFlow(
        [
          makeNode('source1', 'source'),
          makeNode('filter1', 'filter', { condition: { '==': [{ var: 'source' }, '展会'] } }),
        ],
        [makeEdge('e1', 'source1', 'filter1', 'out')],
      ),
    );

    const card = await findByTestId('flow-node-filter1');
    expect(card).toHaveTextContent('Filter');
    expect(card).toHaveTextContent('Source = 展会');
    expect(card).toHaveTextContent('Match');
    expect(card).toHaveTextContent('No match');
  });

  it('keeps working when React Flow removes an edge the store already dropped', async () => {
    const { store } = await renderCanvas(
      makeFlow(
        [
          makeNode('A', 'filter'),
          makeNode('B', 'score', { rules: [] }),
          makeNode('C', 'roundRobin', { assignees: [] }),
        ],
        [makeEdge('e1', 'A', 'C', 'match'), makeEdge('e2', 'B', 'C', 'out')],
      ),
    );

    act(() => store.getState().deleteElements({ nodeIds: ['A', 'B'] }));
    act(() => store.getState().deleteElements({ edgeIds: ['e1', 'e2'] }));

    await waitFor(() =>
      expect(store.getState().document.nodes.map((node) => node.id)).toEqual(['C']),
    );
    expect(store.getState().document.edges).toEqual([]);
  });

  it('shows the minimap of a small flow and lets the user hide it', async () => {
    const { findByTestId, container } = await renderCanvas(
      makeFlow([makeNode('source1', 'source')]),
    );

    const toggle = await findByTestId('minimap-toggle');
    // The minimap mounts in a transition after the cards.
    await waitFor(() => expect(container.querySelector('.react-flow__minimap')).not.toBeNull());
    expect(toggle).toHaveAttribute('aria-pressed', 'true');

    act(() => toggle.click());

    await waitFor(() => expect(container.querySelector('.react-flow__minimap')).toBeNull());
    expect(toggle).toHaveAttribute('aria-label', 'Show the minimap');
  });

  it('hides the minimap of a large flow until the user shows it', async () => {
    const nodes = Array.from({ length: MINIMAP_AUTO_HIDE_ABOVE + 1 }, (_, index) =>
      makeNode(`pool${index}`, 'pool', { reason: 'overflow' }, 0, index * 200),
    );
    const { findByTestId, container } = await renderCanvas(makeFlow(nodes));

    const toggle = await findByTestId('minimap-toggle');
    expect(container.querySelector('.react-flow__minimap')).toBeNull();
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    act(() => toggle.click());

    await waitFor(() => expect(container.querySelector('.react-flow__minimap')).not.toBeNull());
  });
});
