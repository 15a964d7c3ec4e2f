import { expect, test } from '@playwright/test';
import { addNodeByDrag, openNewFlowInEditor } from '../helpers/editor';

test.describe('publishing from the editor', () => {
  test.describe.configure({ timeout: 120_000 });

  test('refuses to publish while the flow has errors and lists them', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Not ready');
    await addNodeByDrag(editor, 'filter', { x: 60, y: 60 });

    await page.getByTestId('toolbar-publish').click();

    const dialog = page.getByRole('dialog', { name: 'Cannot publish yet' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('publish-errors')).toContainText('The condition is empty');
  });

  test('publishes a flow without errors as a new version', async ({ page }) => {
    await openNewFlowInEditor(page, 'Ready');

    await page.getByTestId('toolbar-publish').click();

    await expect(page.getByText(/in this browser only/)).toBeVisible();
    await page.getByTestId('toolbar-versions').click();
    await expect(page.getByTestId('version-row')).toHaveCount(1);
  });
});
