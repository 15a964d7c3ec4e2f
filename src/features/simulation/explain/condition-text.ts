/**
 * Words the common shapes of a JSON Logic condition (the ones the editor's
 * condition builder writes) for a lead's explanation: `来源 = 展会`,
 * `省份 属于 广东、浙江`, `评分 ≥ 60 且 城市 不为空`. Returns null for a shape
 * it does not know, so that the caller falls back to the node's name.
 */
import type { Translate } from './explain.types';

const COMPARISONS: Readonly<Record<string, string>> = {
  '==': '=',
  '===': '=',
  '!=': '≠',
  '!==': '≠',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
};

/** Depth beyond which a condition is described by its node name instead. */
const MAX_DEPTH = 4;

export function describeCondition(
  condition: unknown,
  fieldLabel: (field: string) => string,
  t: Translate,
  depth = 0,
): string | null {
  if (depth > MAX_DEPTH || !isOperation(condition)) return null;
  const [operator, rawArgs] = Object.entries(condition)[0] as [string, unknown];
  const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs];

  if (operator === 'and' || operator === 'or') {
    const parts = args.map((arg) => describeCondition(arg, fieldLabel, t, depth + 1));
    if (parts.length === 0 || parts.some((part) => part === null)) return null;
    return parts.join(t(operator === 'and' ? 'explain.condition.and' : 'explain.condition.or'));
  }
  if (operator === '!') {
    const field = fieldOf(args[0]);
    if (field !== null) return t('explain.condition.empty', { field: fieldLabel(field) });
    const inner = describeCondition(args[0], fieldLabel, t, depth + 1);
    return inner === null ? null : t('explain.condition.not', { condition: inner });
  }
  if (operator === '!!') {
    const field = fieldOf(args[0]);
    return field === null ? null : t('explain.condition.notEmpty', { field: fieldLabel(field) });
  }

  const comparison = COMPARISONS[operator];
  if (comparison !== undefined) return describeComparison(args, comparison, fieldLabel, t);
  if (operator === 'in') return describeIn(args, fieldLabel, t);
  if (operator === 'startsWith' || operator === 'endsWith') {
    const field = fieldOf(args[0]);
    if (field === null || !isLiteral(args[1])) return null;
    return t(`explain.condition.${operator}`, {
      field: fieldLabel(field),
      value: literalText(args[1]),
    });
  }
  return null;
}

function describeComparison(
  args: unknown[],
  comparison: string,
  fieldLabel: (field: string) => string,
  t: Translate,
): string | null {
  // Between, as `{"<=": [low, {"var": f}, high]}`.
  if (args.length === 3) {
    const field = fieldOf(args[1]);
    if (field === null || !isLiteral(args[0]) || !isLiteral(args[2])) return null;
    return t('explain.condition.between', {
      field: fieldLabel(field),
      low: literalText(args[0]),
      high: literalText(args[2]),
    });
  }

  const [left, right] = args;
  const leftField = fieldOf(left);
  const rightField = fieldOf(right);
  if (leftField !== null && right === null && (comparison === '=' || comparison === '≠')) {
    return t(comparison === '=' ? 'explain.condition.empty' : 'explain.condition.notEmpty', {
      field: fieldLabel(leftField),
    });
  }
  if (leftField !== null && isLiteral(right))
    return `${fieldLabel(leftField)} ${comparison} ${literalText(right)}`;
  if (rightField !== null && isLiteral(left))
    return `${literalText(left)} ${comparison} ${fieldLabel(rightField)}`;
  if (leftField !== null && rightField !== null)
    return `${fieldLabel(leftField)} ${comparison} ${fieldLabel(rightField)}`;
  return null;
}

function describeIn(
  args: unknown[],
  fieldLabel: (field: string) => string,
  t: Translate,
): string | null {
  const [needle, haystack] = args;
  const needleField = fieldOf(needle);
  if (needleField !== null && Array.isArray(haystack) && haystack.every(isLiteral)) {
    return t('explain.condition.oneOf', {
      field: fieldLabel(needleField),
      values: haystack.map(literalText).join(t('explain.listSeparator')),
    });
  }
  const haystackField = fieldOf(haystack);
  if (haystackField !== null && isLiteral(needle)) {
    return t('explain.condition.contains', {
      field: fieldLabel(haystackField),
      value: literalText(needle),
    });
  }
  return null;
}

function isOperation(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1
  );
}

/** The field a `{"var": name}` reads, else null. */
export function fieldOf(value: unknown): string | null {
  if (!isOperation(value) || !('var' in value)) return null;
  const name = Array.isArray(value.var) ? value.var[0] : value.var;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : null;
}

function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function literalText(value: unknown): string {
  return String(value);
}
