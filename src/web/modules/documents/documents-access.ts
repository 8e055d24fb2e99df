import { rolesWith } from '../../../common/permissions.ts';

// From the one permission table (src/common/permissions.ts): the server decides, these only hide
// what it would refuse.
export const DOCUMENT_READ_ROLES = rolesWith('document.read');
export const DOCUMENT_SIGN_ROLES = rolesWith('document.sign');
export const DOCUMENT_PAGE_ROLES = [...new Set([...DOCUMENT_READ_ROLES, ...DOCUMENT_SIGN_ROLES])];
