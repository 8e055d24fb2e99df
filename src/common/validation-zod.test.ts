import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zIdNumber, zIsoDate, zMobile, zPhone, zUscc } from './validation-zod.ts';

/** The messages of a failed parse, or the parsed value. */
function parse(schema: z.ZodType, input: unknown): unknown {
  const result = schema.safeParse(input);
  return result.success
    ? { value: result.data }
    : { messages: result.error.issues.map((issue) => issue.message) };
}

const zIdNumberOnDate = zIdNumber(() => '2024-09-30');

describe('zod refinements', () => {
  it.each([
    ['zIsoDate', zIsoDate, ' 2024-02-29 ', { value: '2024-02-29' }],
    ['zIsoDate', zIsoDate, '2023-02-29', { messages: ['日期格式应为YYYY-MM-DD，且须为有效日期'] }],
    ['zIdNumber', zIdNumberOnDate, '11010519491231002x', { value: '11010519491231002X' }],
    [
      'zIdNumber',
      zIdNumberOnDate,
      '110105202410010016',
      { messages: ['身份证号码中的出生日期晚于当前日期'] },
    ],
    ['zIdNumber', zIdNumberOnDate, '11010519491231002', { messages: ['身份证号码应为18位'] }],
    ['zUscc', zUscc, '91440300708461136t', { value: '91440300708461136T' }],
    ['zUscc', zUscc, '91440300708461136U', { messages: ['统一社会信用代码校验位错误'] }],
    ['zMobile', zMobile, '+86 138-1234-5678', { value: '13812345678' }],
    ['zMobile', zMobile, '010-12345678', { messages: ['手机号码应为以1开头的11位数字'] }],
    ['zPhone', zPhone, '(0571)87654321转8', { value: '0571-87654321-8' }],
    ['zPhone', zPhone, '13812345678', { value: '13812345678' }],
    ['zPhone', zPhone, '', { messages: ['电话号码不能为空'] }],
    ['zUscc', zUscc, undefined, { messages: ['此项为必填项'] }],
    ['zMobile', zMobile, 13812345678, { messages: ['应为文本'] }],
  ])('%s(%j)', (_name, schema, input, expected) => {
    expect(parse(schema, input)).toEqual(expected);
  });

  it('uses the current Shanghai date by default', () => {
    expect(zIdNumber().safeParse('11010519491231002X').success).toBe(true);
  });

  it('reports the field path inside an object', () => {
    const schema = z.object({ contact: z.object({ mobile: zMobile }) });
    const result = schema.safeParse({ contact: { mobile: '123' } });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['contact.mobile', '手机号码应为以1开头的11位数字'],
    ]);
  });

  it('stays a plain string in JSON Schema', () => {
    expect(z.toJSONSchema(zPhone)).toMatchObject({ type: 'string' });
    expect(z.toJSONSchema(zIdNumber())).toMatchObject({ type: 'string' });
  });
});
