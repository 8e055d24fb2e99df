import { todayInShanghai } from '../../../../common/format.ts';
import type { FormSpec } from '../../supervision/FormModal.tsx';
import {
  COORDINATION_KEY,
  createMajorMatter,
  editPeriodicCircular,
  generatePeriodicCircular,
  type MajorMatterView,
  type PeriodicCircularView,
  recordMajorMatterMeeting,
  resolveMajorMatter,
} from '../coordination.api.ts';

// The forms of the major-matters log and the periodic circular (第九条), as data for FormModal.
// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;
const today = () => todayInShanghai(new Date());

export function majorMatterForm(): FormSpec<MajorMatterView> {
  return {
    title: '登记重大疑难事项（第九条）',
    fields: [
      { name: 'title', label: '事项名称', maxLength: 200 },
      { name: 'description', label: '事项情况', kind: 'textarea', rows: 5, maxLength: 4000 },
      { name: 'orgId', label: '涉及单位', kind: 'units', isOptional: true },
      { name: 'raisedOn', label: '提出日期', kind: 'date' },
    ],
    initialValues: { raisedOn: today() },
    save: (values: Values) =>
      createMajorMatter({
        title: values.title,
        description: values.description,
        orgId: values.orgId ?? null,
        raisedOn: values.raisedOn,
      }),
    done: '重大疑难事项已登记',
    queryKey: COORDINATION_KEY,
  };
}

export function meetingForm(matter: MajorMatterView): FormSpec<MajorMatterView> {
  return {
    title: `记录研究会议：${matter.title}`,
    fields: [
      { name: 'heldOn', label: '会议日期', kind: 'date' },
      { name: 'attendees', label: '参会人员', kind: 'textarea', rows: 2, maxLength: 1000 },
      { name: 'minutes', label: '会议记录', kind: 'textarea', rows: 8, maxLength: 8000 },
    ],
    initialValues: { heldOn: today() },
    save: (values: Values) =>
      recordMajorMatterMeeting(matter.id, {
        heldOn: values.heldOn,
        attendees: values.attendees,
        minutes: values.minutes,
      }),
    done: '研究会议已记录',
    queryKey: COORDINATION_KEY,
  };
}

export function resolveForm(matter: MajorMatterView): FormSpec<MajorMatterView> {
  return {
    title: `登记协调处理结果：${matter.title}`,
    okText: '办结',
    fields: [{ name: 'resolution', label: '协调处理结果', kind: 'textarea', rows: 6, maxLength: 4000 }],
    save: (values: Values) => resolveMajorMatter(matter.id, values.resolution),
    done: '协调处理结果已登记',
    queryKey: COORDINATION_KEY,
  };
}

/** 定期通报: a draft generated from the period's cases, disputes, joint actions, matters, liaison. */
export function generateCircularForm(): FormSpec<PeriodicCircularView> {
  const now = today();
  const quarterStart = `${now.slice(0, 5)}${String(Math.floor((Number(now.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return {
    title: '生成定期通报草稿',
    okText: '生成',
    fields: [
      { name: 'periodFrom', label: '通报期间自', kind: 'date' },
      {
        name: 'periodTo',
        label: '通报期间至',
        kind: 'date',
        help: '按期间汇总案件、协调争议、联合执法、重大事项和工作衔接，生成后可修改再送签',
      },
    ],
    initialValues: { periodFrom: quarterStart, periodTo: now },
    save: (values: Values) =>
      generatePeriodicCircular({ periodFrom: values.periodFrom, periodTo: values.periodTo }),
    done: '定期通报草稿已生成',
    queryKey: COORDINATION_KEY,
  };
}

export function editCircularForm(circular: PeriodicCircularView): FormSpec<PeriodicCircularView> {
  return {
    title: '修改定期通报草稿',
    okText: '保存草稿',
    fields: [
      { name: 'title', label: '标题', maxLength: 200 },
      {
        name: 'body',
        label: '正文（每行一段；以“一、”开头的行为小标题）',
        kind: 'textarea',
        rows: 16,
        maxLength: 20000,
      },
    ],
    initialValues: { title: circular.title, body: circular.body },
    save: (values: Values) => editPeriodicCircular(circular.id, { title: values.title, body: values.body }),
    done: '定期通报草稿已保存',
    queryKey: COORDINATION_KEY,
  };
}
