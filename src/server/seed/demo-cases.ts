/**
 * A year of demo cases for 博湖县 (issue 5): about 3,000 cases across every agency's and township's
 * enforcement team, each handled by two officers of its unit whose certificate was in force on the
 * filing date; parties with valid ID numbers and credit codes; records in every state (在办, 正常,
 * 临期, 逾期, 已报送) with quality grades; case files in every state (none, incomplete, complete,
 * archived, archived with a reason); complaints, petitions and campaign participation.
 * Deterministic (fixed-seed PRNG) and relative to `today`, the day the seed runs.
 */
import { addCalendarDays } from '../../common/calendar.ts';
import { computeIdNumberCheckChar } from '../../common/id-number.ts';
import { computeUsccCheckChar } from '../../common/uscc.ts';
import type { Db } from '../db/database.ts';
import type { CaseKind, Database } from '../db/schema.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { MAIN_CATALOGUE_FOR_KIND } from '../modules/case-files/catalogue.ts';
import type { CaseValues } from '../modules/cases/records/cases.repository.ts';
import { isCertificateValidOn } from '../modules/officers/certificates/certificate-state.ts';

export const DEMO_CASES_PER_YEAR = 3_000;
const CHUNK = 500;

const KINDS: Array<[CaseKind, number, string]> = [
  ['penalty', 0.5, '罚'],
  ['licensing', 0.2, '许'],
  ['inspection', 0.15, '检'],
  ['coercion', 0.06, '强'],
  ['levy', 0.03, '征'],
  ['confirmation', 0.03, '确'],
  ['benefit', 0.02, '给'],
  ['adjudication', 0.01, '裁'],
];
const SOURCES = ['日常检查', '投诉举报', '上级交办', '部门移送', '依申请', '专项检查'];
const CAUSES: Record<CaseKind, string[]> = {
  penalty: [
    '销售过期食品案',
    '无证经营案',
    '虚假宣传案',
    '违法占地案',
    '超限运输案',
    '未按规定储存危险化学品案',
  ],
  licensing: ['食品经营许可申请', '道路运输经营许可申请', '建设用地规划许可申请', '医疗机构执业许可申请'],
  inspection: ['餐饮服务单位日常检查', '道路运输企业安全检查', '农资经营门店检查'],
  coercion: ['查封涉案场所', '扣押涉案物品'],
  levy: ['征收土地复垦费'],
  requisition: ['征用抢险救灾车辆'],
  confirmation: ['土地权属确认'],
  benefit: ['发放农机购置补贴'],
  adjudication: ['草场使用权争议裁决'],
};
const SHOPS = ['超市', '餐馆', '农资店', '运输有限公司', '建材商店', '诊所', '网吧', '宾馆'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰'.split('');

function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type CaseInsert = CaseValues;

export async function seedDemoCases(trx: Db, today: string): Promise<{ cases: number; files: number }> {
  const random = createRandom(20_250_505);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const officers = await trx
    .selectFrom('officer')
    .innerJoin('org', 'org.id', 'officer.org_id')
    .select([
      'officer.id',
      'officer.name',
      'officer.status',
      'officer.org_id',
      'org.path',
      'org.name as org_name',
    ])
    .where('org.name', 'like', '%队')
    .orderBy('officer.id')
    .execute();
  const certificates = await trx.selectFrom('certificate').selectAll().execute();
  const units = await trx
    .selectFrom('org')
    .select(['id', 'path', 'short_name', 'doc_prefix'])
    .where('kind', 'in', ['agency', 'township'])
    .execute();
  const byTeam = new Map<number, typeof officers>();
  for (const officer of officers)
    byTeam.set(officer.org_id, [...(byTeam.get(officer.org_id) ?? []), officer]);
  const teams = [...byTeam.keys()];
  const seq = new Map<string, number>();
  const cases: CaseInsert[] = [];
  const handlersOf: Array<Array<{ officer_id: number; certificate_number: string }>> = [];
  for (let index = 0; index < DEMO_CASES_PER_YEAR; index += 1) {
    const teamId = pick(teams);
    const members = byTeam.get(teamId)!;
    const unit = units.find((candidate) => members[0]!.path.startsWith(candidate.path))!;
    const filedOn = addCalendarDays(today, -Math.floor(random() * 365));
    const eligible = members.flatMap((member) => {
      if (member.status !== 'active') return [];
      const verdict = isCertificateValidOn(
        certificates
          .filter((certificate) => certificate.officer_id === member.id)
          .map((certificate) => ({
            number: certificate.number,
            issuedOn: certificate.issued_on,
            validUntil: certificate.valid_until,
            isSuspended: certificate.is_suspended,
            isRevoked: certificate.is_revoked,
          })),
        filedOn,
      );
      return verdict.ok ? [{ officer_id: member.id, certificate_number: verdict.certificateNumber }] : [];
    });
    if (eligible.length < 2) continue;
    const first = Math.floor(random() * eligible.length);
    const second = (first + 1 + Math.floor(random() * (eligible.length - 1))) % eligible.length;
    const [kind, , letter] = pickByShare(KINDS, random());
    const year = filedOn.slice(0, 4);
    const prefix = `${unit.doc_prefix ?? unit.short_name ?? '博'}${letter}〔${year}〕`;
    const number = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, number);
    const age = Math.floor((Date.parse(today) - Date.parse(filedOn)) / 86_400_000);
    const closedOn =
      age > 10 && random() < 0.85
        ? addCalendarDays(filedOn, Math.min(age - 1, 5 + Math.floor(random() * 60)))
        : null;
    const sinceClosed = closedOn ? Math.floor((Date.parse(today) - Date.parse(closedOn)) / 86_400_000) : 0;
    const isSubmitted = closedOn !== null && (sinceClosed > 40 ? random() < 0.93 : random() < 0.5);
    const isPerson = random() < 0.4;
    const partyName = isPerson
      ? pick(SURNAMES) + pick(GIVEN) + pick(GIVEN)
      : `博湖县${pick(SURNAMES)}氏${pick(SHOPS)}`;
    const grade =
      isSubmitted && random() < 0.8
        ? random() < 0.25
          ? 'excellent'
          : random() < 0.9
            ? 'pass'
            : 'fail'
        : null;
    const at = closedOn ? new Date(`${closedOn}T10:00:00+08:00`) : null;
    cases.push({
      org_id: teamId,
      kind,
      case_no: `${prefix}${number}号`,
      name: `${partyName}${pick(CAUSES[kind])}`,
      source: pick(SOURCES),
      filed_on: filedOn,
      closed_on: closedOn,
      summary: `${partyName}涉嫌违法，经${pick(SOURCES)}发现。`,
      process: closedOn ? '立案、调查取证、告知、审核、决定、送达、执行。' : '立案、调查取证。',
      opinion: closedOn ? '事实清楚，证据确凿，适用依据正确，程序合法。' : null,
      opinion_signer_id: null,
      opinion_signer_name: closedOn ? members[0]!.name : null,
      opinion_signed_at: at,
      result: closedOn ? '已依法作出决定并执行完毕。' : null,
      result_signer_id: null,
      result_signer_name: closedOn ? members[0]!.name : null,
      result_signed_at: at,
      quality_opinion: grade ? '案卷材料齐全，程序规范。' : null,
      quality_grade: grade,
      quality_by_id: null,
      quality_by_name: grade ? '法制机构' : null,
      quality_at: grade ? at : null,
      record_submitted_on: isSubmitted
        ? addCalendarDays(closedOn!, Math.min(sinceClosed, 5 + Math.floor(random() * 25)))
        : null,
      record_late_reason: null,
      is_supervised: random() < 0.04,
      is_assigned: random() < 0.05,
      is_major_stability: random() < 0.01,
      party_names: partyName,
      created_by: null,
    });
    handlersOf.push([eligible[first]!, eligible[second]!]);
  }
  const ids: number[] = [];
  for (let start = 0; start < cases.length; start += CHUNK) {
    const rows = await trx
      .insertInto('enforcement_case')
      .values(cases.slice(start, start + CHUNK))
      .returning('id')
      .execute();
    ids.push(...rows.map((row) => row.id));
  }
  const handlerRows = ids.flatMap((caseId, index) =>
    handlersOf[index]!.map((handler, order) => ({ case_id: caseId, ...handler, sort_order: order })),
  );
  const partyRows = ids.map((caseId, index) => {
    const isPerson = !cases[index]!.party_names.startsWith('博湖县');
    const serial = String(100 + (index % 900)).padStart(3, '0');
    const idBody = `65282919${70 + (index % 30)}0${1 + (index % 9)}1${index % 10}${serial}`;
    const usccBody = `92652829MA${String(index).padStart(7, '0')}`;
    return {
      case_id: caseId,
      kind: isPerson ? ('person' as const) : ('organization' as const),
      name: cases[index]!.party_names,
      gender: isPerson ? (index % 2 === 0 ? ('male' as const) : ('female' as const)) : null,
      id_number: isPerson ? idBody + computeIdNumberCheckChar(idBody) : null,
      uscc: isPerson ? null : usccBody + computeUsccCheckChar(usccBody),
      legal_representative: isPerson ? null : pick(SURNAMES) + pick(GIVEN),
      address: '博湖县博湖镇',
      phone: `13${String(900_000_000 + index * 7919).slice(0, 9)}`,
      sort_order: 0,
    };
  });
  for (let start = 0; start < handlerRows.length; start += CHUNK)
    await trx
      .insertInto('case_handler')
      .values(handlerRows.slice(start, start + CHUNK))
      .execute();
  for (let start = 0; start < partyRows.length; start += CHUNK)
    await trx
      .insertInto('case_party')
      .values(partyRows.slice(start, start + CHUNK))
      .execute();
  const files = await seedDemoFiles(trx, ids, cases, random, today);
  await seedDemoComplaints(trx, ids, cases, handlersOf, random);
  await recordAudit(trx, null, {
    action: 'system.seed_demo_cases',
    entityType: 'case',
    after: { cases: ids.length, files },
  });
  return { cases: ids.length, files };
}

/** Files in every state for closed cases: none, incomplete, complete, archived, archived with a reason. */
async function seedDemoFiles(
  trx: Db,
  ids: number[],
  cases: CaseInsert[],
  random: () => number,
  today: string,
) {
  const documents: Array<Database['file_document'] & object> = [];
  let files = 0;
  for (const [index, caseId] of ids.entries()) {
    const row = cases[index]!;
    if (!row.closed_on || random() < 0.3) continue;
    const state = random();
    const isArchived = state < 0.5;
    const isOverride = state >= 0.45 && state < 0.5;
    const isBroken = isOverride || state >= 0.8;
    const hasHearing = MAIN_CATALOGUE_FOR_KIND[row.kind] === 'penalty' && random() < 0.08;
    const file = await trx
      .insertInto('case_file')
      .values({
        case_id: caseId,
        archive_no: `WS·${row.filed_on.slice(0, 4)}-${String(caseId).padStart(5, '0')}`,
        category: null,
        file_no: row.case_no,
        retention_period: pick3(random, ['长期', '永久', '30年']),
        traits: hasHearing ? ['hearing'] : [],
        status: isArchived ? 'archived' : 'open',
        archived_on: isArchived
          ? addCalendarDays(row.closed_on, 20) > today
            ? today
            : addCalendarDays(row.closed_on, 20)
          : null,
        archived_by_name: isArchived ? '法制机构' : null,
        archive_override_reason: isOverride ? '部分原件移送司法机关，已在备考表注明' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    files += 1;
    const main =
      MAIN_CATALOGUE_FOR_KIND[row.kind] === 'penalty'
        ? ['P01', 'P02', 'P03', 'P13', ...(hasHearing ? ['P15', 'P16'] : []), 'P23']
        : ['L01', 'L02', 'L03', 'L05', 'L06', 'L26'];
    const restricted = ['R01', 'R02', 'R03', ...(hasHearing ? ['R04'] : [])];
    if (isBroken) main.splice(1 + Math.floor(random() * (main.length - 1)), 1);
    for (const [volume, codes] of [
      ['main', main],
      ['restricted', restricted],
    ] as const) {
      let page = 1;
      for (const [position, code] of codes.entries()) {
        const pages = 1 + Math.floor(random() * 4);
        documents.push({
          case_file_id: file.id,
          volume,
          sequence: position + 1,
          kind_code: code,
          title: null,
          page_from: page,
          page_to: page + pages - 1,
          is_original: !(isBroken && position === 0 && volume === 'restricted'),
          verified_by: null,
          verified_on: null,
          copy_source: null,
        } as never);
        page += pages;
      }
    }
  }
  for (let start = 0; start < documents.length; start += CHUNK)
    await trx
      .insertInto('file_document')
      .values(documents.slice(start, start + CHUNK) as never)
      .execute();
  return files;
}

function pick3<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

async function seedDemoComplaints(
  trx: Db,
  ids: number[],
  cases: CaseInsert[],
  handlersOf: Array<Array<{ officer_id: number }>>,
  random: () => number,
) {
  const complaints = [];
  for (let index = 0; index < ids.length; index += 25) {
    const isPetition = random() < 0.3;
    const received = cases[index]!.closed_on ?? cases[index]!.filed_on;
    const finding =
      random() < 0.7 ? (random() < 0.3 ? ('substantiated' as const) : ('unfounded' as const)) : null;
    complaints.push({
      org_id: cases[index]!.org_id,
      kind: isPetition ? ('petition' as const) : ('complaint' as const),
      officer_id: handlersOf[index]![0]!.officer_id,
      case_id: isPetition ? null : ids[index]!,
      source: pick3(random, ['12345热线', '来信', '来访', '网上信访']),
      received_on: received,
      summary: isPetition ? '群众反映相关问题' : '反映执法人员工作作风问题',
      finding: isPetition ? null : finding,
      handling: finding ? '已调查核实并答复' : null,
      handled_on: finding ? received : null,
    });
  }
  if (complaints.length > 0) await trx.insertInto('complaint').values(complaints).execute();
  const campaigns = handlersOf
    .filter((_, index) => index % 15 === 0)
    .map((handlers, index) => ({
      officer_id: handlers[1]!.officer_id,
      name: pick3(random, ['食品安全专项整治', '道路交通安全专项整治', '农资打假专项行动', '安全生产大检查']),
      joined_on: cases[index * 15]!.filed_on,
    }));
  if (campaigns.length > 0) await trx.insertInto('campaign_participation').values(campaigns).execute();
}

/** The entry whose cumulative share first passes `roll` (0 ≤ roll < 1); the first one otherwise. */
function pickByShare<T extends readonly [unknown, number, ...unknown[]]>(
  entries: readonly T[],
  roll: number,
): T {
  let remaining = roll;
  for (const entry of entries) {
    remaining -= entry[1];
    if (remaining < 0) return entry;
  }
  return entries[0]!;
}
