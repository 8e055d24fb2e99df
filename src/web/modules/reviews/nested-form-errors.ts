import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api-client.ts';

/**
 * Like applyApiErrorToForm, for forms with nested names: the server's field `params.count` or
 * `items.3.reason` goes under the form item named ['params', 'count'] / ['items', 3, 'reason'];
 * a field the form does not show (or a parent like `params`) is told by `notify`.
 */
export function applyNestedApiErrors(
  form: FormInstance,
  error: unknown,
  notify: (message: string) => void,
): void {
  if (!(error instanceof ApiError)) {
    notify('操作失败，请稍后重试');
    return;
  }
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const placed: Array<{ name: (string | number)[]; errors: string[] }> = [];
  for (const item of error.fields) {
    const name = item.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    let cursor: unknown = values;
    for (const part of name) cursor = (cursor as Record<string | number, unknown> | undefined)?.[part];
    const isLeaf = cursor === undefined || cursor === null || typeof cursor !== 'object';
    const prefix = `${item.field}：`;
    const at = item.message.indexOf(prefix);
    const text = at >= 0 ? item.message.slice(at + prefix.length) : item.message;
    if (String(name[0]) in values && isLeaf) placed.push({ name, errors: [text] });
  }
  if (placed.length > 0) form.setFields(placed);
  if (placed.length === 0 || placed.length < error.fields.length) notify(error.message);
}
