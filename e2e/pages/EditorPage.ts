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

  /**
   * Draw an edge from a node's output handle to another node's input and wait
   * until the canvas shows one edge more. Fails, naming the edge, when the
   * edge is not added: use `drawConnection` for a connection the editor
   * should refuse.
   */
  async connect(sourceId: string, handleId: string, targetId: string): Promise<void> {
    const before = await this.edges().count();
    const target = this.handle(targetId, 'in');

    await this.drawConnection(sourceId, handleId, targetId, async () => {
      // Release only once React Flow has taken the input as a valid target.
      await expect(target).toHaveClass(/(^|\s)valid(\s|$)/, { timeout: 1_000 });
    });

    await expect(
      this.edges(),
      `edge from ${sourceId}.${handleId} to ${targetId} was not added`,
    ).toHaveCount(before + 1);
  }

  /**
   * Press on a node's output handle and release on another node's input, in
   * small steps as a person would. Waits for both handles to stand still
   * first (a node that was just laid out, or a view still fitting, moves its
   * handles) and for the connection to start. `beforeRelease` runs with the
   * pointer over the input; the pointer is moved onto the input again until
   * it passes.
   */
  async drawConnection(
    sourceId: string,
    handleId: string,
    targetId: string,
    beforeRelease: () => Promise<void> = async () => {},
  ): Promise<void> {
    const from = this.handle(sourceId, handleId);
    const to = this.handle(targetId, 'in');
    await this.waitForViewportAtRest();
    const start = await this.steadyCentre(from);
    const end = await this.steadyCentre(to);

    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 2, start.y + 2);
    await expect(from).toHaveClass(/(^|\s)connectingfrom(\s|$)/);
    await this.page.mouse.move(end.x, end.y, { steps: 10 });
    // Near the pane's edge React Flow pans the view while a connection is
    // drawn, which moves the input from under the pointer: follow it.
    await expect(async () => {
      const box = await to.boundingBox();
      if (!box) throw new Error(`input of ${targetId} is not visible`);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await beforeRelease();
    }).toPass({ timeout: 15_000 });
    await this.page.mouse.up();
  }

  /** The centre of an element once two reads of its box 100 ms apart agree. */
  private async steadyCentre(element: Locator): Promise<{ x: number; y: number }> {
    let previous = '';
    let centre = { x: 0, y: 0 };
    await expect
      .poll(
        async () => {
          const box = await element.boundingBox();
          if (!box) return false;
          centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          const current = JSON.stringify(centre);
          const steady = current === previous;
          previous = current;
          return steady;
        },
        { intervals: [100] },
      )
      .toBe(true);
    return centre;
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
