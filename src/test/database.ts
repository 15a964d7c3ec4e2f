import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { SrasDatabase, setDatabaseForTesting } from '../storage/db';

let counter = 0;

/**
 * Gives every test of the calling file its own empty database on
 * fake-indexeddb and returns a getter for it.
 */
export function useFreshDatabase(): () => SrasDatabase {
  let database: SrasDatabase | undefined;

  beforeEach(() => {
    counter += 1;
    database = new SrasDatabase(`sras-test-${counter}-${Date.now()}`);
    setDatabaseForTesting(database);
  });

  afterEach(async () => {
    // Unmount first: a mounted screen's live queries and background sync
    // would otherwise run against the deleted database.
    cleanup();
    await database?.delete();
  });

  return () => {
    if (!database) throw new Error('useFreshDatabase: no database outside a test');
    return database;
  };
}
