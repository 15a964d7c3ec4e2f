import type { Role } from '../db/schema.js';

/** What a request needs to be allowed to do. */
/** `identify` lets any valid token read which workspace and role it has. */
export type Permission = 'identify' | 'read' | 'write' | 'manage-keys' | 'allocate';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['identify', 'read', 'write', 'manage-keys', 'allocate'],
  editor: ['identify', 'read', 'write', 'allocate'],
  viewer: ['identify', 'read'],
  allocate: ['identify', 'allocate'],
};

/** True when `role` grants `permission`. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
