import { z } from 'zod';
import { CHECK_KINDS, CHECK_METHODS } from '../../../../common/units.ts';
import { zId, zIsoDate, zText } from '../../../../common/validation-zod.ts';

export const CheckDeduction = z.object({
  item: zText({ error: '请选择考核项目' }).trim().min(1, '请选择考核项目').max(200, '考核项目编号过长'),
  count: z.number({ error: '次数应为整数' }).int('次数应为整数').min(1, '次数至少为 1').max(1000).optional(),
  note: zText().trim().max(2000, '说明不能超过 2000 个字符').optional(),
});

export const CheckBody = z.object({
  year: z
    .number({ error: '请选择考核年度' })
    .int('考核年度应为整数')
    .min(2000, '考核年度应在 2000 至 2100 之间')
    .max(2100, '考核年度应在 2000 至 2100 之间'),
  kind: z.enum(CHECK_KINDS, { error: '请选择年终考核或抽查' }),
  checkedOn: zIsoDate,
  checkers: zText({ error: '请填写考核人员' })
    .trim()
    .min(1, '请填写考核人员')
    .max(500, '考核人员不能超过 500 个字符'),
  methods: z
    .array(z.enum(CHECK_METHODS, { error: '考核方法应为听取汇报、查阅文件、会议记录、执法案卷或网上核查' }), {
      error: '请选择考核方法',
    })
    .min(1, '请至少选择一种考核方法')
    .max(CHECK_METHODS.length),
  findings: zText({ error: '请填写发现的问题或考核情况' })
    .trim()
    .min(1, '请填写发现的问题或考核情况')
    .max(8000, '考核情况不能超过 8000 个字符'),
  /** the period the deductions are recorded in (the unit must be one of its subjects) */
  periodId: zId('考核周期编号无效').optional(),
  deductions: z.array(CheckDeduction).max(50, '一次最多记录 50 项').optional(),
});
export type CheckBody = z.infer<typeof CheckBody>;

export const CheckView = z.object({
  id: z.number(),
  unitOrgId: z.number(),
  unitName: zText(),
  year: z.number(),
  kind: z.enum(CHECK_KINDS),
  kindLabel: zText(),
  checkedOn: zText(),
  checkers: zText(),
  methods: z.array(z.enum(CHECK_METHODS)),
  methodLabels: z.array(zText()),
  findings: zText(),
  periodId: z.number().nullable(),
  recordIds: z.array(z.number()),
  createdByName: zText(),
});
export type CheckView = z.infer<typeof CheckView>;
export const CheckList = z.object({ items: z.array(CheckView) });

export const CheckItemList = z.object({
  items: z.array(z.object({ id: zText(), label: zText(), clause: zText().nullable() })),
});
