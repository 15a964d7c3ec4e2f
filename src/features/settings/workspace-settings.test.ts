import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { formatZoneOffset, listTimeZones } from './time-zones';
import {
  loadWorkspaceSettings,
  readWorkspaceSettings,
  saveWorkspaceTimeZone,
  WORKSPACE_SETTINGS_KEY,
} from './workspace-settings';

describe('readWorkspaceSettings', () => {
  it('defaults to Asia/Shanghai when nothing is stored', () => {
    expect(readWorkspaceSettings(undefined)).toEqual({ timeZone: 'Asia/Shanghai' });
  });

  it('keeps a stored IANA zone', () => {
    expect(readWorkspaceSettings({ timeZone: 'Europe/Berlin' })).toEqual({
      timeZone: 'Europe/Berlin',
    });
  });

  it('falls back to the default for a zone the browser does not know', () => {
    expect(readWorkspaceSettings({ timeZone: 'Mars/Olympus_Mons' })).toEqual({
      timeZone: 'Asia/Shanghai',
    });
  });
});

describe('saveWorkspaceTimeZone', () => {
  const database = useFreshDatabase();

  it('stores the zone in the settings table', async () => {
    await saveWorkspaceTimeZone('America/New_York');

    expect(await loadWorkspaceSettings(database())).toEqual({ timeZone: 'America/New_York' });
    expect((await database().settings.get(WORKSPACE_SETTINGS_KEY))?.value).toEqual({
      timeZone: 'America/New_York',
    });
  });

  it('rejects a name that is not an IANA zone and keeps the stored one', async () => {
    await saveWorkspaceTimeZone('Europe/Berlin');

    await expect(saveWorkspaceTimeZone('Berlin')).rejects.toThrow('Unknown time zone: Berlin');
    expect(await loadWorkspaceSettings(database())).toEqual({ timeZone: 'Europe/Berlin' });
  });
});

describe('listTimeZones', () => {
  it('lists IANA zones sorted, with UTC and Asia/Shanghai', () => {
    const zones = listTimeZones();

    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('America/New_York');
    expect(zones).toEqual([...zones].sort());
  });
});

describe('formatZoneOffset', () => {
  it('writes the offset at the given instant, daylight saving included', () => {
    expect(formatZoneOffset('Asia/Shanghai', Date.UTC(2027, 0, 1))).toBe('UTC+08:00');
    expect(formatZoneOffset('America/New_York', Date.UTC(2027, 0, 1))).toBe('UTC−05:00');
    expect(formatZoneOffset('America/New_York', Date.UTC(2027, 6, 1))).toBe('UTC−04:00');
    expect(formatZoneOffset('UTC', Date.UTC(2027, 0, 1))).toBe('UTC+00:00');
  });
});
