/**
 * Issuing a period's 考核结果通报 through the documents domain: the assessment office asks the
 * county leader's 签发 once the results are published; on signing, the circular takes the next
 * number of the issuing office's `assessment` register (博考办〔2026〕1号) in the same transaction,
 * and every later download prints that number, the 签发人 and the date of issue.
 */
import type { Db } from '../../../db/database.ts';
import { type Actor, assertCan } from '../../../lib/access.ts';
import { conflict } from '../../../lib/errors.ts';
import {
  findIssuedDocument,
  findIssuingRegister,
  listSignOffsOfRecord,
  REGISTER_CODES,
  recordIssuedDocument,
  registerDocumentKind,
  registerSignOffHandler,
  requestSignOff,
  takeDocumentNumber,
} from '../../documents/documents.public.ts';
import { getPeriodForActor } from '../assessment.access.ts';
import { circularTitle } from '../documents/results-circular.ts';
import { findPeriods } from '../periods/periods.repository.ts';

export const CIRCULAR_SOURCE = { domain: 'assessment', recordType: 'results_circular' } as const;
const CIRCULAR_RECIPIENT = '各有关单位';

registerDocumentKind(CIRCULAR_SOURCE.recordType, {
  label: '考核结果通报',
  linkOf: (periodId) => `/assessment/periods/${periodId}`,
});

registerSignOffHandler(CIRCULAR_SOURCE.recordType, {
  async onSigned(trx, request, signer) {
    const year = Number(signer.signedOn.slice(0, 4));
    const taken = await takeDocumentNumber(trx, {
      orgId: request.orgId,
      registerCode: REGISTER_CODES.assessment,
      year,
    });
    await recordIssuedDocument(trx, signer.actor, {
      orgId: request.orgId,
      registerCode: REGISTER_CODES.assessment,
      ...taken,
      year,
      title: request.title,
      recipient: CIRCULAR_RECIPIENT,
      issuedOn: signer.signedOn,
      signedBy: signer.name,
      source: { ...CIRCULAR_SOURCE, recordId: request.recordId },
    });
  },
  // nothing of the period changes: the office corrects the results and asks again
  async onReturned() {},
});

/** The circular's register entry and sign-off history, for the period page. */
export async function getCircularIssue(db: Db, actor: Actor, periodId: number) {
  await getPeriodForActor(db, actor, periodId);
  const source = { ...CIRCULAR_SOURCE, recordId: periodId };
  return {
    issued: await findIssuedDocument(db, source),
    signOffs: await listSignOffsOfRecord(db, actor, source),
  };
}

/** Asks for the 签发 of a published period's circular; the issuing office's register must exist. */
export async function requestCircularSignOff(
  db: Db,
  actor: Actor,
  periodId: number,
  body: { signerAccountId?: number | undefined },
) {
  assertCan(actor, 'assessment.manage');
  const period = await getPeriodForActor(db, actor, periodId);
  if (period.status !== 'published' && period.status !== 'finalised') {
    throw conflict(`${period.label}的考核结果尚未公示，公示后才能签发考核结果通报`);
  }
  const issued = await findIssuedDocument(db, { ...CIRCULAR_SOURCE, recordId: periodId });
  if (issued?.status === 'issued') throw conflict(`考核结果通报已印发（${issued.number}），不能重复签发`);
  const register = await findIssuingRegister(db, {
    orgId: period.org_id,
    registerCode: REGISTER_CODES.assessment,
  });
  if (!register) throw conflict('本县尚未设置考核结果通报的发文登记簿（代码 assessment），请管理员先设置');
  const [listRow] = await findPeriods(db, period.org_path, periodId);
  await db.transaction().execute((trx) =>
    requestSignOff(trx, actor, {
      ...CIRCULAR_SOURCE,
      recordId: periodId,
      orgId: register.orgId,
      title: circularTitle(period.label, listRow!.scheme_name),
      signerAccountId: body.signerAccountId ?? null,
    }),
  );
  return getCircularIssue(db, actor, periodId);
}
