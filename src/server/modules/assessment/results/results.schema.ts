import { z } from 'zod';
import { zText } from '../../../../common/validation-zod.ts';

export const WhatIfBody = z.object({
  params: z.record(zText(), z.union([z.number(), zText()])).optional(),
  scheme: z.unknown().optional(),
});

export const RollUpQuery = z.object({
  schemeId: zText().min(1, '请选择考核方案'),
  target: zText().min(4, '请填写汇总周期'),
});
