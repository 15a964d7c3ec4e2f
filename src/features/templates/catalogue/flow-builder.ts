import type { FlowDocument, FlowEdge, FlowNode } from '@sras/engine';
import type { SampleRep } from '../sample-reps';

const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 150;

/** A node placed on a grid of columns (left to right) and rows. */
export function node(
  id: string,
  type: string,
  column: number,
  row: number,
  data: Record<string, unknown> = {},
): FlowNode {
  return { id, type, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT }, data };
}

/** An edge from a node's output handle to another node. */
export function edge(source: string, sourceHandle: string, target: string): FlowEdge {
  return { id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target };
}

/** Round-robin or least-loaded assignees for sample reps. */
export function assignees(reps: readonly SampleRep[]): { repId: string }[] {
  return reps.map((rep) => ({ repId: rep.id }));
}

/** Builds a template's flow document in the Asia/Shanghai time zone. */
export function flowDocument(
  id: string,
  name: string,
  nodes: FlowNode[],
  edges: FlowEdge[],
): FlowDocument {
  return { format: 'sras.flow', version: 1, id, name, timezone: 'Asia/Shanghai', nodes, edges };
}

/** The languages a template's texts exist in. */
export type TemplateLanguage = 'zh-CN' | 'en';

/** A template's flow in each language: pool reasons and labels differ, everything else is equal. */
export type LocalisedFlow = Readonly<Record<TemplateLanguage, FlowDocument>>;

/**
 * Builds a template's flow once per language. `text(zh, en)` returns the
 * wording of the language being built, so that a template opens with its
 * pool reasons and labels in the user's language, as the node forms add
 * them in the editor.
 */
export function localisedFlow(
  build: (text: (zh: string, en: string) => string, language: TemplateLanguage) => FlowDocument,
): LocalisedFlow {
  return {
    'zh-CN': build((zh) => zh, 'zh-CN'),
    en: build((_zh, en) => en, 'en'),
  };
}
