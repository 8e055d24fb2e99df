import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-client.ts';
import { applyApiErrorToForm } from './form-errors.ts';

/** A form with these registered items; records what setFields received. */
function fakeForm(names: Array<Array<string | number>>) {
  const set: Array<{ name: unknown; errors: string[] }> = [];
  const form = {
    getFieldsValue: (_all: true, filter: (meta: { name: Array<string | number> }) => boolean) => {
      for (const name of names) filter({ name });
      return {};
    },
    setFields: (fields: Array<{ name: unknown; errors: string[] }>) => set.push(...fields),
  } as unknown as FormInstance;
  return { form, set };
}

const invalid = (fields: Array<{ field: string; message: string }>) =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    `输入有误：${fields.map((item) => item.message).join('；')}`,
    fields,
  );

describe('applyApiErrorToForm: server errors at their fields (issue 19)', () => {
  it('puts each field error under its item, nested ones under the longest registered prefix', () => {
    const { form, set } = fakeForm([['receivedOn'], ['handlerIds'], ['parties', 0, 'idNumber']]);
    const toasts: string[] = [];
    applyApiErrorToForm(
      form,
      invalid([
        { field: 'receivedOn', message: '收到日期不能晚于今天' },
        { field: 'handlerIds.1', message: '李二：执法证已过期' },
        { field: 'parties.0.idNumber', message: 'parties.0.idNumber：校验位错误' },
      ]),
      (text) => toasts.push(text),
    );
    expect(set).toEqual([
      { name: ['receivedOn'], errors: ['收到日期不能晚于今天'] },
      { name: ['handlerIds'], errors: ['李二：执法证已过期'] },
      { name: ['parties', 0, 'idNumber'], errors: ['校验位错误'] },
    ]);
    expect(toasts).toEqual([]);
  });

  it('a field the form lacks, or an error without fields, is a toast', () => {
    const { form, set } = fakeForm([['name']]);
    const toasts: string[] = [];
    applyApiErrorToForm(form, invalid([{ field: 'orgId', message: '单位无效' }]), (text) =>
      toasts.push(text),
    );
    applyApiErrorToForm(form, new ApiError(409, 'CONFLICT', '案号已被登记'), (text) => toasts.push(text));
    applyApiErrorToForm(form, new Error('network'), (text) => toasts.push(text));
    expect(set).toEqual([]);
    expect(toasts).toEqual(['输入有误：单位无效', '案号已被登记', '操作失败，请稍后重试']);
  });
});
