/**
 * The documents domain's surface for other domains (docs/documents.md "Adding a document kind"):
 * the GB/T 9704 renderer, the number registers and the sign-off. Nothing else of this domain is
 * imported from outside it.
 */
export { type DocumentKind, registerDocumentKind } from './documents.kinds.ts';
export { renderOfficialDocx } from './layout/official-document.docx.ts';
export type { DocumentBlock, OfficialDocumentContent } from './layout/official-document.ts';
export {
  type DocumentSource,
  findIssuedDocument,
  findIssuingRegister,
  markDocumentWithdrawn,
  recordIssuedDocument,
  takeDocumentNumber,
} from './registers/registers.service.ts';
export {
  registerSignOffHandler,
  type SignOffHandler,
  type SignOffRequestInfo,
  type SignOffSigner,
} from './sign-offs/sign-offs.handlers.ts';
export {
  cancelSignOff,
  listSigners,
  listSignOffsOfRecord,
  requestSignOff,
} from './sign-offs/sign-offs.service.ts';

/** Register codes the demo county sets up (an organisation may add others). */
export const REGISTER_CODES = {
  /** 博司监: supervision notices and decisions (监督通知书, 决定书) */
  supervision: 'supervision',
  /** 博司评: review circulars (评查通报) */
  review: 'review',
  /** 博司协: coordination opinions (协调意见书) */
  coordination: 'coordination',
  /** 博司发: general documents */
  general: 'general',
  /** 博考办: assessment results circulars (考核结果通报) */
  assessment: 'assessment',
} as const;
