import { expect, type Locator, type Page } from '@playwright/test';

/** The flow editor at /flows/:flowId, found by test ids so it works in either language. */
export class EditorPage {
  constructor(readonly page: Page) {}

  editor(): Locator {
    return this.page.getByTestId('flow-editor');
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.editor()).toBeVisible();
    await expect(this.nodes().first()).toBeVisible();
  }

  /** Return the canvas pane, the element React Flow reads pointer positions from. */
  pane(): Locator {
    return this.page.locator('[data-testid="flow-canvas"] .react-flow__pane');
  }

  paletteItem(type: string): Locator {
    return this.page.getByTestId(`palette-item-${type}`);
  }

  nodes(): Locator {
    return this.page.locator('[data-testid^="flow-node-"]');
  }

  nodesOfType(type: string): Locator {
    return this.page.locator(`[data-testid^="flow-node-"][data-node-type="${type}"]`);
  }

  node(id: string): Locator {
    return this.page.getByTestId(`flow-node-${id}`);
  }

  edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  handle(nodeId: string, handleId: string): Locator {
    return this.page.getByTestId(`handle-${nodeId}-${handleId}`);
  }

  settings(): Locator {
    return this.page.getByTestId('node-settings');
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  /** Return the id of a node card, which is its test id without the prefix. */
  async nodeId(card: Locator): Promise<string> {
    const testId = await card.getAttribute('data-testid');
    if (!testId) throw new Error('node card without a test id');
    return testId.replace(/^flow-node-/, '');
  }

  /** Drag a palette item onto the pane, dropping at `position` relative to the pane's top-left corner. */
  async dragFromPalette(type: string, position: { x: number; y: number }): Promise<void> {
    await this.paletteItem(type).dragTo(this.pane(), { targetPosition: position });
  }

  /** Draw an edge from a node's output handle to another node's input. */
  async connect(sourceId: string, handleId: string, targetId: string): Promise<void> {
    await this.dragBetween(this.handle(sourceId, handleId), this.handle(targetId, 'in'));
  }

  /** Press the mouse on one element and release it on another, in small steps as a person would. */
  async dragBetween(from: Locator, to: Locator): Promise<void> {
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    if (!start || !end) throw new Error('drag ends are not visible');

    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + start.width / 2 + 2, start.y + start.height / 2 + 2);
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Select a node by clicking its card header. */
  async selectNode(id: string): Promise<void> {
    await this.node(id).click({ position: { x: 60, y: 14 } });
  }

  /** Wait until autosave reports that everything is stored. */
  async waitForSaved(): Promise<void> {
    await expect(this.saveStatus()).toHaveAttribute('data-status', 'saved');
  }

  /** Fit the whole flow into view with the toolbar button. */
  async fitView(): Promise<void> {
    await this.page.getByTestId('toolbar-fit-view').click();
    await this.waitForViewportAtRest();
  }

  /**
   * Wait until the canvas stops moving: fit view animates the viewport, and a
   * drag measured mid-animation misses its handle. At rest means the same
   * transform in two reads 400 ms apart, longer than the 300 ms animation.
   */
  async waitForViewportAtRest(): Promise<void> {
    const viewport = this.page.locator('[data-testid="flow-canvas"] .react-flow__viewport');
    let previous: string | null = null;
    await expect
      .poll(
        async () => {
          const current = await viewport.getAttribute('style');
          const atRest = current === previous;
          previous = current;
          return atRest;
        },
        { intervals: [400] },
      )
      .toBe(true);
  }

  async pressShortcut(keys: string): Promise<void> {
    await this.pane().focus();
    await this.page.keyboard.press(keys);
  }
}
