/** Test helpers for the case tests: officers with certificates in force, and case bodies. */
import { addCalendarDays } from '../../../common/calendar.ts';
import { computeIdNumberCheckChar } from '../../../common/id-number.ts';
import { computeUsccCheckChar } from '../../../common/uscc.ts';
import type { Db } from '../../db/database.ts';

export const PERSON_ID_NUMBER = `11010519491231002${computeIdNumberCheckChar('11010519491231002')}`;
const USCC_BODY = '91652829MA7XXXXX1';
export const ORG_USCC = USCC_BODY + computeUsccCheckChar(USCC_BODY);

let certificateSeq = 0;

/** An officer in `orgId` with a certificate valid from 2015 for ten years past `today` (or as given). */
export async function addOfficer(
  db: Db,
  orgId: number,
  name: string,
  options: { userId?: number; validUntil?: string; today: string } = { today: '2025-01-01' },
): Promise<number> {
  let officerId: number;
  const linked = options.userId
    ? await db.selectFrom('officer').select('id').where('user_id', '=', options.userId).executeTakeFirst()
    : undefined;
  if (linked) {
    officerId = linked.id;
    await db.updateTable('officer').set({ status: 'active' }).where('id', '=', officerId).execute();
  } else {
    officerId = (
      await db
        .insertInto('officer')
        .values({
          org_id: orgId,
          user_id: options.userId ?? null,
          name,
          gender: 'male',
          ethnicity: null,
          education: null,
          birth_date: null,
          position: null,
          post: null,
          duties: null,
          qualified_on: null,
          started_work_on: null,
          phone: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  certificateSeq += 1;
  await db
    .insertInto('certificate')
    .values({
      officer_id: officerId,
      number: `CASETEST-${officerId}-${certificateSeq}`,
      issuer: '博湖县人民政府',
      area: '博湖县',
      issued_on: '2015-01-01',
      valid_until: options.validUntil ?? addCalendarDays(options.today, 3650),
    })
    .execute();
  return officerId;
}

let caseSeq = 0;

export function caseBody(orgId: number, handlerIds: number[], overrides: object = {}) {
  caseSeq += 1;
  return {
    orgId,
    kind: 'penalty',
    caseNo: `测试罚〔2025〕${caseSeq}号`,
    name: `销售过期食品案${caseSeq}`,
    source: '投诉举报',
    filedOn: '2025-03-01',
    handlerIds,
    parties: [
      {
        kind: 'person',
        name: '马某某',
        gender: 'male',
        idNumber: PERSON_ID_NUMBER,
        address: '博湖县博湖镇',
        phone: '13912345678',
      },
      {
        kind: 'organization',
        name: '博湖县某某超市',
        uscc: ORG_USCC,
        legalRepresentative: '马某某',
        address: '博湖县团结路',
        phone: '0996-6622345',
      },
    ],
    summary: '当事人销售超过保质期的食品。',
    process: '立案、调查取证、告知、决定、送达。',
    opinion: '依据《食品安全法》第一百二十四条，拟作出罚款决定。',
    result: '罚款人民币五千元，已执行。',
    ...overrides,
  };
}
