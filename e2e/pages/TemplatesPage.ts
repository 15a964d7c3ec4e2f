import { expect, type Locator, type Page } from '@playwright/test';

/** The template gallery at /templates. */
export class TemplatesPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/templates');
    await expect(this.cards().first()).toBeVisible();
  }

  cards(): Locator {
    return this.page.getByTestId('template-card');
  }

  async useTemplate(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^(Use template |使用模板“)${name}`) })
      .click();
  }
}
