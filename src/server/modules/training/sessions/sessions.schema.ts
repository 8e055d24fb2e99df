import { z } from 'zod';
import {
  TRAINING_CONTENT_CATEGORIES,
  TRAINING_DELIVERIES,
  TRAINING_KINDS,
  TRAINING_ORGANISER_KINDS,
  TRAINING_SESSION_STATUSES,
} from '../../../../common/training.ts';
import { zId, zIdParam, zIsoDate, zText } from '../../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../../lib/paging.ts';
import { Hours } from '../../officers/training/training.schema.ts';
import { TrainingYear } from '../plans/plans.schema.ts';

const optionalText = (max: number, label: string) =>
  zText()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullable()
    .optional()
    .transform((value) => value || null);

/** A session as its organiser plans it (第六条 方式, 第七条 类别, 第五条 内容, 课程、教材、学时). */
export const SessionBody = z.object({
  orgId: zId('请选择举办单位', '请选择举办单位'),
  kind: z.enum(TRAINING_KINDS, { error: '请选择培训类别' }),
  delivery: z.enum(TRAINING_DELIVERIES, { error: '请选择培训方式（网络授课、集中授课或自学）' }),
  contentCategory: z.enum(TRAINING_CONTENT_CATEGORIES, { error: '请选择培训内容类别' }),
  course: zText({ error: '请填写课程名称' })
    .trim()
    .min(1, '请填写课程名称')
    .max(200, '课程名称不能超过 200 个字符'),
  material: optionalText(200, '教材'),
  hours: Hours,
  heldOn: zIsoDate,
  place: optionalText(100, '地点'),
  planItemId: zId('计划事项无效').nullable().optional(),
  /** 第八条 考核: attendees get a score when the session finishes */
  isGraded: z.boolean({ error: '是否考核应为是或否' }).default(false),
});
export type SessionBody = z.infer<typeof SessionBody>;

export const AttendeesBody = z.object({
  officerIds: z
    .array(zId('执法人员编号无效'), { error: '请选择参训人员' })
    .min(1, '请选择参训人员')
    .max(500, '一次最多添加 500 人'),
});

/** 第八条 考核: one result per attendee of a graded session. */
export const FinishBody = z.object({
  results: z
    .array(
      z.object({
        officerId: zId('执法人员编号无效'),
        score: z.coerce
          .number({ error: '成绩应为数字' })
          .min(0, '成绩应在 0–100 之间')
          .max(100, '成绩应在 0–100 之间')
          .nullable()
          .optional(),
        passed: z.boolean({ error: '是否合格应为是或否' }).nullable().optional(),
      }),
    )
    .max(2000, '参训人员过多')
    .default([]),
});
export type FinishBody = z.infer<typeof FinishBody>;

export const AttendeeView = z.object({
  officerId: z.number(),
  name: zText(),
  orgName: zText(),
  certificateNumber: zText().nullable(),
  /** after finishing: the record written to the officer's archive */
  trainingId: z.number().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
});

export const SessionView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: zText(),
  organiserKind: z.enum(TRAINING_ORGANISER_KINDS),
  organiserKindLabel: zText(),
  kind: z.enum(TRAINING_KINDS),
  kindLabel: zText(),
  delivery: z.enum(TRAINING_DELIVERIES),
  deliveryLabel: zText(),
  contentCategory: z.enum(TRAINING_CONTENT_CATEGORIES),
  contentCategoryLabel: zText(),
  course: zText(),
  material: zText().nullable(),
  hours: z.number(),
  heldOn: zText(),
  place: zText().nullable(),
  planItemId: z.number().nullable(),
  planItemLabel: zText().nullable(),
  isGraded: z.boolean(),
  status: z.enum(TRAINING_SESSION_STATUSES),
  statusLabel: zText(),
  attendeeCount: z.number(),
  noticeNumber: zText().nullable(),
  noticeIssuedOn: zText().nullable(),
  abilities: z.object({
    canEdit: z.boolean(),
    canFinish: z.boolean(),
    canIssueNotice: z.boolean(),
  }),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionDetail = SessionView.extend({
  /** the attendees the reader may see (their scope, or themselves) */
  attendees: z.array(AttendeeView),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const SessionListQuery = PagingQuery.extend({
  keyword: Keyword,
  year: TrainingYear.optional(),
  orgId: zIdParam().optional(),
  kind: z.enum(TRAINING_KINDS, { error: '培训类别无效' }).optional(),
  delivery: z.enum(TRAINING_DELIVERIES, { error: '培训方式无效' }).optional(),
  status: z.enum(TRAINING_SESSION_STATUSES, { error: '状态无效' }).optional(),
});
export type SessionListQuery = z.infer<typeof SessionListQuery>;
export const SessionPage = pageOf(SessionView).extend({ canCreate: z.boolean() });
