import { todayInShanghai } from '../../../common/format.ts';
import type { FormSpec } from './FormModal.tsx';
import { uploadPicked } from './FormModal.tsx';
import { noticeFields } from './matter-forms.ts';
import {
  type NoticeView,
  reportOnNotice,
  reviewNoticeReport,
  serveNotice,
  updateNotice,
  uploadSupervisionAttachment,
  withdrawNotice,
} from './supervision.api.ts';
import { SERVICE_MANNER_OPTIONS } from './supervision-labels.ts';

// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;

export function serveForm(notice: NoticeView): FormSpec<NoticeView> {
  return {
    title: `登记送达 ${notice.number ?? ''}`,
    fields: [
      {
        name: 'servedOn',
        label: '送达日期',
        kind: 'date',
        help: '被监督单位自收到之日起 30 日（日历日）内书面报告落实情况（第十五条）',
      },
      { name: 'manner', label: '送达方式', kind: 'select', options: SERVICE_MANNER_OPTIONS },
      { name: 'receiver', label: '受送达人（签收人）', maxLength: 50 },
    ],
    initialValues: { servedOn: todayInShanghai(new Date()), manner: '直接送达' },
    save: (values: Values) =>
      serveNotice(notice.id, { servedOn: values.servedOn, manner: values.manner, receiver: values.receiver }),
    done: '送达已登记',
  };
}

/** The unit's written report; its files go to the report the server has just created (the last). */
export function reportForm(notice: NoticeView): FormSpec<NoticeView> {
  return {
    title: '书面报告落实情况（第十五条）',
    okText: '提交报告',
    fields: [
      { name: 'content', label: '落实情况书面报告', kind: 'textarea', rows: 8 },
      { name: 'files', label: '附件（整改材料、照片等）', kind: 'files', isOptional: true },
    ],
    save: (values: Values) => reportOnNotice(notice.id, values.content),
    upload: (saved, files) => {
      const report = saved.rectifications.at(-1);
      return report
        ? uploadPicked(files, 'files', (file) =>
            uploadSupervisionAttachment('rectifications', report.id, file),
          )
        : Promise.resolve([]);
    },
    done: '落实情况报告已提交',
  };
}

export function returnReportForm(notice: NoticeView): FormSpec<NoticeView> {
  return {
    title: '退回落实情况报告',
    okText: '退回重报',
    fields: [{ name: 'reason', label: '退回理由', kind: 'textarea', maxLength: 2000 }],
    save: (values: Values) => reviewNoticeReport(notice.id, { accept: false, reason: values.reason }),
    done: '报告已退回，被监督单位须重新报告',
  };
}

export function withdrawForm(notice: NoticeView): FormSpec<NoticeView> {
  return {
    title: `撤回通知书 ${notice.number ?? ''}`,
    okText: '撤回',
    fields: [
      {
        name: 'reason',
        label: '撤回理由',
        kind: 'textarea',
        maxLength: 2000,
        help: '已签发的通知书不能修改，只能撤回；文号不再使用。',
      },
    ],
    save: (values: Values) => withdrawNotice(notice.id, values.reason),
    done: '通知书已撤回',
  };
}

/** 修改通知书草稿: a draft (or one a leader returned) is edited until it is submitted again. */
export function editNoticeForm(notice: NoticeView): FormSpec<NoticeView> {
  return {
    title: '修改通知书草稿',
    okText: '保存草稿',
    fields: noticeFields([notice.unit]),
    initialValues: {
      unitId: notice.unit.id,
      facts: notice.facts,
      reasons: notice.reasons,
      legalBasis: notice.legalBasis,
      requiredCorrection: notice.requiredCorrection,
      correctionDueOn: notice.correctionDueOn,
    },
    save: (values: Values) =>
      updateNotice(notice.id, {
        facts: values.facts,
        reasons: values.reasons,
        legalBasis: values.legalBasis,
        requiredCorrection: values.requiredCorrection,
        correctionDueOn: values.correctionDueOn,
      }),
    done: '通知书草稿已修改',
  };
}
