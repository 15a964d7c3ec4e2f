/**
 * Generated existing-owners lists for the templates that protect against
 * collisions (撞单): customers the sales team already works, each with its
 * owner's rep id. Part of the list is taken from the template's own sample
 * leads, so a simulation finds collisions; the rest are other made-up
 * customers. Every value is made up.
 */
import type { Lead } from '@sras/engine';
import type { DatasetColumn } from '../../storage/records';
import type { SampleRep } from './sample-reps';
import { SeededRandom } from './seeded-random';

export interface SampleOwnerOptions {
  seed: number;
  /** The template's sample leads; `matched` of them reappear in the list. */
  leads: readonly Lead[];
  /** Owners, taken in turn; an inactive rep stands for one who has left. */
  owners: readonly SampleRep[];
  /** Customers that share a phone, e-mail or company with a sample lead. */
  matched: number;
  /** Other customers, matching no sample lead. */
  unmatched: number;
}

/** An existing-owners row as stored in an `owners` dataset: what dedup reads, and a name. */
// A type alias, not an interface, so that a row is also a `Lead` (an index-signature type).
export type SampleOwnerRow = {
  owner_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  company: string | null;
};

const OTHER_COMPANIES = ['鸿运', '泰和', '天成', '联创', '新锐', '光华', '永信', '凯达'];
const OTHER_KINDS = ['物流', '食品', '医药', '包装', '环保', '建材'];

/**
 * Writes the key a matched customer shares with its lead the way another
 * system would: the phone with the country code, the company without its
 * legal-form suffix. Dedup normalises both, so they still match.
 */
function sharedKey(lead: Lead, roll: number): Pick<SampleOwnerRow, 'phone' | 'email' | 'company'> {
  const email = typeof lead.email === 'string' ? lead.email : null;
  const company = typeof lead.company === 'string' ? lead.company : null;
  const none = { phone: null, email: null, company: null };
  if (roll < 0.5 || (!email && !company)) return { ...none, phone: `+86 ${String(lead.phone)}` };
  if (email && (roll < 0.75 || !company)) return { ...none, email: email.toUpperCase() };
  return { ...none, company: (company ?? '').replace(/(股份有限公司|有限责任公司|有限公司)$/, '') };
}

function otherCustomer(random: SeededRandom, index: number): Omit<SampleOwnerRow, 'owner_id'> {
  let phone = random.pick(['139', '186', '152', '177']);
  while (phone.length < 11) phone += String(random.integer(0, 9));
  return {
    name: `客户${String(index + 1).padStart(3, '0')}`,
    phone,
    email: null,
    company: `${random.pick(OTHER_COMPANIES)}${random.pick(OTHER_KINDS)}有限公司`,
  };
}

/** Generates the list; the same options give the same rows. */
export function generateSampleOwners(options: SampleOwnerOptions): SampleOwnerRow[] {
  const { seed, leads, owners, matched, unmatched } = options;
  if (owners.length === 0) throw new Error('A sample owners list needs at least one owner');
  const random = new SeededRandom(seed);

  // Every lead at most once, so that each matched row stands for one collision.
  const candidates = [...leads];
  const rows: SampleOwnerRow[] = [];
  for (let index = 0; index < Math.min(matched, candidates.length); index += 1) {
    const [lead] = candidates.splice(random.integer(0, candidates.length - 1), 1);
    if (!lead) break;
    rows.push({
      owner_id: owners[index % owners.length]!.id,
      name: String(lead.name ?? lead.company ?? ''),
      ...sharedKey(lead, random.next()),
    });
  }

  for (let index = 0; index < unmatched; index += 1) {
    rows.push({ owner_id: owners[index % owners.length]!.id, ...otherCustomer(random, index) });
  }
  return rows;
}

/** Dataset columns of a generated owners list, with headers in `language`. */
export function sampleOwnerColumns(language: 'zh-CN' | 'en' = 'zh-CN'): DatasetColumn[] {
  const chinese = language === 'zh-CN';
  return [
    { key: 'owner_id', header: chinese ? '负责人' : 'Owner', field: 'owner', type: 'text' },
    { key: 'name', header: chinese ? '客户' : 'Customer', field: 'name', type: 'text' },
    { key: 'phone', header: chinese ? '手机' : 'Mobile', field: 'phone', type: 'text' },
    { key: 'email', header: chinese ? '邮箱' : 'Email', field: 'email', type: 'text' },
    { key: 'company', header: chinese ? '公司名称' : 'Company', field: 'company', type: 'text' },
  ];
}
