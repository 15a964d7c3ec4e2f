import { expect, test } from '@playwright/test';
import { addNodeByDrag, openNewFlowInEditor } from '../helpers/editor';

const NODE_TYPES = [
  'filter',
  'score',
  'branch',
  'regionSplit',
  'quota',
  'dedup',
  'roundRobin',
  'leastLoaded',
  'assign',
  'pool',
];

test.describe('canvas editing', () => {
  test.describe.configure({ timeout: 180_000 });

  test('drops every node type from the palette under the pointer', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Every node type');
    const pane = await editor.pane().boundingBox();
    if (!pane) throw new Error('pane not visible');

    for (const [index, type] of NODE_TYPES.entries()) {
      const drop = { x: 40 + (index % 2) * 260, y: 20 + Math.floor(index / 2) * 60 };
      const id = await addNodeByDrag(editor, type, drop);

      // The node's top-left corner lands where the pointer was released.
      const box = await editor.node(id).boundingBox();
      expect(Math.abs(box!.x - (pane.x + drop.x))).toBeLessThan(20);
      expect(Math.abs(box!.y - (pane.y + drop.y))).toBeLessThan(20);
    }
    await expect(editor.nodes()).toHaveCount(NODE_TYPES.length + 1);
  });

  test('refuses a connection that closes a loop and says why', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'No loops');
    const filterId = await addNodeByDrag(editor, 'filter', { x: 40, y: 40 });
    // Far enough from the pane's right edge that drawing from its outputs does not auto-pan.
    const quotaId = await addNodeByDrag(editor, 'quota', { x: 300, y: 40 });
    await editor.connect(filterId, 'match', quotaId);
    await expect(editor.edges()).toHaveCount(1);

    // While the edge is drawn over the filter, a hint explains why it may not
    // end there. The pointer moves onto the input again until the hint shows.
    const hint = page.getByTestId('connection-hint');
    await editor.drawConnection(quotaId, 'overflow', filterId, async () => {
      await expect(hint).toHaveText('This connection would form a loop.', { timeout: 1_000 });
    });

    // Released there, the edge is not added and a notice repeats the reason.
    await expect(
      page.getByRole('alert').filter({ hasText: 'This connection would form a loop.' }),
    ).toBeVisible();
    await expect(hint).toHaveCount(0);
    await expect(editor.edges()).toHaveCount(1);
  });

  test('undoes and redoes an added node with the keyboard', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Undo and redo');
    await addNodeByDrag(editor, 'pool', { x: 60, y: 60 });
    await expect(editor.nodes()).toHaveCount(2);

    await editor.pressShortcut('Control+z');
    await expect(editor.nodes()).toHaveCount(1);

    await editor.pressShortcut('Control+Shift+z');
    await expect(editor.nodes()).toHaveCount(2);
  });

  test('copies and pastes selected nodes with their connection', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Copy and paste');
    const filterId = await addNodeByDrag(editor, 'filter', { x: 40, y: 40 });
    const poolId = await addNodeByDrag(editor, 'pool', { x: 360, y: 40 });
    await editor.connect(filterId, 'else', poolId);

    // A click the canvas drops while it settles would copy only one node, so
    // select both again until React Flow shows both as selected.
    await expect(async () => {
      await editor.selectNode(filterId);
      await editor.node(poolId).click({ position: { x: 60, y: 14 }, modifiers: ['Shift'] });
      await expect(page.locator('.react-flow__node.selected')).toHaveCount(2, { timeout: 1_000 });
    }).toPass();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('button', { name: 'Paste', exact: true }).click();

    await expect(editor.nodesOfType('filter')).toHaveCount(2);
    await expect(editor.nodesOfType('pool')).toHaveCount(2);
    await expect(editor.edges()).toHaveCount(2);
  });

  test('deletes a selected node and its connections with the Delete key', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Delete');
    const filterId = await addNodeByDrag(editor, 'filter', { x: 40, y: 40 });
    const poolId = await addNodeByDrag(editor, 'pool', { x: 360, y: 40 });
    await editor.connect(filterId, 'else', poolId);

    await editor.selectNode(filterId);
    await page.keyboard.press('Delete');

    await expect(editor.nodesOfType('filter')).toHaveCount(0);
    await expect(editor.edges()).toHaveCount(0);
  });

  test('lays the flow out from left to right', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Layout');
    const sourceId = await editor.nodeId(editor.nodesOfType('source').first());
    const filterId = await addNodeByDrag(editor, 'filter', { x: 40, y: 260 });
    const poolId = await addNodeByDrag(editor, 'pool', { x: 40, y: 20 });
    await editor.connect(sourceId, 'out', filterId);
    await editor.connect(filterId, 'match', poolId);

    await page.getByTestId('toolbar-layout').click();

    const source = await editor.node(sourceId).boundingBox();
    const filter = await editor.node(filterId).boundingBox();
    const pool = await editor.node(poolId).boundingBox();
    expect(filter!.x).toBeGreaterThan(source!.x + source!.width);
    expect(pool!.x).toBeGreaterThan(filter!.x + filter!.width);
  });
});
