import { expect, test } from '@playwright/test';
import { saveScreenshot } from './helpers/screenshots';
import { AppShellPage } from './pages/AppShellPage';
import { FlowsPage } from './pages/FlowsPage';
import { SimulationPage } from './pages/SimulationPage';
import { TemplatesPage } from './pages/TemplatesPage';

test.describe('template gallery', () => {
  test('shows seven templates in both languages', async ({ page }) => {
    const templates = new TemplatesPage(page);
    await templates.goto();

    await expect(templates.cards()).toHaveCount(7);
    await expect(templates.cards().getByRole('img').first()).toBeVisible();
    await saveScreenshot(page, 'template-gallery-en');

    await new AppShellPage(page).switchLanguage('简体中文');
    await expect(page.getByRole('heading', { name: '教育招生季' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '金融高净值通道' })).toBeVisible();
    await saveScreenshot(page, 'template-gallery-zh-CN');
  });

  test('previews a template with its field headers and no problems', async ({ page }) => {
    const templates = new TemplatesPage(page);
    await templates.goto();

    await page.getByRole('button', { name: 'Details of Finance high-value lane' }).click();

    const dialog = page.getByRole('dialog');
    const preview = dialog.getByTestId('flow-canvas-view');
    await expect(preview.getByText('Assets (10k yuan) ≥ 300')).toBeVisible();
    await expect(preview.locator('[data-testid^="problem-badge-"]')).toHaveCount(0);
    await expect(dialog.getByRole('columnheader', { name: 'Assets (10k yuan)' })).toBeVisible();
  });

  test('opens a template as an editable flow with its sample data', async ({ page }) => {
    const templates = new TemplatesPage(page);
    await templates.goto();

    await templates.useTemplate('Region teams');

    await expect(page).toHaveURL(/\/flows\/flow_[0-9a-f]+$/);
    await expect(
      page.getByText('added 14 sample reps and a dataset of 300 sample leads'),
    ).toBeVisible();
    const flows = new FlowsPage(page);
    await flows.goto();
    await expect(flows.row('Region teams')).toBeVisible();
    await page.goto('/data');
    await expect(page.getByText('Region teams · sample leads')).toBeVisible();
  });

  test('names the daily limit that sent leads to the pool on a first run', async ({ page }) => {
    const templates = new TemplatesPage(page);
    await templates.goto();
    await templates.useTemplate('Daily caps with overflow');
    await expect(page).toHaveURL(/\/flows\/flow_[0-9a-f]+$/);

    await page.getByTestId('toolbar-simulate').click();
    const simulation = new SimulationPage(page);
    await expect(simulation.settings()).toBeVisible();
    await simulation.chooseDataset(/Daily caps with overflow · sample leads/);
    await simulation.setTime('2026-12-04T10:00');
    await simulation.run();

    // All 200 sample leads count on the simulated day, against the quota of 60 a day.
    await expect(page.getByTestId('cap-note')).toHaveText(
      "“Quota” reached its daily limit of 60 leads, so 140 leads went to the pool (over today's quota).",
    );
    expect(await simulation.cardNumber('unassigned')).toBe(140);
  });
});
