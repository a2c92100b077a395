import type { Role } from '../../db/schema/index.js';

/** Who is acting: resolved once per request from the session and passed down explicitly. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** Units the role is assigned to (camat: their kecamatan; pendamping: several; lurah/operator: one). */
  unitIds: string[];
  mustChangePassword: boolean;
}

export const ROLES: Role[] = ['admin_kota', 'pimpinan', 'camat', 'pendamping', 'lurah', 'operator'];

