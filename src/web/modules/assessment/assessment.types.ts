// Shapes of the assessment API (src/server/modules/assessment/*/*.schema.ts and services).

import type { StoredFile } from '../../components/AttachmentLinks.tsx';

export type PeriodStatus = 'open' | 'computed' | 'published' | 'finalised';

export interface SchemeVersion {
  id: number;
  schemeId: string;
  versionNo: number;
  contentHash: string;
  /** 'preset' (built in) or an upload */
  source: string;
  name: string;
  subjectKind: 'officer' | 'section' | 'agency' | 'township' | 'unit' | string;
  periodKind: 'month' | 'quarter' | 'half' | 'year';
  createdAt: string;
}

export interface ItemGroup {
  id: string;
  label: string;
  /** 负责考核科室 named by the scheme */
  assessor: string;
  /** section that owns the group in this period; null = none matched */
  orgId: number | null;
  orgName: string | null;
}

export interface Period {
  id: number;
  periodKey: string;
  label: string;
  status: PeriodStatus;
  statusLabel: string;
  schemeVersionId: number;
  schemeId: string;
  schemeName: string;
  versionNo: number;
  selfDueOn: string | null;
  publishedOn: string | null;
  appealClosesOn: string | null;
  appealDays: number;
  decisionDays: number;
  subjectCount: number;
}

export interface PeriodDetail extends Period {
  groups: ItemGroup[];
  /** why 定档 is refused now (申诉期至…截止 / 尚有 N 件申诉未作决定); null = it may be done */
  finaliseRefusal: string | null;
}

export interface PeriodOpenInput {
  schemeVersionId: number;
  periodKey: string;
  subjectIds?: number[];
  underOrgId?: number;
  appealDays?: number;
  decisionDays?: number;
}

export type EvidenceKind = 'case' | 'complaint' | 'case_file' | 'attachment' | 'link';

export interface AssessmentRecord {
  id: number;
  subjectKey: string;
  item: string;
  occurredOn: string;
  count: number;
  value: string | null;
  level: string | null;
  fact: string | null;
  rater: string | null;
  note: string | null;
  evidence: { kind: EvidenceKind; id: string } | null;
  status: 'active' | 'proposed' | 'dismissed' | 'withdrawn';
  proposalKey: string | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

/** A record as the list shows it: with the subject's, item's and recorder's names and its evidence files. */
export interface RecordListItem extends AssessmentRecord {
  subjectName: string;
  itemLabel: string;
  /** null for records without an account (imports); '系统提议' for proposals */
  recorderName: string | null;
  attachments: StoredFile[];
  /** false for a subject's own record before publication: the files are listed, not yet downloadable */
  canDownloadEvidence: boolean;
}

export interface RecordFilter {
  page: number;
  pageSize: number;
  subjectKey?: string;
  status?: AssessmentRecord['status'];
  item?: string;
}

export interface RecordInput {
  subjectKey: string;
  item: string;
  occurredOn: string;
  count?: number;
  value?: string;
  level?: string;
  fact?: string;
  note?: string;
  evidence?: { kind: EvidenceKind; id: string };
}

export interface RatingSheet {
  /** outOf: the sheet's scale (满分), as a decimal. */
  /** namedRole: the role the period names this account in (null: not named, any of `raters`). */
  items: {
    id: string;
    label: string;
    raters: string[];
    raterLabels: Record<string, string>;
    namedRole: string | null;
    outOf: string;
  }[];
  rows: {
    subjectKey: string;
    name: string;
    ratings: { item: string; rater: string | null; value: string | null }[];
  }[];
}

export interface SelfAssessmentInput {
  items: { item: string; count?: number; level?: string; value?: string; note?: string }[];
  note?: string;
}

// The engine is pure and runs in the browser too: its result types are the contract, not a copy.
import type { ComponentScore, ExplanationLine, SubjectFlags } from '../../../engine/types.ts';

export type { ComponentScore, ExplanationLine, LineKind, SubjectFlags } from '../../../engine/types.ts';

export interface SubjectResult {
  subject: string;
  name?: string;
  total: string;
  grade: string | null;
  bandGrade: string | null;
  rank: number;
  components: ComponentScore[];
  flags: SubjectFlags;
  triggers: { rule: string; kind: 'veto' | 'ceiling'; label: string; clause?: string; records: string[] }[];
  explanation: ExplanationLine[];
  selfTotal?: string;
}

export interface RankingRow {
  subjectKey: string;
  name: string;
  total: string;
  grade: string | null;
  rank: number;
  flags: SubjectFlags;
}

export interface Ranking {
  period: string;
  label: string;
  status: PeriodStatus;
  publishedOn: string | null;
  appealClosesOn: string | null;
  /** grade → number of subjects ('未定等次' when the scheme has no grades) */
  distribution: Record<string, number>;
  quotas: unknown[];
  items: RankingRow[];
}

export interface AppealSummary {
  id: number;
  status: string;
  reasons: string;
  submittedOn: string;
  decideBy: string;
  decidedOn: string | null;
  decision: string | null;
  /** record refs ('R12') the decision withdrew and added */
  withdrawn: string[];
  added: string[];
  /** the appellant's proof (证明材料) */
  attachments: StoredFile[];
}

/** A record a scorecard line cites; `addedByAppeal` is the upheld appeal that added it. */
export interface CitedRecord extends AssessmentRecord {
  addedByAppeal: number | null;
  attachments: StoredFile[];
}

export interface Scorecard {
  period: string;
  label: string;
  status: PeriodStatus;
  subject: { key: string; name: string };
  result: SubjectResult;
  /** 'R12' → the record a line cites */
  records: Record<string, CitedRecord>;
  appeals: AppealSummary[];
}

export interface Provisional {
  isProvisional: true;
  period: string;
  result: SubjectResult;
  rejected: { record: string; reason: string }[];
}

export interface Appeal {
  id: number;
  subjectKey: string;
  reasons: string;
  proof: { kind: EvidenceKind; id: string }[];
  submittedOn: string;
  decideBy: string;
  status: 'pending' | 'upheld' | 'rejected' | string;
  decision: string | null;
  changes: unknown;
  before: { total: string; grade: string | null; rank: number } | null;
  after: { total: string; grade: string | null; rank: number } | null;
  decidedOn: string | null;
}

export interface AppealListItem extends Appeal {
  subjectName: string;
  decidedByName: string | null;
  /** the appellant's proof (证明材料) */
  attachments: StoredFile[];
}

export interface AppealDecisionInput {
  decision: 'upheld' | 'rejected';
  reasons: string;
  withdrawRecordIds?: number[];
  addRecords?: Omit<RecordInput, 'subjectKey'>[];
}

/** A page of a server list (PagedResults' Page with the paging echoed back). */
export interface ServerPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SubjectFilter {
  page: number;
  pageSize: number;
  keyword?: string;
  orgId?: number;
  grade?: string;
  /** true: self-assessment submitted; false: not */
  selfSubmitted?: boolean;
}

export interface SubjectListItem {
  id: string;
  subjectKey: string;
  kind: 'officer' | 'org';
  name: string;
  orgId: number;
  orgName: string;
  unitName: string;
  selfSubmittedOn: string | null;
  result: { total: string; grade: string | null; rank: number; flags: SubjectFlags } | null;
}

export interface SubjectPage extends ServerPage<SubjectListItem> {
  /** results filled in and rows ordered by rank */
  hasResults: boolean;
}

export interface SelfAssessmentView {
  subjectKey: string;
  name: string;
  dueOn: string | null;
  isSubmitted: boolean;
  submittedOn: string | null;
  submittedByName: string | null;
  note: string | null;
  items: {
    item: string;
    label: string;
    clause: string | null;
    assessor: string | null;
    count: number;
    level: string | null;
    value: string | null;
    note: string | null;
  }[];
  /** the score the subject's own claims give; null before submission */
  selfTotal: string | null;
}

export interface MySubject {
  subject: { subjectKey: string; kind: 'officer' | 'org'; name: string; orgName: string } | null;
  selfAssessment: SelfAssessmentView | null;
  /** the live score while results are not visible to the account */
  provisional: Provisional | null;
  /** the stored result once visible */
  result: { total: string; grade: string | null; rank: number } | null;
}

interface NamedSubject {
  subjectKey: string;
  name: string;
  orgName: string;
}

export interface PeriodBoard {
  periodId: number;
  label: string;
  status: PeriodStatus;
  today: string;
  groups: (ItemGroup & {
    /** deduction: expected every period; bonus: only when earned; rating: from the raters' sheets */
    scoring: 'deduction' | 'bonus' | 'rating' | 'other';
    isOwn: boolean;
    activeRecords: number;
    proposedRecords: number;
    withdrawnRecords: number;
    lastRecordOn: string | null;
    isSilent: boolean;
  })[];
  records: { active: number; proposed: number; withdrawn: number };
  selfAssessments: {
    dueOn: string | null;
    isOverdue: boolean;
    subjects: number;
    submitted: number;
    missing: number;
    missingSubjects: NamedSubject[];
  };
  ratings: {
    items: { id: string; label: string; raters: string[] }[];
    raters: {
      userId: number;
      name: string;
      orgName: string;
      roles: string[];
      sheets: { item: string; label: string; done: number; missing: number }[];
    }[];
    byRole: { item: string; label: string; rater: string; raters: number }[];
  } | null;
  /** facts no scheme item describes: nothing proposed, shown for the assessor to judge */
  unmappedFacts: {
    source: string;
    sourceLabel: string;
    subjectKey: string;
    name: string;
    occurredOn: string;
    note: string;
    evidence: { kind: string; id: string };
  }[];
  late: {
    proposals: number;
    selfAssessments: NamedSubject[];
    selfAssessmentCount: number;
    raters: { userId: number; name: string; orgName: string; missing: number }[];
    groups: { id: string; label: string; orgName: string }[];
    unownedGroups: { id: string; label: string; assessor: string }[];
  };
}

/** A period's named raters (seed 004 第二章第二条) and the accounts that may be named. */
export interface PeriodRaters {
  items: { id: string; label: string; roles: { role: string; label: string }[] }[];
  raters: { item: string; role: string; userId: number; name: string; orgName: string }[];
  candidates: { userId: number; name: string; orgName: string; isLeader: boolean }[];
}
