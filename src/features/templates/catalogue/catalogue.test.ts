import { compileFlow, formatProblem, parseFlow, validateFlow } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { SAMPLE_REPS } from '../sample-reps';
import { FLOW_TEMPLATES } from './index';

describe('template catalogue', () => {
  it('holds at least seven templates with distinct ids', () => {
    expect(FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(7);
    expect(new Set(FLOW_TEMPLATES.map((template) => template.id)).size).toBe(FLOW_TEMPLATES.length);
  });

  it.each(FLOW_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s is a valid flow without problems',
    (_id, template) => {
      const parsed = parseFlow(JSON.parse(JSON.stringify(template.document)));
      expect(parsed.ok).toBe(true);

      const problems = validateFlow(template.document, { reps: SAMPLE_REPS });

      expect(problems.map((problem) => formatProblem(problem, 'en'))).toEqual([]);
    },
  );

  it.each(FLOW_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s compiles and names only its own sample reps',
    (_id, template) => {
      const repIds = new Set(template.reps.map((rep) => rep.id));
      const used = template.document.nodes.flatMap((node) =>
        ((node.data.assignees as { repId: string }[] | undefined) ?? []).map(
          (assignee) => assignee.repId,
        ),
      );

      expect(compileFlow(template.document, { reps: SAMPLE_REPS }).ok).toBe(true);
      expect(used.every((id) => repIds.has(id))).toBe(true);
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
