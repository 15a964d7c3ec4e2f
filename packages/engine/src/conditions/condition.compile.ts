import type {
  CompileConditionResult,
  ConditionOptions,
  ConditionProblem,
} from './condition.types.js';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES } from './condition.types.js';
import type { CompiledNode, Evaluate } from './condition.node.js';
import { constantNode, valueNode } from './condition.node.js';
import type { MissingTest } from './condition.values.js';
import { createMissingTest } from './condition.values.js';
import { OPERATOR_BUILDERS } from './condition.operators.js';
import {
  OPERATION_ARITY,
  SCOPED_OPERATIONS,
  isPlainObject,
  operationArguments,
} from './condition.grammar.js';
import { buildMissing, buildMissingSome, buildVar } from './condition.fields.js';
import { generateTest } from './condition.codegen.js';
import type { FieldAccess } from './condition.fields.js';

/** Thrown to stop compiling once a limit is exceeded; never escapes `compileCondition`. */
class CompileAborted extends Error {}

const MAX_REPORTED_PROBLEMS = 50;

interface CompileContext extends FieldAccess {
  problems: ConditionProblem[];
  nodes: number;
}

/**
 * Compiles a condition once into a tree of closures. Rejected expressions
 * return their problems, each with a path into the expression; nothing user
 * supplied ever becomes source text.
 */
export function compileCondition(
  expr: unknown,
  options: ConditionOptions = {},
): CompileConditionResult {
  const isMissing = createMissingTest(options.emptyValues);
  const context: CompileContext = {
    problems: [],
    nodes: 0,
    isMissing,
    fieldTypes: options.fieldTypes,
    fields: [],
    report: () => undefined,
  };
  context.report = (problem) => {
    if (context.problems.length < MAX_REPORTED_PROBLEMS) context.problems.push(problem);
  };

  let root: CompiledNode | null;
  try {
    root = compileNode(expr, context, 1, '', false);
  } catch (error) {
    if (!(error instanceof CompileAborted)) throw error;
    root = null;
  }

  if (root === null || context.problems.length > 0) {
    return { ok: false, problems: context.problems };
  }

  // Generated eagerly: a wrapper that generated on first use would put one
  // shared call site in front of every condition and undo the gain.
  const generated = options.codegen === false ? undefined : generateTest(root);
  const test = generated ?? root.test;
  return {
    ok: true,
    evaluate: root.evaluate === root.test ? test : root.evaluate,
    test,
    fields: context.fields,
  };
}

function compileNode(
  expr: unknown,
  context: CompileContext,
  depth: number,
  path: string,
  scoped: boolean,
): CompiledNode | null {
  context.nodes++;
  if (context.nodes > MAX_CONDITION_NODES) {
    context.report({
      code: 'condition-too-large',
      path,
      params: { maxNodes: MAX_CONDITION_NODES },
    });
    throw new CompileAborted();
  }
  if (depth > MAX_CONDITION_DEPTH) {
    context.report({
      code: 'condition-too-deep',
      path,
      params: { maxDepth: MAX_CONDITION_DEPTH },
    });
    throw new CompileAborted();
  }

  if (expr === null || typeof expr === 'string' || typeof expr === 'boolean') {
    return constantNode(expr, context.isMissing);
  }
  if (typeof expr === 'number') {
    if (Number.isFinite(expr)) return constantNode(expr, context.isMissing);
    return invalid(context, path, { reason: 'unsupported-value', value: String(expr) });
  }
  if (Array.isArray(expr)) return compileList(expr, context, depth, path, scoped);
  if (isPlainObject(expr)) return compileOperation(expr, context, depth, path, scoped);
  return invalid(context, path, { reason: 'unsupported-value', value: describeValue(expr) });
}

function compileList(
  items: readonly unknown[],
  context: CompileContext,
  depth: number,
  path: string,
  scoped: boolean,
): CompiledNode | null {
  const nodes = items.map((item, index) =>
    compileNode(item, context, depth + 1, `${path}[${index}]`, scoped),
  );
  if (!allCompiled(nodes)) return null;

  if (nodes.every((node) => node.isConstant)) {
    return constantNode(
      nodes.map((node) => node.constant),
      context.isMissing,
    );
  }
  const readers = nodes.map((node) => node.evaluate);
  return valueNode((data) => readers.map((read) => read(data)), context.isMissing);
}

function compileOperation(
  expr: Record<string, unknown>,
  context: CompileContext,
  depth: number,
  path: string,
  scoped: boolean,
): CompiledNode | null {
  const keys = Object.keys(expr);
  if (keys.length !== 1) {
    return invalid(context, path, { reason: 'not-an-operation', keys: keys.length });
  }

  const operator = keys[0]!;
  const arity = OPERATION_ARITY.get(operator);
  if (arity === undefined) {
    context.report({ code: 'condition-operator-not-allowed', path, params: { operator } });
    return null;
  }

  const rawArgs = operationArguments(expr[operator]);
  if (rawArgs.length < arity.min || rawArgs.length > arity.max) {
    return invalid(context, path, {
      reason: 'argument-count',
      operator,
      count: rawArgs.length,
      min: arity.min,
      max: Number.isFinite(arity.max) ? arity.max : -1,
    });
  }

  const argPath = (index: number) => `${path === '' ? '' : `${path}.`}${operator}[${index}]`;
  const args = rawArgs.map((arg, index) => {
    const argScoped = scoped || (SCOPED_OPERATIONS.has(operator) && index === 1);
    return compileNode(arg, context, depth + 1, argPath(index), argScoped);
  });
  if (!allCompiled(args)) return null;

  if (operator === 'var') return buildVar(args, rawArgs, context, argPath(0), scoped);
  if (operator === 'missing') return buildMissing(args, rawArgs, context, argPath, scoped);
  if (operator === 'missing_some') return buildMissingSome(args, rawArgs, context, argPath, scoped);
  if (SCOPED_OPERATIONS.has(operator)) return buildScoped(operator, args, context.isMissing);

  const builder = OPERATOR_BUILDERS.get(operator);
  if (builder === undefined) throw new Error(`No builder for the accepted operation ${operator}.`);
  const node = builder(args, { isMissing: context.isMissing });
  return args.every((arg) => arg.isConstant) ? foldConstant(node, context.isMissing) : node;
}

/** Evaluates a node that reads no data once, at compile time. */
function foldConstant(node: CompiledNode, isMissing: MissingTest): CompiledNode {
  return constantNode(node.evaluate(undefined), isMissing);
}

/** `all`, `none` and `some`: the second argument is tested on each element of the first. */
function buildScoped(
  operator: string,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode {
  const readList = args[0]!.evaluate;
  const test = args[1]!.test;
  const whenEmpty = operator === 'none';
  const stopWhen = operator !== 'all';

  const evaluate: Evaluate = (data) => {
    const list = readList(data);
    if (!Array.isArray(list) || list.length === 0) return whenEmpty;
    for (const item of list) {
      if (test(item) === stopWhen) return operator === 'some';
    }
    return operator !== 'some';
  };
  return { ...valueNode(evaluate, isMissing), test: evaluate as (data: unknown) => boolean };
}

function invalid(
  context: CompileContext,
  path: string,
  params: Record<string, string | number>,
): null {
  context.report({ code: 'condition-invalid', path, params });
  return null;
}

function allCompiled(nodes: readonly (CompiledNode | null)[]): nodes is CompiledNode[] {
  return nodes.every((node) => node !== null);
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return Object.prototype.toString.call(value).slice(8, -1);
  }
  return typeof value;
}
