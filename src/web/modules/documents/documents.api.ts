import type {
  IssuedDocumentView,
  IssuedListQuery,
  RegisterView,
} from '../../../server/modules/documents/registers/registers.schema.ts';
import type {
  SignOffListQuery,
  SignOffView,
} from '../../../server/modules/documents/sign-offs/sign-offs.schema.ts';
import { api } from '../../app/api-client.ts';

export type { IssuedDocumentView, RegisterView, SignOffView };
/** The register book's filter (the server's IssuedListQuery, as the page builds it). */
export type IssuedFilter = Pick<IssuedListQuery, 'page' | 'pageSize'> & {
  registerId?: number | undefined;
  year?: number | undefined;
  status?: IssuedListQuery['status'];
  keyword?: string | undefined;
};
export type SignOffFilter = Pick<SignOffListQuery, 'page' | 'pageSize' | 'view'> & {
  status?: SignOffListQuery['status'];
};

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Query-cache prefix; every write here invalidates it. */
export const DOCUMENTS_KEY = 'documents';

export const findIssuedDocuments = (filter: IssuedFilter) =>
  api.get<Page<IssuedDocumentView>>('/documents/issued', { ...filter });
export const findRegisters = () => api.get<RegisterView[]>('/documents/registers');
export const updateRegister = (
  id: number,
  body: { year?: number; nextNumber?: number; isActive?: boolean },
) => api.patch<RegisterView>(`/documents/registers/${id}`, body);
export const findSignOffs = (filter: SignOffFilter) =>
  api.get<Page<SignOffView>>('/documents/sign-offs', { ...filter });
export const signSignOff = (id: number, comment?: string) =>
  api.post<SignOffView>(`/documents/sign-offs/${id}/sign`, comment ? { comment } : {});
export const returnSignOff = (id: number, comment: string) =>
  api.post<SignOffView>(`/documents/sign-offs/${id}/return`, { comment });
