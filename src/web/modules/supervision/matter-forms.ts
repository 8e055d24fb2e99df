import { todayInShanghai } from '../../../common/format.ts';
import { MIN_ON_SITE_SUPERVISORS } from '../../../common/supervision.ts';
import type { FormField, FormSpec } from './FormModal.tsx';
import { uploadPicked } from './FormModal.tsx';
import {
  addEvidence,
  closeMatter,
  createInspection,
  createReportRequest,
  draftNotice,
  type InspectionView,
  type MatterView,
  recordInspection,
  uploadSupervisionAttachment,
} from './supervision.api.ts';
import { EVIDENCE_OPTIONS } from './supervision-labels.ts';

// The forms of a matter's page, as data for FormModal; the server checks every rule again.
// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;

export function planInspectionForm(matter: MatterView): FormSpec<InspectionView> {
  return {
    title: '安排监督检查',
    fields: [
      { name: 'plannedOn', label: '计划检查日期', kind: 'date' },
      { name: 'place', label: '检查地点' },
      { name: 'isOnSite', label: '现场检查', kind: 'switch' },
      {
        name: 'supervisorIds',
        label: '监督人员',
        kind: 'supervisors',
        help: `现场监督检查的监督人员不得少于 ${MIN_ON_SITE_SUPERVISORS} 人（第十四条），并应出示行政执法监督证件`,
      },
    ],
    initialValues: { plannedOn: todayInShanghai(new Date()), isOnSite: true },
    save: (values: Values) =>
      createInspection(matter.id, {
        plannedOn: values.plannedOn,
        place: values.place,
        isOnSite: values.isOnSite === true,
        supervisorIds: values.supervisorIds ?? [],
      }),
    done: '检查已安排',
  };
}

export function recordInspectionForm(inspection: InspectionView): FormSpec<InspectionView> {
  return {
    title: '记录检查结果',
    fields: [
      { name: 'inspectedOn', label: '检查日期', kind: 'date' },
      { name: 'supervisorIds', label: '实际参加的监督人员', kind: 'supervisors' },
      { name: 'findings', label: '检查发现的问题', kind: 'textarea', rows: 6 },
    ],
    initialValues: {
      inspectedOn: todayInShanghai(new Date()),
      supervisorIds: inspection.supervisors.map((supervisor) => supervisor.id),
    },
    save: (values: Values) =>
      recordInspection(inspection.id, {
        inspectedOn: values.inspectedOn,
        findings: values.findings,
        supervisorIds: values.supervisorIds,
      }),
    done: '检查结果已记录',
  };
}

export function evidenceForm(inspection: InspectionView) {
  const spec: FormSpec<{ id: number }> = {
    title: '登记调查取证（第十三条）',
    fields: [
      { name: 'means', label: '取证方式', kind: 'select', options: EVIDENCE_OPTIONS },
      { name: 'collectedOn', label: '取证日期', kind: 'date' },
      { name: 'description', label: '证据说明', kind: 'textarea', maxLength: 2000 },
      { name: 'caseId', label: '调阅的案件', kind: 'case', isOptional: true, help: '查阅调取案卷时选择案件' },
      { name: 'files', label: '证据材料', kind: 'files', isOptional: true },
    ],
    initialValues: { collectedOn: todayInShanghai(new Date()) },
    save: (values: Values) =>
      addEvidence(inspection.id, {
        means: values.means,
        collectedOn: values.collectedOn,
        description: values.description,
        caseId: values.caseId ?? null,
      }),
    upload: (evidence, files) =>
      uploadPicked(files, 'files', (file) => uploadSupervisionAttachment('evidence', evidence.id, file)),
    done: '证据已登记',
  };
  return spec;
}

export function reportRequestForm(matter: MatterView): FormSpec<{ id: number }> {
  return {
    title: '要求报告执法情况（第十三条（一））',
    fields: [
      { name: 'unitId', label: '报告单位', kind: 'units', units: matter.units },
      { name: 'subject', label: '报告事项', kind: 'textarea', maxLength: 2000 },
      { name: 'requestedOn', label: '发出日期', kind: 'date' },
      { name: 'dueOn', label: '报告期限', kind: 'date' },
    ],
    initialValues: {
      requestedOn: todayInShanghai(new Date()),
      unitId: matter.units.length === 1 ? matter.units[0]?.id : undefined,
    },
    save: (values: Values) =>
      createReportRequest(matter.id, {
        unitId: values.unitId,
        subject: values.subject,
        requestedOn: values.requestedOn,
        dueOn: values.dueOn,
      }),
    done: '已要求被监督单位报告',
  };
}

/** The fields of a notice's draft (第十五条): addressed to one of `units`. */
export function noticeFields(units: ReadonlyArray<{ id: number; name: string }>): FormField[] {
  return [
    { name: 'unitId', label: '被监督单位', kind: 'units', units },
    { name: 'facts', label: '经查明的事实', kind: 'textarea', rows: 5 },
    { name: 'reasons', label: '理由', kind: 'textarea' },
    { name: 'legalBasis', label: '法律依据', kind: 'textarea', maxLength: 2000, rows: 3 },
    { name: 'requiredCorrection', label: '改正要求', kind: 'textarea' },
    {
      name: 'correctionDueOn',
      label: '改正期限',
      kind: 'date',
      help: '被监督单位应自收到通知书之日起 30 日内书面报告落实情况（第十五条）',
    },
  ];
}

export function noticeDraftForm(matter: MatterView, onSaved: (id: number) => void): FormSpec<{ id: number }> {
  return {
    title: '起草行政执法监督通知书（第十五条）',
    okText: '保存草稿',
    fields: noticeFields(matter.units),
    initialValues: {
      unitId: matter.units.length === 1 ? matter.units[0]?.id : undefined,
      legalBasis: '《博湖县行政执法协调监督工作办法》第十五条',
    },
    save: (values: Values) =>
      draftNotice(matter.id, {
        unitId: values.unitId,
        caseId: matter.case?.id ?? null,
        facts: values.facts,
        reasons: values.reasons,
        legalBasis: values.legalBasis,
        requiredCorrection: values.requiredCorrection,
        correctionDueOn: values.correctionDueOn,
      }),
    done: '通知书草稿已保存',
    onSaved: (notice) => onSaved(notice.id),
  };
}

export function closeMatterForm(matter: MatterView): FormSpec<MatterView> {
  return {
    title: '办结监督事项',
    fields: [
      { name: 'closedOn', label: '办结日期', kind: 'date' },
      { name: 'summary', label: '办结情况', kind: 'textarea' },
    ],
    initialValues: { closedOn: todayInShanghai(new Date()) },
    save: (values: Values) => closeMatter(matter.id, { closedOn: values.closedOn, summary: values.summary }),
    done: '监督事项已办结',
  };
}
