import { api } from '../../app/api-client.ts';
import type { Role } from '../../app/roles.ts';
import type { Page, UserView } from '../../app/session.types.ts';

/** Query-cache prefix of account lists. */
export const USERS_KEY = 'users';

export interface UserFilter {
  page: number;
  pageSize: number;
  keyword?: string;
  orgId?: number;
  role?: Role;
  /** undefined = both active and deactivated. */
  isActive?: boolean;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  orgId: number;
  roles: Role[];
  phone?: string | null;
  password: string;
}

export type UserUpdateInput = Partial<Pick<UserCreateInput, 'displayName' | 'orgId' | 'roles' | 'phone'>> & {
  isActive?: boolean;
};

/** A page of accounts in the caller's scope (orgId filters to that org's subtree). */
export function findUsers(filter: UserFilter): Promise<Page<UserView>> {
  return api.get<Page<UserView>>('/users', { ...filter });
}

export function createUser(input: UserCreateInput): Promise<UserView> {
  return api.post<UserView>('/users', input);
}

export function updateUser(id: number, input: UserUpdateInput): Promise<UserView> {
  return api.patch<UserView>(`/users/${id}`, input);
}

/** Sets a new password; the account must change it at its next login. */
export function resetUserPassword(id: number, newPassword: string): Promise<void> {
  return api.post<void>(`/users/${id}/reset-password`, { newPassword });
}

/** 关联执法人员档案 (null unlinks); one officer has at most one account. */
export function setAccountOfficer(
  userId: number,
  officerId: number | null,
): Promise<{ userId: number; officer: { id: number; name: string } | null }> {
  return api.put(`/users/${userId}/officer`, { officerId });
}
