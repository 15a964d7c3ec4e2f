import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideImageUrl, guideLanguageFor, loadGuideMarkdown } from './guide-documents';
import { renderGuideHtml } from './guide-markdown';

const links = {
  imageUrl: (path: string) =>
    path === 'images/en/editor.png' ? '/assets/editor-1a2b.png' : undefined,
  guidePath: (language: string) => `/guide/${language}`,
};

describe('renderGuideHtml', () => {
  it('renders headings, lists and emphasis', () => {
    const html = renderGuideHtml('# Guide\n\n- one **bold**\n- two', links);

    expect(html).toContain('<h1>Guide</h1>');
    expect(html).toContain('<li>one <strong>bold</strong></li>');
  });

  it('points images at their bundled files', () => {
    const html = renderGuideHtml('![Flow editor](images/en/editor.png)', links);

    expect(html).toContain('src="/assets/editor-1a2b.png"');
    expect(html).toContain('alt="Flow editor"');
  });

  it('leaves images that are not bundled as written', () => {
    const html = renderGuideHtml('![Missing](images/en/missing.png)', links);

    expect(html).toContain('src="images/en/missing.png"');
  });

  it('points links between the guide languages at the guide route', () => {
    const html = renderGuideHtml('[中文](guide.zh-CN.md) [English](guide.md#4-simulate)', links);

    expect(html).toContain('href="/guide/zh-CN"');
    expect(html).toContain('href="/guide/en#4-simulate"');
  });

  it('keeps other links unchanged', () => {
    const html = renderGuideHtml('[README](../README.md)', links);

    expect(html).toContain('href="../README.md"');
  });
});

describe('guide documents', () => {
  it('ships the guide in English and Chinese', async () => {
    expect(await loadGuideMarkdown('en')).toBe(readFileSync('docs/guide.md', 'utf8'));
    expect(await loadGuideMarkdown('zh-CN')).toBe(readFileSync('docs/guide.zh-CN.md', 'utf8'));
    expect(await loadGuideMarkdown('fr')).toBeNull();
  });

  it('chooses the guide language for a UI language', () => {
    expect(guideLanguageFor('zh-CN')).toBe('zh-CN');
    expect(guideLanguageFor('zh')).toBe('zh-CN');
    expect(guideLanguageFor('en-US')).toBe('en');
    expect(guideLanguageFor('fr')).toBe('en');
  });

  it('bundles every image the guides name', async () => {
    for (const language of ['en', 'zh-CN']) {
      const markdown = (await loadGuideMarkdown(language)) ?? '';
      const images = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect(guideImageUrl(image ?? ''), image).toBeDefined();
    }
  });
});
