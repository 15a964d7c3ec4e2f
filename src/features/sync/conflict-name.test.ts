import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { LIST_KINDS, type ListKind } from './sync-api.client';
import { SYNCED_LISTS } from './sync-lists';
import { conflictName } from './conflict-name';
import type { SyncConflict } from './sync.store';

function listConflict(kind: ListKind): SyncConflict {
  return { kind, id: kind, local: [], serverRevision: 1, server: [] };
}

describe('conflictName', () => {
  it('names every synced list kind in both languages', async () => {
    const i18n = initI18n('zh-CN');
    const kinds = new Set<ListKind>([...LIST_KINDS, ...SYNCED_LISTS.map((list) => list.kind)]);

    for (const language of ['zh-CN', 'en'] as const) {
      await i18n.changeLanguage(language);
      const t = i18n.getFixedT(language, 'sync');
      for (const kind of kinds) {
        expect(i18n.exists(`sync:lists.${kind}`, { lng: language }), `${language} ${kind}`).toBe(
          true,
        );
        expect(conflictName(listConflict(kind), t)).not.toContain('lists.');
      }
    }
  });

  it('names the reps list 销售 in Chinese and Reps in English', async () => {
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('zh-CN');

    expect(conflictName(listConflict('reps'), i18n.getFixedT('zh-CN', 'sync'))).toBe('销售');
    expect(conflictName(listConflict('reps'), i18n.getFixedT('en', 'sync'))).toBe('Reps');
  });
});
