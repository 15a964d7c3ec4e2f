/**
 * Renders the guide's markdown to HTML for the guide screen. Images and
 * links between the guide's languages point at files next to the markdown,
 * so they are rewritten to the bundled image URLs and the guide route.
 */
import { Marked, type Tokens } from 'marked';

export interface GuideLinks {
  /** Bundled URL of an image path relative to docs/, or undefined when it is not bundled. */
  imageUrl: (relativePath: string) => string | undefined;
  /** App path of the guide in a language. */
  guidePath: (language: string) => string;
}

const GUIDE_FILE = /^(?:\.\/)?guide(?:\.([^/#?]+))?\.md(#.*)?$/;

/** Renders trusted markdown shipped with the app (never user input) to HTML. */
export function renderGuideHtml(markdown: string, links: GuideLinks): string {
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'image') {
        const image = token as Tokens.Image;
        image.href = links.imageUrl(image.href) ?? image.href;
      }
      if (token.type === 'link') {
        const link = token as Tokens.Link;
        const guide = GUIDE_FILE.exec(link.href);
        if (guide) link.href = links.guidePath(guide[1] ?? 'en') + (guide[2] ?? '');
      }
    },
  });
  return marked.parse(markdown, { async: false });
}
