import { api } from '../../app/api-client.ts';

/** POST /api/auth/password: the logged-in account changes its own password. */
export function changeOwnPassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/auth/password', body);
}
