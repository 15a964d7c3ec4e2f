// The user guide is shipped with the app when docs/guide.<language>.md exists.
const guides = import.meta.glob<string>('../../../docs/guide.*.md', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** URL of the user guide in `language` (falling back to English), or undefined when none is shipped. */
export function userGuideUrl(language: string): string | undefined {
  const byLanguage = new Map<string, string>();
  for (const [path, url] of Object.entries(guides)) {
    const match = /guide\.([^/]+)\.md$/.exec(path);
    if (match?.[1]) byLanguage.set(match[1], url);
  }
  return byLanguage.get(language) ?? byLanguage.get('en') ?? byLanguage.values().next().value;
}
