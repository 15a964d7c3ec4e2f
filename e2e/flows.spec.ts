import { expect, test } from '@playwright/test';
import { createFlowNamed, exportFlow } from './helpers/flows';
import { FlowsPage } from './pages/FlowsPage';

test.describe('flows list', () => {
  test('creates, renames, duplicates and deletes flows with undo', async ({ page }) => {
    const flows = new FlowsPage(page);
    await flows.goto();

    await createFlowNamed(flows, '展会线索');
    await flows.openRowAction('展会线索', 'Rename');
    await flows.submitNameDialog('展会线索 2026');
    await expect(flows.row('展会线索 2026')).toBeVisible();

    await flows.openRowAction('展会线索 2026', 'Duplicate');
    await flows.submitNameDialog('展会线索副本');
    await expect(flows.rows()).toHaveCount(2);

    await flows.openRowAction('展会线索副本', 'Delete');
    await flows.confirmDeletion();
    await expect(flows.rows()).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(flows.row('展会线索副本')).toBeVisible();

    await page.reload();
    await expect(flows.rows()).toHaveCount(2);
  });

  test('searches and sorts the list', async ({ page }) => {
    const flows = new FlowsPage(page);
    await flows.goto();
    await createFlowNamed(flows, 'Beta leads');
    await createFlowNamed(flows, 'Alpha leads');

    expect(await flows.rowNames()).toEqual(['Alpha leads', 'Beta leads']);
    await flows.openRowAction('Beta leads', 'Rename');
    await flows.submitNameDialog('Beta leads, edited');
    expect(await flows.rowNames()).toEqual(['Beta leads, edited', 'Alpha leads']);

    await flows.sortBy('Name');
    expect(await flows.rowNames()).toEqual(['Alpha leads', 'Beta leads, edited']);

    await flows.searchBox().fill('alpha');
    await expect(flows.rows()).toHaveCount(1);
    await flows.searchBox().fill('nothing like this');
    await expect(page.getByText('No flow matches')).toBeVisible();
  });

  test('rejects a file off the schema and changes nothing', async ({ page }) => {
    const flows = new FlowsPage(page);
    await flows.goto();
    await createFlowNamed(flows, 'Existing');

    await flows.chooseImportFile('e2e/fixtures/flows/broken-schema.json');

    await expect(flows.importResult()).toContainText('broken-schema.json was not imported');
    await expect(flows.importResult()).toContainText(
      'The horizontal position (position.x) of node "n1" must be a number, but the file has the text "left".',
    );
    await expect(flows.importResult()).toContainText('(In the file: nodes[0].position.x)');
    await expect(flows.rows()).toHaveCount(1);

    await flows.chooseImportFile('e2e/fixtures/flows/truncated.json');
    await expect(flows.importResult()).toContainText('not valid JSON');
    await expect(flows.rows()).toHaveCount(1);
  });

  test('imports a repairable file without its broken edge and warns', async ({ page }) => {
    const flows = new FlowsPage(page);
    await flows.goto();

    await flows.chooseImportFile('e2e/fixtures/flows/repairable.json');

    await expect(flows.importResult()).toContainText('without 1 broken part');
    await expect(flows.importResult()).toContainText(
      'Connection e1 was dropped because node A does not exist',
    );
    await expect(flows.row('Repairable flow')).toBeVisible();

    const exported = await exportFlow(flows, 'Repairable flow');
    expect(exported.content.edges).toEqual([]);
    expect(exported.content.nodes).toHaveLength(1);
  });

  test('exports a flow as a JSON file of the flow format', async ({ page }) => {
    const flows = new FlowsPage(page);
    await flows.goto();
    await createFlowNamed(flows, '华东 / 华南');

    const exported = await exportFlow(flows, '华东 / 华南');

    expect(exported.fileName).toBe('华东 _ 华南.json');
    expect(exported.content).toMatchObject({
      format: 'sras.flow',
      version: 1,
      name: '华东 / 华南',
    });
    expect((exported.content.nodes as { type: string }[]).map((node) => node.type)).toEqual([
      'source',
    ]);
  });
});
