/**
 * Formats a path of keys the way problems name fields: `nodes[2].data.limit`.
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
    } else {
      const name = String(key);
      text += text === '' ? name : `.${name}`;
    }
  }
  return text;
}
