import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.ts';
import type { OrgCreateInput, OrgUpdateInput, OrgView } from './org.types.ts';

/** Query-cache prefix of every organisation list; invalidate it after a write. */
export const ORGS_KEY = 'orgs';

/** Every organisation in the caller's scope (flat; the tree is built client-side). */
export function findOrgs(includeInactive: boolean): Promise<OrgView[]> {
  return api.get<OrgView[]>('/orgs', { includeInactive });
}

/** The cached organisation list, shared by the tree page and every OrgTreeSelect. */
export function useOrgs(includeInactive = false) {
  return useQuery({ queryKey: [ORGS_KEY, { includeInactive }], queryFn: () => findOrgs(includeInactive) });
}

export function createOrg(input: OrgCreateInput): Promise<OrgView> {
  return api.post<OrgView>('/orgs', input);
}

export function updateOrg(id: number, input: OrgUpdateInput): Promise<OrgView> {
  return api.patch<OrgView>(`/orgs/${id}`, input);
}

export function moveOrg(id: number, parentId: number): Promise<OrgView> {
  return api.post<OrgView>(`/orgs/${id}/move`, { parentId });
}

export function deleteOrg(id: number): Promise<void> {
  return api.delete(`/orgs/${id}`);
}
