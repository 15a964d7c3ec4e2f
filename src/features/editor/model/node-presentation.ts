import type { TFunction } from 'i18next';
import type { FlowNode, Rep } from '@sras/engine';
import { jsonLogicToQuery, VALUELESS_OPERATORS } from '../conditions/condition-query.convert';
import { getOutputHandles } from '@sras/engine';
import { isKnownNodeType } from './node-catalog';

/** What a node card needs to know about its surroundings to describe itself. */
export interface PresentationContext {
  t: TFunction;
  repName: (repId: string) => string | undefined;
  fieldLabel: (field: string) => string;
}

/** An output handle with its label, in display order. */
export interface LabelledHandle {
  id: string;
  label: string;
}

const FIXED_HANDLE_LABELS: Record<string, Record<string, string>> = {
  filter: { match: 'handles.match', else: 'handles.noMatch' },
  quota: { within: 'handles.within', overflow: 'handles.overQuota' },
  dedup: { unique: 'handles.unique', duplicate: 'handles.duplicate' },
  roundRobin: { overflow: 'handles.noEligibleRep' },
  leastLoaded: { overflow: 'handles.noEligibleRep' },
  assign: { overflow: 'handles.noEligibleRep' },
};

function listItems(node: FlowNode): { id?: unknown; label?: unknown }[] {
  const list =
    node.type === 'branch'
      ? node.data.cases
      : node.type === 'regionSplit'
        ? node.data.regions
        : undefined;
  return Array.isArray(list) ? (list as { id?: unknown; label?: unknown }[]) : [];
}

/** Label of one output handle of a node. */
export function handleLabel(node: FlowNode, handleId: string, t: TFunction): string {
  const fixed = FIXED_HANDLE_LABELS[node.type]?.[handleId];
  if (fixed) return t(`editor:${fixed}`);
  if (handleId === 'out') return t('editor:handles.out');
  if (handleId === 'else') return t('editor:handles.other');

  const items = listItems(node);
  const index = items.findIndex((item) => item?.id === handleId);
  const label = items[index]?.label;
  if (typeof label === 'string' && label.trim() !== '') return label;
  const unnamed =
    node.type === 'branch' ? 'editor:handles.unnamedCase' : 'editor:handles.unnamedRegion';
  return t(unnamed, { index: index + 1 });
}

/** Output handles of a node with their labels. */
export function labelledHandles(node: FlowNode, t: TFunction): LabelledHandle[] {
  return getOutputHandles(node).map((id) => ({ id, label: handleLabel(node, id, t) }));
}

const OPERATOR_SYMBOLS: Record<string, string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

/** A short text for a condition, such as `来源 = 展会` or `省份 是其中之一 广东、浙江 等 2 条`. */
export function describeCondition(condition: unknown, context: PresentationContext): string {
  const { t } = context;
  if (condition === undefined || condition === null) return t('editor:summary.noCondition');

  const parsed = jsonLogicToQuery(condition);
  if (!parsed.ok) return t('editor:summary.customCondition');
  const [first] = parsed.query.rules;
  if (!first) return t('editor:summary.noCondition');
  if ('rules' in first) return t('editor:summary.customCondition');

  const operator = OPERATOR_SYMBOLS[first.operator] ?? t(`editor:operators.${first.operator}`);
  const value = VALUELESS_OPERATORS.has(first.operator)
    ? ''
    : Array.isArray(first.value)
      ? (first.value as unknown[]).join(t('editor:summary.listSeparator'))
      : String(first.value ?? '');
  const text = [context.fieldLabel(first.field), operator, value]
    .filter((part) => part !== '')
    .join(' ');
  const more = parsed.query.rules.length - 1;
  return more > 0 ? `${text} ${t('editor:summary.moreRules', { count: more })}` : text;
}

function assigneeSummary(node: FlowNode, context: PresentationContext): string {
  const { t } = context;
  const assignees = Array.isArray(node.data.assignees)
    ? (node.data.assignees as { weight?: unknown }[])
    : [];
  if (assignees.length === 0) return t('editor:summary.noReps');

  const reps = t('editor:summary.reps', { count: assignees.length });
  if (node.type !== 'roundRobin') return reps;
  const weighted = assignees.some(
    (assignee) => typeof assignee.weight === 'number' && assignee.weight !== 1,
  );
  return `${reps} · ${t(weighted ? 'editor:summary.byWeight' : 'editor:summary.evenly')}`;
}

/** The one-line essentials shown on a node card. */
export function describeNode(node: FlowNode, context: PresentationContext): string {
  const { t } = context;
  const { data } = node;
  if (!isKnownNodeType(node.type))
    return t('editor:nodeTypes.unknown.description', { type: node.type });

  switch (node.type) {
    case 'source':
      return t('editor:summary.source');
    case 'filter':
      return describeCondition(data.condition, context);
    case 'score': {
      const rules = Array.isArray(data.rules) ? data.rules.length : 0;
      const field = typeof data.field === 'string' && data.field !== '' ? data.field : 'score';
      return t('editor:summary.scoreRules', { count: rules, field: context.fieldLabel(field) });
    }
    case 'branch':
      return t('editor:summary.branchCases', { count: listItems(node).length });
    case 'regionSplit': {
      const count = listItems(node).length;
      if (count === 0) return t('editor:summary.noRegions');
      const field = typeof data.field === 'string' && data.field !== '' ? data.field : 'province';
      return t('editor:summary.regions', { count, field: context.fieldLabel(field) });
    }
    case 'quota': {
      const period = t(`editor:summary.periods.${String(data.period ?? 'day')}`);
      const limit = String(data.limit ?? '?');
      const per =
        typeof data.per === 'string' && data.per !== '' ? context.fieldLabel(data.per) : undefined;
      return per
        ? t('editor:summary.quotaPer', { period, limit, per })
        : t('editor:summary.quota', { period, limit });
    }
    case 'dedup': {
      const keys = Array.isArray(data.keys) ? (data.keys as string[]) : [];
      const text = t('editor:summary.dedupKeys', {
        keys: keys
          .map((key) => t(`editor:dedupKeys.${key}`))
          .join(t('editor:summary.listSeparator')),
      });
      return data.assignExistingOwner === false
        ? text
        : `${text} · ${t('editor:summary.dedupOwner')}`;
    }
    case 'roundRobin':
    case 'leastLoaded':
      return assigneeSummary(node, context);
    case 'assign': {
      const repId = typeof data.repId === 'string' ? data.repId : '';
      if (repId === '') return t('editor:summary.noReps');
      return t('editor:summary.assignTo', { name: context.repName(repId) ?? repId });
    }
    case 'pool': {
      const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
      return reason === ''
        ? t('editor:summary.poolNoReason')
        : t('editor:summary.poolReason', { reason });
    }
  }
}

/** Display name of a rep, for pickers and summaries. */
export function repDisplayName(rep: Pick<Rep, 'id' | 'name'>): string {
  return rep.name.trim() === '' ? rep.id : rep.name;
}
