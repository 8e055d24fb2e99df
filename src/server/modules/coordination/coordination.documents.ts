/**
 * How coordination numbers, signs off and prints its documents: through the shared documents layer
 * (documents.public.ts) only. The bureau's 'coordination' register (博司协) numbers every
 * coordination document — 协调意见书, 联合执法建议书, 定期通报 — in one gapless sequence a year.
 */
import type { Db } from '../../db/database.ts';
import { conflict } from '../../lib/errors.ts';
import {
  type DocumentBlock,
  findIssuingRegister,
  REGISTER_CODES,
  recordIssuedDocument,
  type SignOffSigner,
  takeDocumentNumber,
} from '../documents/documents.public.ts';

export const COORDINATION_DOMAIN = 'coordination';
/** recordType of each numbered coordination document (unique across domains). */
export const COORDINATION_RECORD_TYPES = {
  opinion: 'coordination_opinion',
  jointProposal: 'coordination_joint_proposal',
  circular: 'coordination_circular',
} as const;

/** The register a county's coordination documents take their number from (its justice bureau's). */
export async function findCoordinationRegister(db: Db, bureauOrgId: number) {
  return findIssuingRegister(db, { orgId: bureauOrgId, registerCode: REGISTER_CODES.coordination });
}

/** The prefix printed in a blank number before issue (博司协〔　　〕号). */
export async function coordinationPrefixOf(db: Db, bureauOrgId: number): Promise<string | null> {
  return (await findCoordinationRegister(db, bureauOrgId))?.prefix ?? null;
}

/**
 * In the signing transaction: takes the next number of the bureau's coordination register and
 * enters the document in the register book (发文登记簿). Returns the number and its parts.
 */
export async function issueCoordinationDocument(
  trx: Db,
  signer: SignOffSigner,
  input: { bureauOrgId: number; recordType: string; recordId: number; title: string; recipient: string },
): Promise<{ number: string; sequence: number; year: number }> {
  const register = await findCoordinationRegister(trx, input.bureauOrgId);
  if (!register) throw conflict('司法局未设置协调文书（博司协）发文登记簿，请管理员先在发文登记簿中设置');
  const year = Number(signer.signedOn.slice(0, 4));
  const { sequence, number } = await takeDocumentNumber(trx, {
    orgId: register.orgId,
    registerCode: REGISTER_CODES.coordination,
    year,
  });
  await recordIssuedDocument(trx, signer.actor, {
    orgId: register.orgId,
    registerCode: REGISTER_CODES.coordination,
    number,
    sequence,
    year,
    title: input.title,
    recipient: input.recipient,
    issuedOn: signer.signedOn,
    signedBy: signer.name,
    source: { domain: COORDINATION_DOMAIN, recordType: input.recordType, recordId: input.recordId },
  });
  return { number, sequence, year };
}

const HEADING_PATTERNS: Array<[RegExp, 1 | 2]> = [
  [/^[一二三四五六七八九十]+、\s*/, 1],
  [/^[（(][一二三四五六七八九十]+[)）]\s*/, 2],
];

/**
 * Blocks from an editor's text: one paragraph a line, blank lines dropped; a line opening 一、 is a
 * heading and （一） a sub-heading (the ordinal is dropped: the GB/T 9704 renderer numbers them).
 */
export function blocksOfText(text: string): DocumentBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): DocumentBlock => {
      for (const [pattern, level] of HEADING_PATTERNS) {
        if (pattern.test(line)) return { type: 'heading', level, text: line.replace(pattern, '') };
      }
      return { type: 'paragraph', text: line };
    });
}
