/** The sample data a template brings along, generated from its settings. */
import type { Lead } from '@sras/engine';
import { generateSampleLeads } from './sample-leads';
import { generateSampleOwners, type SampleOwnerRow } from './sample-owners';
import type { FlowTemplate } from './template.types';

export interface TemplateSamples {
  leads: Lead[];
  /** The existing-owners list, for templates that have one. */
  owners: SampleOwnerRow[] | null;
}

/** Generates a template's sample leads and existing-owners list; the same template gives the same data. */
export function generateTemplateSamples(template: FlowTemplate): TemplateSamples {
  const leads = generateSampleLeads({ ...template.leads });
  if (!template.owners) return { leads, owners: null };

  const { seed, matched, unmatched, ownerIds } = template.owners;
  const owners = ownerIds.map((id) => {
    const owner = template.reps.find((rep) => rep.id === id);
    if (!owner) throw new Error(`Template ${template.id} lists owner ${id} but has no such rep`);
    return owner;
  });
  return { leads, owners: generateSampleOwners({ seed, leads, owners, matched, unmatched }) };
}
