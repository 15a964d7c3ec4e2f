import type { LocalisedFlow } from './catalogue/flow-builder';
import type { LeadProfile } from './sample-leads';
import type { SampleRep } from './sample-reps';

export interface LocalisedText {
  'zh-CN': string;
  en: string;
}

/** A ready flow with the sample data a trial user needs to see it work. */
export interface FlowTemplate {
  id: string;
  name: LocalisedText;
  description: LocalisedText;
  /**
   * The flow in each language, with pool reasons and labels worded in it;
   * its id and name are replaced when the template is opened.
   */
  document: LocalisedFlow;
  reps: readonly SampleRep[];
  leads: {
    profile: LeadProfile;
    count: number;
    seed: number;
    duplicateShare?: number;
    unknownProvinceShare?: number;
    leadsPerDay?: number;
  };
  /**
   * An existing-owners list stored with the template, for its dedup node:
   * `matched` customers shared with the sample leads and `unmatched` others,
   * owned in turn by `ownerIds` (sample rep ids).
   */
  owners?: { seed: number; matched: number; unmatched: number; ownerIds: readonly string[] };
}
