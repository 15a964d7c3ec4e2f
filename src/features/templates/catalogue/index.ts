import type { FlowTemplate } from '../template.types';
import {
  collisionProtection,
  dailyCaps,
  evenRoundRobin,
  regionTeamsTemplate,
  scoreAndGrade,
} from './basic-templates';
import { educationEnrolment, financeHighValue } from './industry-templates';

/** Every template, in gallery order. */
export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  evenRoundRobin,
  regionTeamsTemplate,
  scoreAndGrade,
  collisionProtection,
  dailyCaps,
  educationEnrolment,
  financeHighValue,
];

export function findTemplate(id: string): FlowTemplate | undefined {
  return FLOW_TEMPLATES.find((template) => template.id === id);
}
