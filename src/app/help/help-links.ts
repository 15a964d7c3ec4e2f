// The user guide is shipped with the app: docs/guide.md in English and
// docs/guide.<language>.md in other languages.
const guides = import.meta.glob<string>(['../../../docs/guide.md', '../../../docs/guide.*.md'], {
  query: '?url',
  import: 'default',
  eager: true,
});

/** URL of the user guide in `language` (falling back to English), or undefined when none is shipped. */
export function userGuideUrl(language: string): string | undefined {
  const byLanguage = new Map<string, string>();
  for (const [path, url] of Object.entries(guides)) {
    const match = /guide(?:\.([^/]+))?\.md$/.exec(path);
    if (match) byLanguage.set(match[1] ?? 'en', url);
  }
  return byLanguage.get(language) ?? byLanguage.get('en') ?? byLanguage.values().next().value;
}
