import type { Role } from './roles.ts';

/** An account as the server presents it (UserView). */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: Role[];
  phone: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  isLocked: boolean;
  lastLoginAt: string | null;
  /** the sign-in before this one; the account's own pages show it (the last one is this session) */
  previousLoginAt: string | null;
  createdAt: string;
  /** the officer archive linked to the account (账号管理) */
  officer?: { id: number; name: string } | null;
}

/** GET /api/auth/me: the account plus its organisation chain (root first) and scope. */
export interface SessionUser extends UserView {
  orgChain: { id: number; name: string; kind: string }[];
  scopePaths: string[];
}

/** A page of a server-paged list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
