import type { FlowProblem } from '../validation/problem.types.js';
import type { EngineMessages } from './messages.en.js';

type SchemaMessages = EngineMessages['schema'];
type Params = FlowProblem['params'];
type Interpolate = (
  template: string,
  params: Readonly<Record<string, string | number | undefined>>,
) => string;

/** Field words by path relative to the node, the edge or the document. */
const FIELD_KEYS: Readonly<
  Record<string, Readonly<Record<string, keyof SchemaMessages['field']>>>
> = {
  node: {
    '': 'nodeEntry',
    id: 'nodeId',
    type: 'nodeType',
    position: 'nodePosition',
    'position.x': 'nodePositionX',
    'position.y': 'nodePositionY',
    data: 'nodeData',
  },
  edge: {
    '': 'edgeEntry',
    id: 'edgeId',
    source: 'edgeSource',
    target: 'edgeTarget',
    sourceHandle: 'edgeSourceHandle',
    targetHandle: 'edgeTargetHandle',
  },
  flow: {
    format: 'format',
    version: 'version',
    id: 'id',
    name: 'name',
    description: 'description',
    timezone: 'timezone',
    nodes: 'nodes',
    edges: 'edges',
  },
};

/**
 * Words a `schema-invalid` problem from the parameters `parseFlow` gives it
 * (see `schemaIssueProblem`): the field and its node or edge, what is wrong,
 * what the file holds and what to do. Returns undefined for a problem
 * without an `issue` parameter, which the plain catalogue entry words.
 *
 * Two parameters word other input, such as an HTTP request body, with the
 * same issue mapping: `subject: 'field'` takes the field's words from the
 * `field` parameter, and `wording: 'request'` takes the `requestIssue`
 * texts (what the request holds, send it again) instead of the file ones.
 * `wording: 'input'` takes the `inputIssue` texts, which give no advice.
 */
export function formatSchemaProblem(
  params: Params,
  messages: SchemaMessages,
  interpolate: Interpolate,
): string | undefined {
  if (typeof params.issue !== 'string') return undefined;

  const subject = interpolate(subjectTemplate(params, messages), {
    ...params,
    field:
      params.subject === 'field' ? String(params.field) : fieldWords(params, messages, interpolate),
  });
  const received = interpolate(
    messages.received[String(params.received) as keyof SchemaMessages['received']] ?? '',
    params,
  );
  const expected = typeof params.expected === 'string' ? typeWords(params.expected, messages) : '';
  const values = typeof params.values === 'string' ? valueWords(params.values, messages) : '';

  const templates =
    params.wording === 'request'
      ? messages.requestIssue
      : params.wording === 'input'
        ? messages.inputIssue
        : messages.issue;
  return interpolate(templates[issueKey(params)], {
    ...params,
    subject,
    received,
    expected,
    values,
  });
}

/** Picks the issue message from zod's issue code and its details. */
function issueKey(params: Params): keyof SchemaMessages['issue'] {
  const inclusive = params.inclusive !== 0;
  const origin = params.origin;
  let sized: 'text' | 'list' | 'number' = 'number';
  if (origin === 'string') sized = 'text';
  if (origin === 'array' || origin === 'set') sized = 'list';

  if (params.received === 'missing' && params.issue !== 'unrecognized_keys') return 'missing';
  switch (params.issue) {
    case 'invalid_type':
      return params.expected === undefined ? 'invalid' : 'type';
    case 'invalid_union':
      return params.expected === undefined ? 'union' : 'type';
    case 'too_small':
      if (sized === 'text') return params.minimum === 1 ? 'empty' : 'tooShort';
      if (sized === 'list') return 'tooFewEntries';
      return inclusive ? 'atLeast' : 'above';
    case 'too_big':
      if (sized === 'text') return 'tooLong';
      if (sized === 'list') return 'tooManyEntries';
      return inclusive ? 'atMost' : 'below';
    case 'invalid_value':
      return 'value';
    case 'invalid_format':
      return 'format';
    case 'not_multiple_of':
      return 'multiple';
    case 'unrecognized_keys':
      return 'keys';
    default:
      return 'invalid';
  }
}

function subjectTemplate(params: Params, messages: SchemaMessages): string {
  switch (params.subject) {
    case 'node':
      return messages.subject.node;
    case 'edge':
      return messages.subject.edge;
    case 'document':
      return messages.subject.document;
    case 'field':
      return messages.subject.field;
    default:
      return messages.subject.flow;
  }
}

function fieldWords(params: Params, messages: SchemaMessages, interpolate: Interpolate): string {
  const relative = String(params.fieldKey ?? '');
  const owner = typeof params.subject === 'string' ? FIELD_KEYS[params.subject] : undefined;
  const key = owner?.[relative];
  return key === undefined
    ? interpolate(messages.field.other, { name: relative })
    : messages.field[key];
}

/** Words `string|number` as `text or a number`. An unknown type keeps zod's name. */
function typeWords(expected: string, messages: SchemaMessages): string {
  const names = messages.expected as Readonly<Record<string, string>>;
  return joinAlternatives(
    expected.split('|').map((type) => names[type] ?? type),
    messages,
  );
}

/** Words the JSON array text of the accepted values as `"day", "week" or "month"`. */
function valueWords(values: string, messages: SchemaMessages): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(values);
  } catch {
    return values;
  }
  if (!Array.isArray(parsed)) return values;
  return joinAlternatives(
    parsed.map((value) => JSON.stringify(value)),
    messages,
  );
}

function joinAlternatives(words: readonly string[], messages: SchemaMessages): string {
  if (words.length <= 1) return words[0] ?? '';
  const head = words.slice(0, -1).join(messages.listSeparator);
  return `${head}${messages.or}${words[words.length - 1] ?? ''}`;
}
