import type { ConnectionRejection } from '../graph/connection.js';
import type { ProblemCode } from '../validation/problem.types.js';

/**
 * English texts of the engine's problem, reason and connection codes, in the
 * i18next format (`{{param}}` interpolation). Every problem message also
 * receives `nodeId`, `edgeId` and `field` from the problem's location.
 */
export const messagesEn = {
  problem: {
    'flow-json-invalid': 'The file is not valid JSON ({{message}}). Export the flow again.',
    'flow-format-invalid':
      'This is not an allocation flow (format "{{format}}"). Open a file saved by sras.',
    'flow-version-invalid':
      'The flow version "{{version}}" is not a whole number of 1 or more. Export the flow again.',
    'flow-version-unsupported':
      'The flow has version {{version}}, but this version of sras reads up to version {{supported}}. Update sras.',
    'flow-migration-missing':
      'No upgrade exists from flow version {{version}}. Update sras or export the flow again.',
    'schema-invalid':
      'The field {{path}} is invalid. Correct it, or export the flow again from sras.',
    'timezone-invalid':
      'The time zone "{{timezone}}" is not a known IANA time zone. Choose one such as Asia/Shanghai.',
    'node-id-duplicate': 'Two nodes have the id {{nodeId}}. Give each node its own id.',
    'edge-id-duplicate': 'Two connections have the id {{edgeId}}. Give each connection its own id.',
    'node-type-unknown':
      'The node type "{{type}}" is unknown. Delete the node or replace it with a supported one.',
    'source-missing': 'The flow has no source node. Add one source where leads enter.',
    'source-multiple':
      'The flow has {{count}} source nodes, but exactly one is allowed. Delete the extra ones.',
    'edge-source-missing':
      'A connection starts at node {{source}}, which does not exist. The connection is ignored.',
    'edge-target-missing':
      'A connection leads to node {{target}}, which does not exist. The connection is ignored.',
    'edge-handle-unknown':
      'A connection starts at output "{{handle}}", which node {{source}} does not have. The connection is ignored.',
    'edge-handle-missing':
      'A connection from node {{source}} names no output, but the node has several ({{handles}}). The connection is ignored.',
    'edge-handle-taken':
      'Output "{{handle}}" of node {{source}} feeds two connections. Keep one and delete the other ({{otherEdgeId}}).',
    'edge-into-source':
      'A connection leads into the source node {{target}}, which has no input. Delete it.',
    cycle:
      'The connections form a loop ({{path}}). Remove one connection so that leads only move forward.',
    'node-unreachable': 'No lead can reach this node. Connect it to the flow or delete it.',
    'handle-unconnected':
      'Output "{{handle}}" is not connected. Leads sent there end unassigned with the reason "no route".',
    'node-data-invalid': 'The field {{field}} is invalid: expected {{expected}}.',
    'condition-missing': 'The condition is empty. Add at least one rule.',
    'condition-invalid': 'The condition is invalid at {{path}}. Edit the rule.',
    'condition-operator-not-allowed':
      'The condition uses the operation "{{operator}}", which is not allowed. Use the rule builder instead.',
    'condition-unsafe-path':
      'The condition reads the field "{{field}}", whose path segment "{{segment}}" is not allowed. Use a plain field name.',
    'condition-too-deep':
      'The condition is nested more than {{maxDepth}} levels deep. Simplify the rule.',
    'condition-too-large':
      'The condition has more than {{maxNodes}} parts. Split it into several nodes.',
    'condition-in-text-list':
      'The rule tests whether the value is part of the text "{{value}}", because "in" with one text is a substring test. To match any of the values, use a list: {{items}}.',
    'condition-text-column-ordered':
      'The rule compares the column "{{field}}" with the number {{value}}, but the dataset keeps that column as text, so its values are ordered as text: "9" comes after "10". Compare it with equals or "in", or use a number column.',
    'field-not-in-dataset':
      'The node reads the column "{{column}}", but the dataset has no such column, so it is empty for every lead and rules on it never tell leads apart. Map a column of the file to "{{column}}" when importing it, or change the node to read a column the dataset has.',
    'score-field-invalid':
      'The score field name is empty. Enter the field that receives the score.',
    'score-base-invalid': 'The base score "{{value}}" is not a number. Enter a number such as 0.',
    'score-points-invalid':
      'The points "{{value}}" of a score rule are not a number. Enter a number.',
    'case-id-invalid': 'The case id "{{id}}" cannot be used. Use a non-empty id other than "else".',
    'case-id-duplicate': 'Two cases have the id "{{id}}". Give each case its own id.',
    'region-field-invalid':
      'The region field name is empty. Choose the lead field that holds the region.',
    'region-id-invalid':
      'The region id "{{id}}" cannot be used. Use a non-empty id other than "else".',
    'region-id-duplicate': 'Two regions have the id "{{id}}". Give each region its own id.',
    'region-value-invalid':
      'The region value "{{value}}" is not text. Enter a province or another value.',
    'region-value-duplicate':
      'The value "{{value}}" is in region "{{region}}" and again in "{{otherRegion}}". Leads with it go to "{{region}}", the first match.',
    'quota-limit-invalid':
      'The quota limit "{{value}}" is not a whole number of 0 or more. Enter how many leads may pass per period.',
    'quota-period-invalid':
      'The quota period "{{value}}" is invalid. Choose day, week, month or total.',
    'quota-per-invalid': 'The "per" field name is empty. Choose a lead field or clear the option.',
    'dedup-keys-empty': 'Duplicate protection has no keys. Choose phone, email or company.',
    'dedup-key-unknown': 'The duplicate key "{{key}}" is unknown. Use phone, email or company.',
    'dedup-key-duplicate': 'The duplicate key "{{key}}" is listed twice.',
    'assignees-empty': 'No reps are selected. Add at least one rep.',
    'assignee-duplicate': 'Rep {{repId}} is listed twice. Remove one entry.',
    'assignee-weight-invalid':
      'The weight "{{value}}" of rep {{repId}} is not a number of 0 or more. Enter a weight such as 1.',
    'rep-id-missing': 'No rep is selected. Choose a rep.',
    'rep-unknown':
      'Rep {{repId}} is not in the sales team. Choose another rep or add them to the team.',
    'rep-inactive': 'Rep {{repName}} ({{repId}}) is inactive and receives no leads.',
  } satisfies Record<ProblemCode, string>,

  reason: {
    assigned: 'Assigned to {{owner}}.',
    'existing-owner': 'Duplicate customer: assigned to the existing owner {{owner}}.',
    pool: 'Sent to the public pool: {{reason}}.',
    'pool-no-reason': 'Sent to the public pool.',
    'no-route': 'Unassigned: output "{{handle}}" of node {{nodeId}} is not connected.',
  },

  skip: {
    inactive: '{{repId}} is inactive',
    unavailable: '{{repId}} is on leave',
    'at-capacity-day': '{{repId}} reached the daily capacity of {{limit}}',
    'at-capacity-week': '{{repId}} reached the weekly capacity of {{limit}}',
    'at-capacity-month': '{{repId}} reached the monthly capacity of {{limit}}',
    unknown: '{{repId}} is not in the sales team',
  },

  /**
   * Sentences of a cap note (see `formatCapNote`): `quota`, `quotaPer` or
   * `capacity` states the limit and ends with one of `toNode`, `toPool` or
   * `unconnected` as `{{overflow}}`.
   */
  capNote: {
    quota: '“{{node}}” reached its {{period}} limit of {{limit}} leads, so {{overflow}}.',
    quotaPer:
      '“{{node}}” reached its {{period}} limit of {{limit}} leads for some values of “{{per}}”, so {{overflow}}.',
    capacity:
      '{{full}} of {{active}} reps of “{{node}}” reached their {{period}} capacity ({{capacity}} leads in total), so {{overflow}}.',
    toNode: '{{count}} leads went on to “{{target}}”',
    toPool: '{{count}} leads went to the pool ({{reason}})',
    unconnected: '{{count}} leads left by its overflow output, which is not connected',
    day: 'daily',
    week: 'weekly',
    month: 'monthly',
    total: 'total',
  },

  /** Names of the node types, which name a node in messages. */
  nodeType: {
    source: 'Lead source',
    filter: 'Filter',
    score: 'Score',
    branch: 'Branch',
    regionSplit: 'Region split',
    quota: 'Quota',
    dedup: 'Duplicate check',
    roundRobin: 'Round robin',
    leastLoaded: 'Least loaded',
    assign: 'Assign to rep',
    pool: 'Pool',
    unknown: 'Unknown node',
  },

  /** A node whose name another node of the flow shares, told apart by its id. */
  nodeWithId: '{{label}} ({{id}})',

  /**
   * Words for a flow file off the structural schema (`schema-invalid`), put
   * together by `formatProblem`: `subject` names the field and its owner,
   * `issue` states what is wrong with it and what to do.
   */
  schema: {
    subject: {
      node: 'The {{field}} of node "{{node}}"',
      edge: 'The {{field}} of connection "{{edge}}"',
      flow: 'The {{field}} of the flow',
      document: 'The flow',
      /** A field worded by the caller, such as a field of a request body. */
      field: '{{field}}',
    },
    issue: {
      missing: '{{subject}} is missing. Add it to the file, or export the flow again from sras.',
      type: '{{subject}} must be {{expected}}, but the file has {{received}}. Change it to {{expected}}, or export the flow again from sras.',
      empty: '{{subject}} is empty. Enter a value, or export the flow again from sras.',
      tooShort:
        '{{subject}} must have at least {{minimum}} characters. Lengthen it, or export the flow again from sras.',
      tooLong:
        '{{subject}} must have at most {{maximum}} characters. Shorten it, or export the flow again from sras.',
      tooFewEntries:
        '{{subject}} must have at least {{minimum}} entries. Add the missing ones, or export the flow again from sras.',
      tooManyEntries:
        '{{subject}} must have at most {{maximum}} entries. Delete the extra ones, or export the flow again from sras.',
      atLeast:
        '{{subject}} must be {{minimum}} or more, but the file has {{received}}. Change it, or export the flow again from sras.',
      above:
        '{{subject}} must be more than {{minimum}}, but the file has {{received}}. Change it, or export the flow again from sras.',
      atMost:
        '{{subject}} must be {{maximum}} or less, but the file has {{received}}. Change it, or export the flow again from sras.',
      below:
        '{{subject}} must be less than {{maximum}}, but the file has {{received}}. Change it, or export the flow again from sras.',
      value:
        '{{subject}} must be {{values}}, but the file has {{received}}. Change it, or export the flow again from sras.',
      format:
        '{{subject}} does not have the expected format ({{format}}): the file has {{received}}. Correct it, or export the flow again from sras.',
      multiple:
        '{{subject}} must be a multiple of {{divisor}}, but the file has {{received}}. Change it, or export the flow again from sras.',
      keys: '{{subject}} has fields that this version of sras does not know: {{keys}}. Delete them, or update sras.',
      union:
        '{{subject}} has none of the accepted forms: the file has {{received}}. Correct it, or export the flow again from sras.',
      invalid: '{{subject}} is invalid. Correct it, or export the flow again from sras.',
    },
    /**
     * The same issues in an input file of a run (a team or state file), without
     * advice: the host adds what to do for its own file.
     */
    inputIssue: {
      missing: '{{subject}} is missing.',
      type: '{{subject}} must be {{expected}}, but is {{received}}.',
      empty: '{{subject}} is empty.',
      tooShort: '{{subject}} must have at least {{minimum}} characters.',
      tooLong: '{{subject}} must have at most {{maximum}} characters.',
      tooFewEntries: '{{subject}} must have at least {{minimum}} entries.',
      tooManyEntries: '{{subject}} must have at most {{maximum}} entries.',
      atLeast: '{{subject}} must be {{minimum}} or more, but is {{received}}.',
      above: '{{subject}} must be more than {{minimum}}, but is {{received}}.',
      atMost: '{{subject}} must be {{maximum}} or less, but is {{received}}.',
      below: '{{subject}} must be less than {{maximum}}, but is {{received}}.',
      value: '{{subject}} must be {{values}}, but is {{received}}.',
      format: '{{subject}} does not have the expected format ({{format}}): it is {{received}}.',
      multiple: '{{subject}} must be a multiple of {{divisor}}, but is {{received}}.',
      keys: '{{subject}} has fields that this version of sras does not know: {{keys}}.',
      union: '{{subject}} has none of the accepted forms: it is {{received}}.',
      invalid: '{{subject}} is invalid.',
    },
    /** Faults of a run's input that are not a field's type or range, by input code. */
    input: {
      'duplicate-rep-id': '{{subject}} repeats the rep id "{{id}}" of an earlier rep.',
      'state-not-object': 'The file is not an allocation state object.',
      'state-format': 'The file is not an allocation state: its "format" is not "sras.state".',
      'state-version-newer':
        'The state has version {{version}}, newer than this sras reads ({{supported}}). Update sras.',
      'state-version-invalid':
        'The state version "{{version}}" is not a whole number of 1 or more.',
    },
    /** The same issues in a request sent to the server, such as a body of the HTTP API. */
    requestIssue: {
      missing: '{{subject}} is missing. Add it and send the request again.',
      type: '{{subject}} must be {{expected}}, but the request has {{received}}. Change it to {{expected}} and send the request again.',
      empty: '{{subject}} is empty. Enter a value and send the request again.',
      tooShort:
        '{{subject}} must have at least {{minimum}} characters. Lengthen it and send the request again.',
      tooLong:
        '{{subject}} must have at most {{maximum}} characters. Shorten it and send the request again.',
      tooFewEntries:
        '{{subject}} must have at least {{minimum}} entries. Add the missing ones and send the request again.',
      tooManyEntries:
        '{{subject}} must have at most {{maximum}} entries. Send fewer and split the rest into more requests.',
      atLeast:
        '{{subject}} must be {{minimum}} or more, but the request has {{received}}. Change it and send the request again.',
      above:
        '{{subject}} must be more than {{minimum}}, but the request has {{received}}. Change it and send the request again.',
      atMost:
        '{{subject}} must be {{maximum}} or less, but the request has {{received}}. Change it and send the request again.',
      below:
        '{{subject}} must be less than {{maximum}}, but the request has {{received}}. Change it and send the request again.',
      value:
        '{{subject}} must be {{values}}, but the request has {{received}}. Change it and send the request again.',
      format:
        '{{subject}} does not have the expected format ({{format}}): the request has {{received}}. Correct it and send the request again.',
      multiple:
        '{{subject}} must be a multiple of {{divisor}}, but the request has {{received}}. Change it and send the request again.',
      keys: '{{subject}} has fields that this server does not accept: {{keys}}. Delete them and send the request again.',
      union:
        '{{subject}} has none of the accepted forms: the request has {{received}}. Correct it and send the request again.',
      invalid: '{{subject}} is invalid. Correct it and send the request again.',
    },
    /** Names of the document's fields, by path relative to the node or edge. */
    field: {
      format: 'format',
      version: 'version',
      id: 'id',
      name: 'name',
      description: 'description',
      timezone: 'time zone (timezone)',
      nodes: 'node list (nodes)',
      edges: 'connection list (edges)',
      nodeEntry: 'entry',
      nodeId: 'id',
      nodeType: 'node type (type)',
      nodePosition: 'canvas position (position)',
      nodePositionX: 'horizontal position (position.x)',
      nodePositionY: 'vertical position (position.y)',
      nodeData: 'settings (data)',
      edgeEntry: 'entry',
      edgeId: 'id',
      edgeSource: 'start node (source)',
      edgeTarget: 'end node (target)',
      edgeSourceHandle: 'output (sourceHandle)',
      edgeTargetHandle: 'input (targetHandle)',
      other: 'field "{{name}}"',
    },
    /** Words for the type a field requires, by zod type name. */
    expected: {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      object: 'an object ({…})',
      record: 'an object ({…})',
      array: 'a list ([…])',
      null: 'null',
    },
    /** Words for the value that the file contains instead. */
    received: {
      missing: 'nothing',
      text: 'the text "{{value}}"',
      number: 'the number {{value}}',
      boolean: '{{value}}',
      null: 'null',
      list: 'a list',
      object: 'an object',
    },
    /** Joins the last two of several alternatives. */
    or: ' or ',
    /** Joins the other alternatives. */
    listSeparator: ', ',
  },

  connection: {
    'source-missing': 'The start node no longer exists.',
    'target-missing': 'The end node no longer exists.',
    'self-loop': 'A node cannot connect to itself.',
    'target-has-no-input': 'The source node has no input.',
    'handle-unknown': 'This output does not exist.',
    'handle-taken': 'This output is already connected. Each output feeds one connection.',
    cycle: 'This connection would form a loop.',
  } satisfies Record<ConnectionRejection, string>,
};

/** Shape of one language's engine messages. */
export type EngineMessages = typeof messagesEn;
