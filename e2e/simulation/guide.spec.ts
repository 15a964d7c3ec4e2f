import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot } from '../helpers/screenshots';

/** Opens the user guide from the header's help menu. */
async function openGuideFromHelpMenu(page: Page, help: string, guide: string): Promise<void> {
  await page.getByRole('button', { name: help }).click();
  await page.getByRole('menuitem', { name: guide }).click();
}

/** Expects every image of the guide to have loaded (a broken image has no natural width). */
async function expectImagesLoaded(page: Page): Promise<void> {
  const images = page.getByTestId('user-guide').getByRole('img');
  await expect(images).not.toHaveCount(0);
  for (const image of await images.all()) {
    await expect(image).toHaveJSProperty('complete', true);
    expect(
      await image.evaluate((element: HTMLImageElement) => element.naturalWidth),
    ).toBeGreaterThan(0);
  }
}

test.describe('user guide', () => {
  test('opens in Chinese from the help menu with its screenshots', async ({ page }) => {
    await page.addInitScript(() => window.localStorage.setItem('sras.language', 'zh-CN'));
    await page.goto('/flows');
    await openGuideFromHelpMenu(page, '帮助', '使用指南');

    await expect(page).toHaveURL(/\/guide$/);
    const guide = page.getByTestId('user-guide');
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText('使用指南');
    await expect(guide.getByRole('img', { name: '模板' })).toBeVisible();
    await expectImagesLoaded(page);
    await saveScreenshot(page, 'guide-zh-CN');

    await guide.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/guide\/en$/);
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText('User guide');
  });

  test('opens in English and loads on reload of its address', async ({ page }) => {
    await page.goto('/flows');
    await openGuideFromHelpMenu(page, 'Help', 'User guide');
    await expect(page.getByTestId('user-guide').getByRole('heading', { level: 1 })).toHaveText(
      'User guide',
    );

    await page.reload();
    await expect(
      page.getByTestId('user-guide').getByRole('heading', { level: 2 }).first(),
    ).toHaveText('1. Start from a template');
    await expectImagesLoaded(page);
  });
});
