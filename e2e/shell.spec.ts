import { expect, test } from '@playwright/test';
import { createFlowNamed } from './helpers/flows';
import { saveScreenshot } from './helpers/screenshots';
import { AppShellPage } from './pages/AppShellPage';
import { FlowsPage } from './pages/FlowsPage';

test.describe('app shell', () => {
  test('switches language, remembers it, and formats for it', async ({ page }) => {
    const shell = new AppShellPage(page);
    const flows = new FlowsPage(page);
    await flows.goto();
    await createFlowNamed(flows, '展会线索');
    await expect(flows.heading()).toHaveText('Allocation flows');
    await saveScreenshot(page, 'flows-list-en');

    await shell.switchLanguage('简体中文');
    await expect(flows.heading()).toHaveText('分配流程');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await saveScreenshot(page, 'flows-list-zh-CN');

    await page.reload();
    await expect(flows.heading()).toHaveText('分配流程');
    await shell.switchLanguage('English');
    await expect(flows.heading()).toHaveText('Allocation flows');
  });

  test('starts in Chinese for a Chinese browser', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();

    await page.goto('/');

    await expect(page.getByRole('heading', { level: 2 })).toHaveText('分配流程');
    await context.close();
  });

  test('remembers the dark colour scheme', async ({ page }) => {
    const shell = new AppShellPage(page);
    await new FlowsPage(page).goto();

    const before = await page.locator('html').getAttribute('data-mantine-color-scheme');
    await shell.toggleColorScheme();
    const after = before === 'dark' ? 'light' : 'dark';
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', after);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', after);
    if (after === 'dark') await saveScreenshot(page, 'flows-list-dark');
  });

  test('keeps browser back and forward working between screens', async ({ page }) => {
    await new FlowsPage(page).goto();
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    await page.getByRole('link', { name: 'Go to flows' }).click();
    await expect(page).toHaveURL(/\/flows$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/no\/such\/page$/);
    await page.goForward();
    await expect(page).toHaveURL(/\/flows$/);
  });

  test('reaches the main controls with the keyboard and opens the shortcuts', async ({ page }) => {
    await new FlowsPage(page).goto();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

    const shell = new AppShellPage(page);
    await shell.openHelpMenu();
    await page.getByRole('menuitem', { name: /^Storage|Storage is not persistent/ }).click();
    await expect(page.getByRole('dialog', { name: 'Storage' })).toContainText(
      'stored in this browser',
    );
  });
});
