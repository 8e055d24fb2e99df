/**
 * Automatic proposals (nobody types twice what the system knows): substantiated complaints, late
 * case records, closed cases, failed quality analyses and review files, supervision's misconduct
 * findings, training shortfalls and expired certificates become
 * pending records under the scheme's mapped item, for the owning assessor to confirm or dismiss.
 * Generating again adds only new facts (proposal_key is unique per period).
 */
import { addCalendarDays } from '../../../../common/calendar.ts';
import { formatChineseDate, todayInShanghai } from '../../../../common/format.ts';
import { parsePeriod } from '../../../../engine/index.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { recordDueOn } from '../../cases/cases.policy.ts';
import { deriveCertificateState } from '../../officers/certificates/certificate-state.ts';
import { getTrainingCompliance } from '../../officers/training/training.service.ts';
import { findFailingReviewFiles } from '../../reviews/reviews.public.ts';
import { findMisconductFindings } from '../../supervision/supervision.public.ts';
import {
  assertManagesPeriod,
  assertRecordingOpen,
  assertRecordsIn,
  countyIdOf,
  getPeriodForActor,
} from '../assessment.access.ts';
import { findSubjectRows } from '../assessment.repository.ts';
import { findRecordById, updateRecordRow } from '../records/assessment-records.repository.ts';
import {
  assertOwnsItem,
  catalogueOfPeriod,
  ownedGroups,
  presentRecord,
} from '../records/assessment-records.service.ts';
import { toEnginePeriod } from '../schemes/scheme-catalogue.ts';
import { findSchemeVersionById } from '../schemes/schemes.repository.ts';
import { PROPOSAL_SOURCE_LABELS, type ProposalSource, resolveProposalMapping } from './proposals.mapping.ts';
import {
  findCertificatesEndingBetween,
  findClosedCasesWithHandlers,
  findCountyProposalChoices,
  findOfficerOrgPaths,
  findSubstantiatedComplaints,
  insertProposedRecord,
  insertUnmappedFact,
} from './proposals.repository.ts';

interface Fact {
  source: ProposalSource;
  factId: string;
  officerId: number | null;
  orgPath: string;
  date: string;
  evidence: { kind: 'case' | 'complaint' | 'link'; id: string };
  note: string;
}

/**
 * Finds the facts of a period and stores the new ones: as proposed records under the item the
 * county's mapping names, or, where no item describes the fact (mapping null, or the item not in
 * this scheme version), as facts shown on the board for the assessor to judge (issue 18 point 9).
 */
export async function generateProposals(
  db: Db,
  actor: Actor,
  periodId: number,
  today = todayInShanghai(new Date()),
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertManagesPeriod(actor, period);
  assertRecordingOpen(period);
  const version = await findSchemeVersionById(db, period.scheme_version_id);
  const mapping = resolveProposalMapping(
    version!.scheme_id,
    await findCountyProposalChoices(db, countyIdOf(period.org_path), version!.scheme_id),
  );
  const catalogue = await catalogueOfPeriod(db, period);
  const range = parsePeriod(toEnginePeriod(period.period_key))!;
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, compared as text
  const lastDay = today < range.end ? today : range.end;
  const county = period.org_path;
  const facts: Fact[] = [];
  for (const row of await findSubstantiatedComplaints(db, county, range.start, range.end)) {
    facts.push({
      source: 'complaint_substantiated',
      factId: `complaint:${row.id}`,
      officerId: row.officer_id,
      orgPath: row.path,
      date: row.handled_on ?? row.received_on,
      evidence: { kind: 'complaint', id: String(row.id) },
      note: `投诉经调查属实：${row.summary}`,
    });
  }
  {
    // due = closed + 30 days (seed 000 案件记录表 填表说明1); late when not in by the due date
    const rows = await findClosedCasesWithHandlers(
      db,
      county,
      addCalendarDays(range.start, -30),
      addCalendarDays(range.end, -30),
    );
    for (const row of rows) {
      const due = recordDueOn(row.closed_on!);
      const isLate = row.record_submitted_on ? row.record_submitted_on > due : due < lastDay;
      if (!isLate || due < range.start || due > range.end) continue;
      facts.push({
        source: 'case_record_late',
        factId: `case-record:${row.id}`,
        officerId: row.officer_id,
        orgPath: row.path,
        date: due,
        evidence: { kind: 'case', id: String(row.id) },
        note: `${row.case_no} 案件记录表应于${formatChineseDate(due)}前报送`,
      });
    }
  }
  for (const row of await findClosedCasesWithHandlers(db, county, range.start, range.end)) {
    // 平时考核制度第五条(一): each case closed in the period counts for each of its handlers
    facts.push({
      source: 'case_closed',
      factId: `case-closed:${row.id}`,
      officerId: row.officer_id,
      orgPath: row.path,
      date: row.closed_on!,
      evidence: { kind: 'case', id: String(row.id) },
      note: `${row.case_no} 于 ${formatChineseDate(row.closed_on!)} 办结`,
    });
    if (row.quality_grade !== 'fail') continue;
    facts.push({
      source: 'quality_fail',
      factId: `quality:${row.id}`,
      officerId: row.officer_id,
      orgPath: row.path,
      date: row.closed_on!,
      evidence: { kind: 'case', id: String(row.id) },
      note: `${row.case_no} 案件质量分析不合格`,
    });
  }
  // 评查办法第十八条: a failing file (不合格) of a campaign published in the period is a fact against
  // each officer who handled it, or against its unit when no handler is recorded
  for (const file of await findFailingReviewFiles(db, county, range.start, range.end)) {
    const note = `${file.caseNo} 在“${file.campaignName}”中评为不合格（${formatChineseDate(file.publishedOn)}发布）`;
    const against = file.handlers.length > 0 ? file.handlers : [{ officerId: null, orgPath: file.unitPath }];
    for (const handler of against)
      facts.push({
        source: 'review_fail',
        factId: `review:${file.campaignId}:${file.caseId}`,
        officerId: handler.officerId,
        orgPath: handler.orgPath,
        date: file.publishedOn,
        evidence: { kind: 'case', id: String(file.caseId) },
        note,
      });
  }
  // 协调监督办法第十五条: a misconduct finding recorded from a notice or a decision is a fact against
  // the officer it names (执法过错认定, 责任追究, 违法违纪, 国家赔偿追偿, 惩处)
  for (const finding of await findMisconductFindings(db, county, range.start, range.end)) {
    facts.push({
      source: 'misconduct_finding',
      factId: `finding:${finding.id}`,
      officerId: finding.officerId,
      orgPath: finding.orgPath,
      date: finding.foundOn,
      evidence: { kind: 'link', id: finding.basisNumber },
      note: `${finding.kindLabel}（${finding.basisNumber}）：${finding.description}`,
    });
  }
  for (const row of await findCertificatesEndingBetween(
    db,
    county,
    addCalendarDays(range.start, -1),
    addCalendarDays(range.end, -1),
  )) {
    const firstExpiredDay = addCalendarDays(row.valid_until, 1);
    const facts0 = {
      issuedOn: row.issued_on,
      validUntil: row.valid_until,
      isSuspended: row.is_suspended,
      isRevoked: row.is_revoked,
    };
    if (firstExpiredDay > lastDay || deriveCertificateState(facts0, firstExpiredDay).state !== 'expired')
      continue;
    facts.push({
      source: 'certificate_expired',
      factId: `certificate:${row.id}`,
      officerId: row.officer_id,
      orgPath: row.path,
      date: firstExpiredDay,
      evidence: { kind: 'link', id: `执法证 ${row.number}` },
      note: `执法证 ${row.number} 有效期至${formatChineseDate(row.valid_until)}`,
    });
  }
  if (range.end.endsWith('-12-31') && today > range.end) {
    // 培训制度第七条: yearly, so judged once the year is over, in the period that ends the year
    const report = await getTrainingCompliance(db, actor, { year: range.year, shortOnly: true });
    const officerPaths = await findOfficerOrgPaths(
      db,
      report.officers.map((officer) => officer.officerId),
    );
    for (const officer of report.officers) {
      facts.push({
        source: 'training_short',
        factId: `training:${range.year}:${officer.officerId}`,
        officerId: officer.officerId,
        orgPath: officerPaths.find((row) => row.id === officer.officerId)?.path ?? '',
        date: range.end,
        evidence: { kind: 'link', id: `${range.year}年度培训达标情况` },
        note: `${officer.name} ${range.year}年培训 ${officer.hours} 学时，未达标`,
      });
    }
  }
  const subjects = await findSubjectRows(db, periodId);
  const byOfficer = new Map(
    subjects
      .filter((subject) => subject.officer_id !== null)
      .map((subject) => [subject.officer_id!, subject]),
  );
  const orgSubjects = subjects
    .filter((subject) => subject.kind === 'org')
    .sort((a, b) => b.org_path.length - a.org_path.length);
  const subjectOf = (fact: Fact) =>
    (fact.officerId !== null ? byOfficer.get(fact.officerId) : undefined) ??
    orgSubjects.find((subject) => fact.orgPath.startsWith(subject.org_path));
  let added = 0;
  let unmapped = 0;
  await db.transaction().execute(async (trx) => {
    for (const fact of facts) {
      const item = mapping[fact.source];
      const subject = subjectOf(fact);
      if (!subject) continue;
      if (!item || !catalogue.items.has(item)) {
        // a closed case is no fact to judge: under a scheme that does not count cases it is nothing
        if (fact.source === 'case_closed') continue;
        if (
          await insertUnmappedFact(trx, {
            period_id: periodId,
            fact_key: `${fact.source}|${fact.factId}|${subject.subject_key}`,
            source: fact.source,
            subject_key: subject.subject_key,
            occurred_on: fact.date,
            note: fact.note,
            evidence_kind: fact.evidence.kind,
            evidence_id: fact.evidence.id,
          })
        )
          unmapped += 1;
        continue;
      }
      const inserted = await insertProposedRecord(trx, {
        period_id: periodId,
        subject_key: subject.subject_key,
        item,
        occurred_on: fact.date,
        value: null,
        level: null,
        fact: null,
        rater: null,
        note: fact.note,
        evidence_kind: fact.evidence.kind,
        evidence_id: fact.evidence.id,
        status: 'proposed',
        proposal_key: `${fact.source}|${fact.factId}|${subject.subject_key}`,
        created_by: null,
      });
      if (inserted) added += 1;
    }
    await recordAudit(trx, actor, {
      action: 'assessment.proposals_generate',
      entityType: 'assessment_period',
      entityId: periodId,
      after: { facts: facts.length, added, unmapped },
    });
  });
  return { facts: facts.length, added, unmapped, sources: PROPOSAL_SOURCE_LABELS };
}

/** Confirms (→ active record) or dismisses a proposal; only the section owning its item group. */
export async function decideProposal(
  db: Db,
  actor: Actor,
  periodId: number,
  recordId: number,
  decision: { action: 'confirm' | 'dismiss'; note?: string | undefined },
) {
  const period = await getPeriodForActor(db, actor, periodId);
  assertRecordsIn(actor, period);
  assertRecordingOpen(period);
  const row = await findRecordById(db, periodId, recordId);
  if (!row) throw notFound('自动提议');
  if (row.status !== 'proposed') throw new AppError('CONFLICT', '该提议已处理');
  const item = (await catalogueOfPeriod(db, period)).items.get(row.item);
  if (item) assertOwnsItem(item, await ownedGroups(db, actor, period));
  return db.transaction().execute(async (trx) => {
    const updated = await updateRecordRow(trx, recordId, {
      status: decision.action === 'confirm' ? 'active' : 'dismissed',
      created_by: actor.id,
      ...(decision.note && { note: `${row.note ?? ''}；${decision.note}` }),
    });
    await recordAudit(trx, actor, {
      action: decision.action === 'confirm' ? 'assessment.proposal_confirm' : 'assessment.proposal_dismiss',
      entityType: 'assessment_record',
      entityId: recordId,
      before: presentRecord(row),
      after: presentRecord(updated),
    });
    return presentRecord(updated);
  });
}
