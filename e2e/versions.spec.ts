import { expect, test } from '@playwright/test';
import { saveScreenshot } from './helpers/screenshots';
import { FlowsPage } from './pages/FlowsPage';
import { VersionsPage } from './pages/VersionsPage';

test.describe('versions', () => {
  test('saves, compares, opens and restores versions', async ({ page }) => {
    const flows = new FlowsPage(page);
    const versions = new VersionsPage(page);
    await flows.goto();
    await flows.chooseImportFile('e2e/fixtures/flows/trade-show.json');
    await flows.openRowAction('Trade show leads', 'Versions');

    await versions.saveVersion('First draft');
    await page.goBack();
    await flows.openRowAction('Trade show leads', 'Rename');
    await flows.submitNameDialog('Trade show leads 2026');
    await flows.openRowAction('Trade show leads 2026', 'Versions');
    await versions.saveVersion('Renamed');

    await page.getByRole('link', { name: 'Compare versions' }).click();
    await versions.chooseComparison('First draft', 'Renamed');
    await expect(versions.diffSummary()).toContainText('Nodes: 0 added, 0 removed, 0 changed');
    await expect(versions.fieldChanges()).toHaveCount(1);
    await expect(versions.fieldChanges().first()).toContainText('Trade show leads 2026');
    await saveScreenshot(page, 'version-compare-en');

    await page.goBack();
    await versions.row('First draft').getByRole('link').click();
    await expect(page.getByText('This is a saved version and cannot be edited')).toBeVisible();
    await expect(page.getByTestId('structure-node')).toHaveCount(3);
    await expect(page.getByTestId('structure-edges')).toContainText(
      'Filter (filter) —match→ Pool (pool)',
    );
    await saveScreenshot(page, 'version-read-only-en');

    await page.goBack();
    await versions.openRowAction('First draft', 'Restore');
    await page
      .getByRole('dialog', { name: 'Restore version' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await expect(versions.rows()).toHaveCount(3);
    await expect(
      page.getByRole('heading', { name: 'Versions of “Trade show leads”' }),
    ).toBeVisible();
  });

  test('publishes a valid version and refuses one with errors', async ({ page }) => {
    const flows = new FlowsPage(page);
    const versions = new VersionsPage(page);
    await flows.goto();
    await flows.chooseImportFile('e2e/fixtures/flows/repairable.json');
    await flows.openRowAction('Repairable flow', 'Versions');
    await versions.saveVersion('Broken');

    await versions.openRowAction('Broken', 'Publish');

    await expect(versions.publishErrors()).toContainText('was not published');
    await expect(versions.publishErrors().getByRole('listitem').first()).toBeVisible();
    await saveScreenshot(page, 'version-publish-refused-en');
    await expect(versions.row('Broken')).not.toContainText('Published');

    await flows.goto();
    await flows.chooseImportFile('e2e/fixtures/flows/trade-show.json');
    await flows.openRowAction('Trade show leads', 'Versions');
    await versions.saveVersion('Ready');
    await versions.openRowAction('Ready', 'Publish');
    await expect(versions.row('Ready')).toContainText('Published');
    await flows.goto();
    await expect(flows.row('Trade show leads')).toContainText('Published');
  });
});
