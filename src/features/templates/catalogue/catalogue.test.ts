import {
  compileFlow,
  formatProblem,
  parseFlow,
  validateFlow,
  type FlowDocument,
} from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { sampleLeadColumns } from '../sample-leads';
import { SAMPLE_REPS } from '../sample-reps';
import { FLOW_TEMPLATES } from './index';

const LANGUAGES = ['zh-CN', 'en'] as const;
const CHINESE = /[\u4e00-\u9fff]/;
/** Keys of the node data that hold text a user reads: pool reasons and labels. */
const TEXT_KEYS = new Set(['reason', 'label']);

/** Collects the pool reasons and labels of a flow, at any depth of its node data. */
function textsOf(document: FlowDocument): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (TEXT_KEYS.has(key) && typeof item === 'string') texts.push(item);
        else visit(item);
      }
    }
  };
  document.nodes.forEach((node) => visit(node.data));
  return texts;
}

/** Copies the flow's nodes and edges with pool reasons and labels blanked out. */
function stripTexts(document: FlowDocument): unknown {
  return JSON.parse(
    JSON.stringify({ nodes: document.nodes, edges: document.edges }, (key, value: unknown) =>
      TEXT_KEYS.has(key) ? '' : value,
    ),
  );
}

describe('template catalogue', () => {
  it('holds at least seven templates with distinct ids', () => {
    expect(FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(7);
    expect(new Set(FLOW_TEMPLATES.map((template) => template.id)).size).toBe(FLOW_TEMPLATES.length);
  });

  const byLanguage = FLOW_TEMPLATES.flatMap((template) =>
    LANGUAGES.map((language) => [template.id, language, template.document[language]] as const),
  );

  it.each(byLanguage)('%s in %s is a valid flow without problems', (_id, _language, document) => {
    const parsed = parseFlow(JSON.parse(JSON.stringify(document)));
    expect(parsed.ok).toBe(true);

    const problems = validateFlow(document, { reps: SAMPLE_REPS });

    expect(problems.map((problem) => formatProblem(problem, 'en'))).toEqual([]);
  });

  it.each(FLOW_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s differs between languages only in its texts',
    (_id, template) => {
      const chinese = template.document['zh-CN'];
      const english = template.document.en;

      expect(stripTexts(english)).toEqual(stripTexts(chinese));
      expect(textsOf(english).length).toBe(textsOf(chinese).length);
    },
  );

  it.each(FLOW_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s words its pool reasons and labels in both languages',
    (_id, template) => {
      const english = textsOf(template.document.en);
      const chinese = textsOf(template.document['zh-CN']);

      expect(english.length).toBeGreaterThan(0);
      expect(english.filter((text) => CHINESE.test(text))).toEqual([]);
      expect(chinese.filter((text) => !CHINESE.test(text))).toEqual([]);
    },
  );

  it.each(FLOW_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s compiles and names only its own sample reps',
    (_id, template) => {
      const repIds = new Set(template.reps.map((rep) => rep.id));
      const used = template.document['zh-CN'].nodes.flatMap((node) =>
        ((node.data.assignees as { repId: string }[] | undefined) ?? []).map(
          (assignee) => assignee.repId,
        ),
      );

      expect(compileFlow(template.document['zh-CN'], { reps: SAMPLE_REPS }).ok).toBe(true);
      expect(used.every((id) => repIds.has(id))).toBe(true);
    },
  );

  it.each(FLOW_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s reads only columns its sample leads have',
    (_id, template) => {
      const columns = sampleLeadColumns(template.leads.profile).map((column) => column.key);

      const problems = validateFlow(template.document.en, { datasetFields: columns });

      expect(problems.map((problem) => problem.params.column)).toEqual([]);
    },
  );

  it('names and describes every template in both languages', () => {
    for (const template of FLOW_TEMPLATES) {
      expect(template.name['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(template.name.en).toMatch(/^[A-Z]/);
      expect(template.description['zh-CN'].length).toBeGreaterThan(20);
      expect(template.description.en.length).toBeGreaterThan(40);
    }
  });
});
