import { expect, test } from '@playwright/test';
import { saveScreenshot } from '../helpers/screenshots';
import { addNodeByDrag, chooseOption, openNewFlowInEditor } from '../helpers/editor';

test.describe('flow editor', () => {
  test('builds a filter, region split, round robin and pool that survive a reload', async ({
    page,
  }) => {
    const editor = await openNewFlowInEditor(page, 'Trade show leads');
    const sourceId = await editor.nodeId(editor.nodesOfType('source').first());

    const filterId = await addNodeByDrag(editor, 'filter', { x: 120, y: 60 });
    const regionId = await addNodeByDrag(editor, 'regionSplit', { x: 120, y: 260 });
    const robinId = await addNodeByDrag(editor, 'roundRobin', { x: 420, y: 60 });
    const poolId = await addNodeByDrag(editor, 'pool', { x: 420, y: 300 });
    await page.getByTestId('toolbar-layout').click();
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();

    await editor.selectNode(filterId);
    await editor.settings().getByRole('button', { name: 'Add rule' }).click();
    await chooseOption(
      page,
      editor.settings().getByRole('combobox', { name: 'Field' }).first(),
      'Source (source)',
    );
    await editor.settings().getByRole('textbox', { name: 'Value' }).first().fill('展会');
    await expect(editor.node(filterId)).toContainText('Source = 展会');

    await editor.selectNode(regionId);
    await editor.settings().getByTestId('region-preset').click();
    await expect(editor.handle(regionId, 'east')).toBeVisible();
    await page.getByTestId('toolbar-layout').click();
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();

    await editor.connect(sourceId, 'out', filterId);
    await editor.connect(filterId, 'match', regionId);
    await editor.connect(filterId, 'else', poolId);
    await editor.connect(regionId, 'east', robinId);
    await editor.connect(robinId, 'overflow', poolId);
    await expect(editor.edges()).toHaveCount(5);

    await editor.waitForSaved();
    await saveScreenshot(page, 'editor-built-flow-en');
    await page.reload();
    await editor.waitUntilReady();

    await expect(editor.nodes()).toHaveCount(5);
    await expect(editor.edges()).toHaveCount(5);
    await expect(editor.node(filterId)).toContainText('Source = 展会');
    await expect(editor.node(regionId)).toContainText('East China');
  });
});
