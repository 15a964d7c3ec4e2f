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
    'schema-invalid': 'The field {{path}} is invalid: {{message}}.',
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
