/**
 * What the owning domain does when its record is signed or returned: each domain registers one
 * handler per record type at import time (`registerSignOffHandler('supervision_notice', …)`), and
 * the documents domain calls it inside the transaction of the decision, so the domain numbers and
 * issues its record (or puts it back to draft) atomically with the sign-off.
 */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError } from '../../../lib/errors.ts';

/** The request as the owning domain sees it. */
export interface SignOffRequestInfo {
  id: number;
  domain: string;
  recordType: string;
  recordId: number;
  orgId: number;
  title: string;
  requestedBy: number | null;
}

/** Who signed, and when (Asia/Shanghai calendar day): what a 签发人 field prints. */
export interface SignOffSigner {
  accountId: number;
  name: string;
  signedOn: string;
  /** the signer as an actor, for the domain's own audit entries in the same transaction */
  actor: Actor;
}

export interface SignOffHandler {
  /** The leader signed: number and issue the record (takeDocumentNumber, recordIssuedDocument). */
  onSigned(trx: Db, request: SignOffRequestInfo, signer: SignOffSigner): Promise<void>;
  /** The leader returned it with a comment: put the record back for editing. */
  onReturned(trx: Db, request: SignOffRequestInfo, comment: string): Promise<void>;
}

const handlers = new Map<string, SignOffHandler>();

/** Registers the owning domain's handler for a record type (unique across domains). */
export function registerSignOffHandler(recordType: string, handler: SignOffHandler): void {
  handlers.set(recordType, handler);
}

/** The handler of a record type; a request for a type nobody handles is a programming error. */
export function signOffHandlerOf(recordType: string): SignOffHandler {
  const handler = handlers.get(recordType);
  if (!handler) throw new AppError('INTERNAL', `签发处理程序未注册：${recordType}`);
  return handler;
}

export const hasSignOffHandler = (recordType: string) => handlers.has(recordType);
