/** The reason templates of one language: the engine's `reason` messages. */
export interface ReasonTemplates {
  assigned: string;
  'existing-owner': string;
  pool: string;
  'pool-no-reason': string;
  'no-route': string;
}

/** What the reason text of a lead is built from: the engine's per-lead result. */
export interface ReasonSource {
  ownerId: string | null;
  nodeId: string;
  route: readonly string[];
  reason: string;
  poolReason: string | null;
}

/**
 * Words why a lead ended where it did, for the result file's `reason_text`:
 * the owner as `name (id)` (the id alone for an owner outside the team), the
 * pool's reason, or the unconnected output. Templates use `{{owner}}`,
 * `{{reason}}`, `{{nodeId}}` and `{{handle}}`.
 */
export function formatReasonText(
  result: ReasonSource,
  repNames: ReadonlyMap<string, string>,
  templates: ReasonTemplates,
): string {
  const ownerName = result.ownerId === null ? undefined : repNames.get(result.ownerId);
  const owner =
    ownerName === undefined ? (result.ownerId ?? '') : `${ownerName} (${result.ownerId})`;

  switch (result.reason) {
    case 'assigned':
      return fill(templates.assigned, { owner });
    case 'existing-owner':
      return fill(templates['existing-owner'], { owner });
    case 'pool':
      return result.poolReason
        ? fill(templates.pool, { reason: result.poolReason })
        : templates['pool-no-reason'];
    case 'no-route': {
      const lastStep = result.route.at(-1) ?? '';
      const handle = lastStep.slice(lastStep.indexOf(':') + 1);
      return fill(templates['no-route'], { nodeId: result.nodeId, handle });
    }
    default:
      return '';
  }
}

/** Replaces `{{name}}` placeholders as the engine's `interpolate` does. */
function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => params[name] ?? '');
}
