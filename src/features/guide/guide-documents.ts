/**
 * The user guide as shipped in the build: docs/guide.md (English) and
 * docs/guide.<language>.md, bundled as text and loaded on first visit, and
 * the images under docs/images, bundled as files so that the guide works
 * offline from the app's own server.
 */
const sources = import.meta.glob<string>(['../../../docs/guide.md', '../../../docs/guide.*.md'], {
  query: '?raw',
  import: 'default',
});
const images = import.meta.glob<string>('../../../docs/images/**/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** Language of the guide at `path`: the part between `guide.` and `.md`, or `en`. */
function languageOfPath(path: string): string | null {
  const match = /\/guide(?:\.([^/]+))?\.md$/.exec(path);
  if (!match) return null;
  return match[1] ?? 'en';
}

/** Languages the guide is shipped in. */
export function guideLanguages(): string[] {
  return Object.keys(sources).flatMap((path) => languageOfPath(path) ?? []);
}

/** Chooses the guide language for a UI language: the same, else one with its base (zh → zh-CN), else English. */
export function guideLanguageFor(language: string): string {
  const shipped = guideLanguages();
  if (shipped.includes(language)) return language;
  const base = shipped.find((candidate) => candidate.split('-')[0] === language.split('-')[0]);
  return base ?? 'en';
}

/** Loads the guide's markdown in `language`, or returns null when it is not shipped. */
export async function loadGuideMarkdown(language: string): Promise<string | null> {
  const entry = Object.entries(sources).find(([path]) => languageOfPath(path) === language);
  if (!entry) return null;
  return entry[1]();
}

/** Bundled URL of an image the guide names relative to docs/, such as `images/en/editor.png`. */
export function guideImageUrl(relativePath: string): string | undefined {
  const normalised = relativePath.replace(/^\.\//, '');
  return images[`../../../docs/${normalised}`];
}
