import type { RuleGroupType, RuleType } from 'react-querybuilder';
import type { LeadFieldKind } from './lead-fields';

/*
 * Conversion between the condition builder's query and the JSON Logic stored
 * in a flow. The writer uses only operations the flow format accepts; the
 * parser reads back everything the writer produces. An expression the builder
 * cannot show exactly is reported as not representable, so the caller can
 * show it read-only instead of rewriting it.
 */

/** Operators the builder offers, by react-querybuilder name. */
export const BUILDER_OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'contains',
  'doesNotContain',
  'beginsWith',
  'doesNotBeginWith',
  'endsWith',
  'doesNotEndWith',
  'in',
  'notIn',
  'between',
  'notBetween',
  'null',
  'notNull',
] as const;
export type BuilderOperator = (typeof BUILDER_OPERATORS)[number];

/** Operators whose value is never typed by the user. */
export const VALUELESS_OPERATORS: ReadonlySet<string> = new Set(['null', 'notNull']);

/** Operators whose value is a list. */
export const LIST_OPERATORS: ReadonlySet<string> = new Set([
  'in',
  'notIn',
  'between',
  'notBetween',
]);

const ORDERING_OPERATORS: ReadonlySet<string> = new Set([
  '<',
  '<=',
  '>',
  '>=',
  'between',
  'notBetween',
]);

const NEGATED: Partial<Record<BuilderOperator, BuilderOperator>> = {
  doesNotContain: 'contains',
  doesNotBeginWith: 'beginsWith',
  doesNotEndWith: 'endsWith',
  notIn: 'in',
  notBetween: 'between',
};

type JsonLogic = Record<string, unknown>;
type FieldKindOf = (field: string) => LeadFieldKind | undefined;

/** An empty query: one AND group without rules. */
export function emptyQuery(): RuleGroupType {
  return { combinator: 'and', rules: [] };
}

/** Text that is exactly a decimal number as JavaScript writes it ("10", "-2.5"; not "010" or "1,200"). */
function isCanonicalNumber(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  const number = Number(trimmed);
  return Number.isFinite(number) && String(number) === trimmed;
}

function toConstant(value: unknown, numeric: boolean): unknown {
  if (typeof value !== 'string') return value;
  if (numeric && isCanonicalNumber(value)) return Number(value.trim());
  return numeric ? value.trim() : value;
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  return value === undefined || value === null ? [] : [value];
}

function ruleToJsonLogic(rule: RuleType, kindOf: FieldKindOf): JsonLogic {
  const field = { var: rule.field };
  const operator = rule.operator as BuilderOperator;
  const numeric = kindOf(rule.field) === 'number' || ORDERING_OPERATORS.has(operator);
  const constant = toConstant(rule.value, numeric);

  const positive = NEGATED[operator];
  if (positive) return { '!': ruleToJsonLogic({ ...rule, operator: positive }, kindOf) };

  switch (operator) {
    case '=':
      return { '==': [field, constant] };
    case '!=':
      return { '!=': [field, constant] };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { [operator]: [field, constant] };
    case 'contains':
      return { in: [String(rule.value ?? ''), field] };
    case 'beginsWith':
      return { startsWith: [field, String(rule.value ?? '')] };
    case 'endsWith':
      return { endsWith: [field, String(rule.value ?? '')] };
    case 'in':
      return { in: [field, listOf(rule.value).map((item) => toConstant(item, numeric))] };
    case 'between': {
      const [low, high] = listOf(rule.value).map((item) => toConstant(item, true));
      return { '<=': [low ?? null, field, high ?? null] };
    }
    case 'null':
      // Per the flow format, == null holds for null, absent, "" and blank text.
      return { '==': [field, null] };
    case 'notNull':
      return { '!=': [field, null] };
    default:
      throw new Error(
        `The condition builder has no JSON Logic form for operator "${rule.operator}".`,
      );
  }
}

function groupToJsonLogic(group: RuleGroupType, kindOf: FieldKindOf): JsonLogic {
  const parts = group.rules.map((item) =>
    'rules' in item ? groupToJsonLogic(item, kindOf) : ruleToJsonLogic(item, kindOf),
  );
  const combined = { [group.combinator === 'or' ? 'or' : 'and']: parts };
  return group.not ? { '!': combined } : combined;
}

/**
 * Write a builder query as JSON Logic. An empty query gives undefined (no
 * condition); a top-level group with a single rule is written as that rule.
 */
export function queryToJsonLogic(
  query: RuleGroupType,
  kindOf: FieldKindOf = () => undefined,
): JsonLogic | undefined {
  if (query.rules.length === 0) return undefined;

  const [only] = query.rules;
  if (query.rules.length === 1 && only && !('rules' in only) && !query.not) {
    return ruleToJsonLogic(only, kindOf);
  }
  return groupToJsonLogic(query, kindOf);
}

/** Result of reading JSON Logic into the builder. */
export type ParsedCondition =
  { ok: true; query: RuleGroupType } | { ok: false; reason: 'notRepresentable' };

function isObject(value: unknown): value is JsonLogic {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single operation of a JSON Logic node, or undefined when it is not one. */
function operationOf(value: unknown): [string, unknown[]] | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const operation = keys[0] as string;
  const args = value[operation];
  return [operation, Array.isArray(args) ? args : [args]];
}

function fieldOf(value: unknown): string | undefined {
  const operation = operationOf(value);
  if (!operation || operation[0] !== 'var') return undefined;
  const [name, ...rest] = operation[1];
  if (rest.length > 0 || typeof name !== 'string' || name === '') return undefined;
  return name;
}

function isScalar(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function valueText(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

let ruleSequence = 0;
function rule(field: string, operator: BuilderOperator, value: unknown): RuleType {
  ruleSequence += 1;
  return { id: `r${ruleSequence}`, field, operator, value };
}

function parseRule(logic: unknown): RuleType | undefined {
  const operation = operationOf(logic);
  if (!operation) return undefined;
  const [name, args] = operation;

  if (name === '!') {
    const inner = parseRule(args[0]);
    const negated = Object.entries(NEGATED).find(
      ([, positive]) => positive === inner?.operator,
    )?.[0];
    if (args.length !== 1 || !inner || !negated) return undefined;
    return { ...inner, operator: negated };
  }

  if (name === '==' || name === '!=') {
    const [left, right] = args;
    const field = fieldOf(left);
    if (args.length !== 2 || !field) return undefined;
    if (right === null) return rule(field, name === '==' ? 'null' : 'notNull', '');
    if (!isScalar(right)) return undefined;
    return rule(field, name === '==' ? '=' : '!=', valueText(right));
  }

  if (name === '<' || name === '<=' || name === '>' || name === '>=') {
    if (args.length === 3 && name === '<=') {
      const [low, middle, high] = args;
      const field = fieldOf(middle);
      if (!field || !isScalar(low) || !isScalar(high)) return undefined;
      return rule(field, 'between', [valueText(low), valueText(high)]);
    }
    const [left, right] = args;
    const field = fieldOf(left);
    if (args.length !== 2 || !field || !isScalar(right)) return undefined;
    return rule(field, name, valueText(right));
  }

  if (name === 'in') {
    const [needle, haystack] = args;
    if (args.length !== 2) return undefined;
    const listField = fieldOf(needle);
    if (listField && Array.isArray(haystack) && haystack.every(isScalar)) {
      return rule(listField, 'in', haystack.map(valueText));
    }
    const textField = fieldOf(haystack);
    if (textField && typeof needle === 'string') return rule(textField, 'contains', needle);
    return undefined;
  }

  if (name === 'startsWith' || name === 'endsWith') {
    const [left, right] = args;
    const field = fieldOf(left);
    if (args.length !== 2 || !field || typeof right !== 'string') return undefined;
    return rule(field, name === 'startsWith' ? 'beginsWith' : 'endsWith', right);
  }

  return undefined;
}

let groupSequence = 0;
function parseGroup(logic: unknown): RuleGroupType | undefined {
  const operation = operationOf(logic);
  if (!operation) return undefined;
  const [name, args] = operation;

  if (name === '!' && args.length === 1) {
    const inner = parseGroup(args[0]);
    if (!inner || inner.not) return undefined;
    return { ...inner, not: true };
  }
  if (name !== 'and' && name !== 'or') return undefined;

  const rules: RuleGroupType['rules'] = [];
  for (const part of args) {
    const item = parseRule(part) ?? parseGroup(part);
    if (!item) return undefined;
    rules.push(item);
  }
  groupSequence += 1;
  return { id: `g${groupSequence}`, combinator: name, rules };
}

/** Canonical form for comparing conditions: numbers written as text count as those numbers. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string' && isCanonicalNumber(value)) return Number(value.trim());
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
  return value;
}

/** Whether two conditions are the same JSON Logic, counting numeric text as its number. */
export function sameCondition(left: unknown, right: unknown): boolean {
  return JSON.stringify(canonical(left)) === JSON.stringify(canonical(right));
}

/**
 * Read stored JSON Logic into a builder query. Undefined or null reads as an
 * empty query. The result is accepted only when writing it back gives the same
 * condition, so the builder never silently rewrites what it cannot show.
 */
export function jsonLogicToQuery(
  logic: unknown,
  kindOf: FieldKindOf = () => undefined,
): ParsedCondition {
  if (logic === undefined || logic === null) return { ok: true, query: emptyQuery() };

  const group = parseGroup(logic);
  const single = group ? undefined : parseRule(logic);
  const query = group ?? (single ? { id: 'g0', combinator: 'and', rules: [single] } : undefined);
  if (!query) return { ok: false, reason: 'notRepresentable' };

  if (!sameCondition(queryToJsonLogic(query, kindOf), logic))
    return { ok: false, reason: 'notRepresentable' };
  return { ok: true, query };
}

/** Field names a condition reads through `var`, in order of appearance. */
export function fieldsInCondition(logic: unknown): string[] {
  const fields: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value)) return;
    const name = fieldOf(value);
    if (name !== undefined && !fields.includes(name)) fields.push(name);
    Object.values(value).forEach(visit);
  };
  visit(logic);
  return fields;
}
