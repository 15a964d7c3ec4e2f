/**
 * Builds the plain-language explanation of one lead's way through a flow
 * from the engine's trace, in the language of `t`: one short text per step,
 * joined with arrows, such as
 * `来源 = 展会，符合「展会线索」 → 省份 广东 属于 华南 → 「华南组」轮询，轮到 李娜`.
 */
import {
  conditionFields,
  type CandidateTrace,
  type FlowDocument,
  type FlowNode,
  type Lead,
  type LeadResult,
  type TraceStep,
} from '@sras/engine';
import { describeCondition } from './condition-text';
import type { Translate } from './explain.types';

export interface ExplainContext {
  flow: FlowDocument;
  /** The lead as stored, for the values its conditions read. */
  lead: Lead;
  /** A rep's display name (the id when the rep is unknown). */
  repName: (repId: string) => string;
  /** A field's display name, such as the column header it came from. */
  fieldLabel: (field: string) => string;
}

export interface ExplainedStep {
  nodeId: string;
  /** The output taken, or null where the lead ended. */
  handle: string | null;
  text: string;
}

export interface LeadExplanation {
  steps: ExplainedStep[];
  /** Every step joined with arrows, ready to paste into a chat. */
  text: string;
}

type StepOf<T extends TraceStep['type']> = Extract<TraceStep, { type: T }>;

/** Explains a traced result; a result without a trace gets its outcome only. */
export function explainLead(
  result: LeadResult,
  context: ExplainContext,
  t: Translate,
): LeadExplanation {
  const nodes = new Map(context.flow.nodes.map((node) => [node.id, node]));
  const words = new StepWords(nodes, context, t);
  const steps: ExplainedStep[] = [];

  const trace = result.trace;
  if (trace && trace.timeSource !== 'now') {
    steps.push({
      nodeId: '',
      handle: null,
      text: t(trace.timeSource === 'field' ? 'explain.time.field' : 'explain.time.fallback', {
        day: trace.day,
      }),
    });
  }

  for (const step of trace?.steps ?? []) {
    const text = words.describe(step);
    if (text !== null) steps.push({ nodeId: step.nodeId, handle: step.handle, text });
  }

  if (result.reason === 'no-route') {
    const lastStep = result.route.at(-1) ?? '';
    const handle = lastStep.slice(lastStep.indexOf(':') + 1);
    steps.push({
      nodeId: result.nodeId,
      handle,
      text: t('explain.noRoute', {
        node: words.nodeName(result.nodeId),
        handle: words.handleName(result.nodeId, handle),
      }),
    });
  } else if (!trace) {
    steps.push({ nodeId: result.nodeId, handle: null, text: words.outcome(result) });
  }

  return { steps, text: steps.map((step) => step.text).join(' → ') };
}

class StepWords {
  constructor(
    private readonly nodes: ReadonlyMap<string, FlowNode>,
    private readonly context: ExplainContext,
    private readonly t: Translate,
  ) {}

  describe(step: TraceStep): string | null {
    switch (step.type) {
      case 'source':
        return null;
      case 'filter':
        return this.filter(step);
      case 'score':
        return this.score(step);
      case 'branch':
        return this.branch(step);
      case 'regionSplit':
        return this.region(step);
      case 'quota':
        return this.quota(step);
      case 'dedup':
        return this.dedup(step);
      case 'roundRobin':
      case 'leastLoaded':
      case 'assign':
        return this.assigner(step);
      case 'pool':
        return step.reason
          ? this.t('explain.pool.withReason', {
              node: this.nodeName(step.nodeId),
              reason: step.reason,
            })
          : this.t('explain.pool.plain', { node: this.nodeName(step.nodeId) });
    }
  }

  outcome(result: LeadResult): string {
    if (result.ownerId === null) return this.t('explain.outcome.unassigned');
    return this.t(
      result.reason === 'existing-owner'
        ? 'explain.outcome.existingOwner'
        : 'explain.outcome.assigned',
      { rep: this.context.repName(result.ownerId) },
    );
  }

  nodeName(nodeId: string): string {
    const node = this.nodes.get(nodeId);
    const label = (node?.data as { label?: unknown } | undefined)?.label;
    if (typeof label === 'string' && label.trim() !== '') return label.trim();
    return node ? this.t(`editor:nodeTypes.${node.type}.name`) : nodeId;
  }

  /** The name of an output as the editor shows it: a case or region label, or the handle's name. */
  handleName(nodeId: string, handle: string): string {
    const data = this.nodes.get(nodeId)?.data as
      | {
          cases?: { id?: unknown; label?: unknown }[];
          regions?: { id?: unknown; label?: unknown }[];
        }
      | undefined;
    const item = [...(data?.cases ?? []), ...(data?.regions ?? [])].find(
      (candidate) => candidate.id === handle,
    );
    if (item && typeof item.label === 'string' && item.label !== '') return item.label;
    const key = `explain.handle.${handle}`;
    const named = this.t(key);
    return named === key ? handle : named;
  }

  private filter(step: StepOf<'filter'>): string {
    const node = this.nodeName(step.nodeId);
    const condition = (this.nodes.get(step.nodeId)?.data as { condition?: unknown } | undefined)
      ?.condition;
    const described = describeCondition(condition, this.context.fieldLabel, this.t);
    if (step.matched) {
      return described === null
        ? this.t('explain.filter.matched', { node })
        : this.t('explain.filter.matchedBecause', { node, condition: described });
    }
    const values = this.leadValues(condition);
    if (described === null) return this.t('explain.filter.notMatched', { node });
    return this.t(
      values === '' ? 'explain.filter.notMatchedBecause' : 'explain.filter.notMatchedValues',
      {
        node,
        condition: described,
        values,
      },
    );
  }

  private score(step: StepOf<'score'>): string {
    const node = this.nodeName(step.nodeId);
    const matched = step.rules.filter((rule) => rule.matched);
    if (matched.length === 0)
      return this.t('explain.score.none', { node, score: step.score, base: step.base });
    const rules = matched
      .map((rule) =>
        this.t('explain.score.rule', {
          rule: rule.label ?? this.t('explain.score.ruleNumber', { number: rule.index + 1 }),
          points: rule.points >= 0 ? `+${rule.points}` : String(rule.points),
        }),
      )
      .join(this.t('explain.listSeparator'));
    return this.t('explain.score.rules', { node, score: step.score, rules });
  }

  private branch(step: StepOf<'branch'>): string {
    const node = this.nodeName(step.nodeId);
    if (step.caseId === null) return this.t('explain.branch.else', { node });
    return this.t('explain.branch.case', {
      node,
      branch: step.caseLabel ?? this.handleName(step.nodeId, step.caseId),
    });
  }

  private region(step: StepOf<'regionSplit'>): string {
    const field = this.context.fieldLabel(step.field);
    const value = step.value === null || step.value === '' ? null : String(step.value);
    if (value === null) return this.t('explain.region.empty', { field });

    const shown =
      step.province !== null && step.province !== value
        ? this.t('explain.region.valueWithProvince', { value, province: step.province })
        : value;
    if (step.regionId === null) return this.t('explain.region.none', { field, value: shown });
    return this.t('explain.region.matched', {
      field,
      value: shown,
      region: step.regionLabel ?? step.regionId,
    });
  }

  private quota(step: StepOf<'quota'>): string {
    const node = this.nodeName(step.nodeId);
    const period = this.periodName(step.period);
    const per =
      step.perValue === null ? '' : this.t('explain.quota.per', { value: step.perValue || '-' });
    if (step.handle === 'within') {
      return this.t('explain.quota.within', {
        node,
        period,
        number: step.used + 1,
        limit: step.limit,
        per,
      });
    }
    return this.t('explain.quota.full', { node, period, limit: step.limit, per });
  }

  private dedup(step: StepOf<'dedup'>): string {
    const node = this.nodeName(step.nodeId);
    const match =
      step.matches.find((candidate) => candidate.ownerId === step.ownerId) ?? step.matches[0];
    if (match === undefined) return this.t('explain.dedup.unique', { node });

    const key = this.keyName(match.key);
    const source = this.t(`explain.dedup.source.${match.source}`);
    if (step.handle === null && step.ownerId !== null) {
      return this.t('explain.dedup.existingOwner', {
        node,
        key,
        source,
        rep: this.context.repName(step.ownerId),
      });
    }
    if (step.ownerId !== null && !step.ownerActive) {
      return this.t('explain.dedup.ownerInactive', {
        node,
        key,
        source,
        rep: this.context.repName(step.ownerId),
      });
    }
    return this.t('explain.dedup.duplicate', { node, key, source });
  }

  private assigner(step: StepOf<'roundRobin' | 'leastLoaded' | 'assign'>): string {
    const node = this.nodeName(step.nodeId);
    const skipped = step.candidates
      .filter((candidate) => candidate.status !== 'chosen' && candidate.status !== 'eligible')
      .map((candidate) => this.skipReason(candidate))
      .join(this.t('explain.listSeparator'));

    if (step.repId === null) {
      return this.t(
        skipped === '' ? 'explain.assign.noneEligible' : 'explain.assign.noneEligibleBecause',
        {
          node,
          skipped,
        },
      );
    }

    const rep = this.context.repName(step.repId);
    const chosen = step.candidates.find((candidate) => candidate.status === 'chosen');
    const text = this.t(`explain.assign.${step.type}`, { node, rep, load: chosen?.load ?? 0 });
    return skipped === '' ? text : this.t('explain.assign.skipped', { text, skipped });
  }

  private skipReason(candidate: CandidateTrace): string {
    const rep = this.context.repName(candidate.repId);
    if (candidate.status === 'at-capacity') {
      return this.t(`explain.skip.atCapacity.${candidate.period ?? 'day'}`, {
        rep,
        limit: candidate.limit ?? 0,
      });
    }
    return this.t(`explain.skip.${candidate.status}`, { rep });
  }

  private keyName(key: string): string {
    const separator = key.indexOf(':');
    const type = key.slice(0, separator);
    return this.t(`explain.dedup.key.${type}`, { value: key.slice(separator + 1) });
  }

  private periodName(period: string): string {
    if (period === 'total') return this.t('explain.period.total');
    if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return this.t('explain.period.day', { period });
    if (/^\d{4}-W\d{2}$/.test(period)) return this.t('explain.period.week', { period });
    return this.t('explain.period.month', { period });
  }

  /** The lead's values of the fields a condition reads, such as `来源 = 网站`. */
  private leadValues(condition: unknown): string {
    const fields = condition === undefined ? [] : conditionFields(condition);
    return fields
      .slice(0, 3)
      .map((field) => {
        const value = Object.hasOwn(this.context.lead, field)
          ? this.context.lead[field]
          : undefined;
        const shown =
          value === null || value === undefined || value === ''
            ? this.t('explain.emptyValue')
            : String(value);
        return `${this.context.fieldLabel(field)} = ${shown}`;
      })
      .join(this.t('explain.listSeparator'));
  }
}
