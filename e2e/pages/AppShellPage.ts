import type { Locator, Page } from '@playwright/test';

/** The header around every screen: navigation, language, colour scheme and help. */
export class AppShellPage {
  constructor(readonly page: Page) {}

  navigation(): Locator {
    return this.page.getByRole('navigation').first();
  }

  navLink(name: string | RegExp): Locator {
    return this.navigation().getByRole('link', { name });
  }

  /** Switches the interface language through the header's language menu. */
  async switchLanguage(languageName: '简体中文' | 'English'): Promise<void> {
    await this.page.getByRole('button', { name: /Change language|切换语言/ }).click();
    await this.page.getByRole('menuitem', { name: languageName }).click();
  }

  async toggleColorScheme(): Promise<void> {
    await this.page
      .getByRole('button', { name: /Switch to (dark|light) colours|切换到(深|浅)色/ })
      .click();
  }

  async openHelpMenu(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Help|帮助)$/ }).click();
  }
}
