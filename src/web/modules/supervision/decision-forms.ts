import { todayInShanghai } from '../../../common/format.ts';
import {
  CIRCULAR_SITUATION_CLAUSES,
  CIRCULAR_SITUATION_LABELS,
  CIRCULAR_SITUATIONS,
  type CircularSituation,
  DECISION_GROUND_LABELS,
  DECISION_GROUNDS,
  DECISION_KIND_LABELS,
  DECISION_KINDS,
} from '../../../common/supervision.ts';
import type { FormSpec } from './FormModal.tsx';
import { uploadPicked } from './FormModal.tsx';
import {
  type CircularDraftBody,
  type CircularView,
  createCircular,
  type DecisionView,
  type NoticeView,
  recordDecision,
  reportOnDecision,
  requestDecision,
  reviewDecisionReport,
  updateCircular,
  updateDecisionRequest,
  uploadSupervisionAttachment,
  withdrawCircular,
  withdrawDecisionRequest,
} from './supervision.api.ts';

// The forms of a supervision decision (第十五条) and a circular (第二十二、二十三条), as data for
// FormModal; the server checks every rule again and names the field it refuses.
// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;

const GROUND_OPTIONS = DECISION_GROUNDS.map((value) => ({ value, label: DECISION_GROUND_LABELS[value] }));
const KIND_OPTIONS = DECISION_KINDS.map((value) => ({ value, label: DECISION_KIND_LABELS[value] }));

function requestFields() {
  return [
    {
      name: 'ground',
      label: '报请事由',
      kind: 'select' as const,
      options: GROUND_OPTIONS,
      help: '逾期不改正须在改正期限届满之后报请；拒不改正可随时报请（第十五条）',
    },
    { name: 'proposedKind', label: '建议的决定种类', kind: 'select' as const, options: KIND_OPTIONS },
    { name: 'requestReason', label: '报请理由', kind: 'textarea' as const, rows: 6 },
  ];
}

/** 报请本级人民政府作出行政执法监督决定: a draft request on an open notice. */
export function requestDecisionForm(
  notice: NoticeView,
  onSaved: (id: number) => void,
): FormSpec<DecisionView> {
  return {
    title: `报请县人民政府作出监督决定（${notice.number ?? '通知书'}）`,
    okText: '保存报请草稿',
    fields: requestFields(),
    initialValues: {
      ground: notice.correctionDue?.state === 'overdue' ? 'overdue' : 'refused',
      proposedKind: 'illegal',
    },
    save: (values: Values) =>
      requestDecision(notice.id, {
        ground: values.ground,
        proposedKind: values.proposedKind,
        requestReason: values.requestReason,
      }),
    done: '报请草稿已保存',
    onSaved: (decision) => onSaved(decision.id),
  };
}

export function editDecisionRequestForm(decision: DecisionView): FormSpec<DecisionView> {
  return {
    title: '修改报请草稿',
    okText: '保存',
    fields: requestFields(),
    initialValues: {
      ground: decision.ground,
      proposedKind: decision.proposedKind,
      requestReason: decision.requestReason,
    },
    save: (values: Values) =>
      updateDecisionRequest(decision.id, {
        ground: values.ground,
        proposedKind: values.proposedKind,
        requestReason: values.requestReason,
      }),
    done: '报请草稿已修改',
  };
}

/** The county government's 行政执法监督决定书, recorded with its own number, date and service. */
export function recordDecisionForm(decision: DecisionView): FormSpec<DecisionView> {
  return {
    title: '登记县人民政府的监督决定',
    okText: '登记决定',
    fields: [
      { name: 'kind', label: '决定种类', kind: 'select', options: KIND_OPTIONS },
      { name: 'decisionNumber', label: '决定书文号（县政府文号）', maxLength: 50 },
      { name: 'decidedOn', label: '决定日期', kind: 'date' },
      { name: 'content', label: '决定内容', kind: 'textarea', rows: 6 },
      {
        name: 'servedOn',
        label: '送达被监督单位日期',
        kind: 'date',
        help: '被监督单位自收到决定书之日起 30 日（日历日）内书面报告落实情况（第十五条）',
      },
    ],
    initialValues: {
      kind: decision.proposedKind,
      decidedOn: todayInShanghai(new Date()),
      servedOn: todayInShanghai(new Date()),
    },
    save: (values: Values) =>
      recordDecision(decision.id, {
        kind: values.kind,
        decisionNumber: values.decisionNumber,
        decidedOn: values.decidedOn,
        content: values.content,
        servedOn: values.servedOn,
      }),
    done: '监督决定已登记',
  };
}

/** The unit's report on a decision; its files go to the report just created (the last one). */
export function decisionReportForm(decision: DecisionView): FormSpec<DecisionView> {
  return {
    title: '书面报告决定落实情况（第十五条）',
    okText: '提交报告',
    fields: [
      { name: 'content', label: '落实情况书面报告', kind: 'textarea', rows: 8 },
      { name: 'files', label: '附件（整改材料、照片等）', kind: 'files', isOptional: true },
    ],
    save: (values: Values) => reportOnDecision(decision.id, values.content),
    upload: (saved, files) => {
      const report = saved.reports.at(-1);
      return report
        ? uploadPicked(files, 'files', (file) =>
            uploadSupervisionAttachment('rectifications', report.id, file),
          )
        : Promise.resolve([]);
    },
    done: '落实情况报告已提交',
  };
}

export function returnDecisionReportForm(decision: DecisionView): FormSpec<DecisionView> {
  return {
    title: '退回决定落实情况报告',
    okText: '退回重报',
    fields: [{ name: 'reason', label: '退回理由', kind: 'textarea', maxLength: 2000 }],
    save: (values: Values) => reviewDecisionReport(decision.id, { accept: false, reason: values.reason }),
    done: '报告已退回，被监督单位须重新报告',
  };
}

export function withdrawDecisionForm(decision: DecisionView): FormSpec<DecisionView> {
  return {
    title: `撤回报请 ${decision.requestNumber ?? ''}`,
    okText: '撤回',
    fields: [{ name: 'reason', label: '撤回理由', kind: 'textarea', maxLength: 2000 }],
    save: (values: Values) => withdrawDecisionRequest(decision.id, values.reason),
    done: '报请已撤回',
  };
}

/** What a circular is drafted from: a notice or decision not corrected (第二十三条(三)), or nothing. */
export interface CircularOrigin {
  unit: { id: number; name: string };
  noticeId?: number;
  decisionId?: number;
  facts?: string;
}

const situationOption = (value: CircularSituation) => ({
  value,
  label: `${CIRCULAR_SITUATION_LABELS[value]}（${CIRCULAR_SITUATION_CLAUSES[value]}）`,
});

/**
 * 起草通报 or 修改通报草稿. The 推诿 and 不执行协调决定 situations come from a coordination
 * violation record (the dispute's page); here a circular is drafted from a notice or decision
 * (逾期不改正), for another violation, or as a commendation.
 */
export function circularForm(
  origin: CircularOrigin | null,
  existing: CircularView | null,
  onSaved?: (id: number) => void,
): FormSpec<CircularView> {
  const linked = origin?.noticeId !== undefined || origin?.decisionId !== undefined;
  const situations: CircularSituation[] = existing
    ? [...CIRCULAR_SITUATIONS]
    : linked
      ? ['not_corrected']
      : ['other_violation', 'outstanding'];
  const fixedUnit =
    origin?.unit ?? (existing ? { id: existing.subject.id, name: existing.subject.name } : null);
  return {
    title: existing ? '修改通报草稿' : '起草通报',
    okText: '保存草稿',
    fields: [
      { name: 'situation', label: '通报情形', kind: 'select', options: situations.map(situationOption) },
      {
        name: 'subjectOrgId',
        label: '被通报单位',
        kind: 'units',
        units: linked && fixedUnit ? [fixedUnit] : undefined,
      },
      { name: 'persons', label: '被通报人员', isOptional: true, maxLength: 500, help: '可不填' },
      { name: 'title', label: '标题', maxLength: 100 },
      { name: 'facts', label: '通报事实', kind: 'textarea', rows: 6 },
      { name: 'requirement', label: '要求', kind: 'textarea', isOptional: true, rows: 3 },
    ],
    initialValues: existing
      ? {
          situation: existing.situation,
          subjectOrgId: existing.subject.id,
          persons: existing.persons ?? undefined,
          title: existing.title,
          facts: existing.facts,
          requirement: existing.requirement ?? undefined,
        }
      : {
          situation: situations[0],
          subjectOrgId: origin?.unit.id,
          title: origin ? `关于${origin.unit.name}逾期不改正违法行政行为的通报` : undefined,
          facts: origin?.facts,
        },
    save: (values: Values) => {
      const body: CircularDraftBody = {
        situation: values.situation,
        subjectOrgId: values.subjectOrgId,
        persons: values.persons || null,
        title: values.title,
        facts: values.facts,
        requirement: values.requirement || null,
      };
      if (existing) return updateCircular(existing.id, body);
      return createCircular({
        ...body,
        noticeId: origin?.noticeId ?? null,
        decisionId: origin?.decisionId ?? null,
      });
    },
    done: existing ? '通报草稿已修改' : '通报草稿已保存',
    onSaved: (circular) => onSaved?.(circular.id),
  };
}

export function withdrawCircularForm(circular: CircularView): FormSpec<CircularView> {
  return {
    title: `撤回通报 ${circular.number ?? ''}`,
    okText: '撤回',
    fields: [
      {
        name: 'reason',
        label: '撤回理由',
        kind: 'textarea',
        maxLength: 2000,
        help: '已印发的通报不能修改，只能撤回；文号不再使用。',
      },
    ],
    save: (values: Values) => withdrawCircular(circular.id, values.reason),
    done: '通报已撤回',
  };
}
