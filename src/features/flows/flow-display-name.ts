/** The name to show for a flow: its name, or "Untitled flow" (`flows:untitled`) when it is blank. */
export function flowDisplayName(name: string, t: (key: string) => string): string {
  const trimmed = name.trim();
  return trimmed === '' ? t('flows:untitled') : trimmed;
}
