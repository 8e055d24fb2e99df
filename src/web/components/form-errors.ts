import type { FormInstance } from 'antd';
import { ApiError } from '../app/api-client.ts';

type NamePath = Array<string | number>;

/** zod's generic messages arrive as "sortOrder：数值过小…"; the form item already shows which field. */
function withoutFieldPrefix(field: string, message: string): string {
  const prefix = `${field}：`;
  const at = message.indexOf(prefix);
  return at >= 0 ? message.slice(at + prefix.length) : message;
}

/** The name paths of the form's registered items (Form.Item name=…, Form.List children). */
function registeredNames(form: FormInstance): string[] {
  const names: string[] = [];
  form.getFieldsValue(true, (meta) => {
    if (meta) names.push(meta.name.join('.'));
    return false;
  });
  return names;
}

const toNamePath = (key: string): NamePath =>
  key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * THE way a form shows a failed submit (issue 19): each VALIDATION_FAILED field goes under the
 * form item it belongs to — 'parties.0.idNumber' under that party's item, 'handlerIds.1' under
 * 执法人 (the longest registered prefix) — and the Chinese message of anything else, or of
 * fields the form does not have, goes to `notify` (a toast).
 */
export function applyApiErrorToForm(
  form: FormInstance,
  error: unknown,
  notify: (message: string) => void,
): void {
  if (!(error instanceof ApiError)) {
    notify('操作失败，请稍后重试');
    return;
  }
  const names = new Set(registeredNames(form));
  const placed = new Map<string, string[]>();
  for (const item of error.fields) {
    const parts = item.field.split('.');
    let at = parts.length;
    while (at > 0 && !names.has(parts.slice(0, at).join('.'))) at -= 1;
    if (at === 0) continue;
    const key = parts.slice(0, at).join('.');
    placed.set(key, [...(placed.get(key) ?? []), withoutFieldPrefix(item.field, item.message)]);
  }
  if (placed.size > 0)
    form.setFields([...placed].map(([key, errors]) => ({ name: toNamePath(key) as never, errors })));
  const placedCount = [...placed.values()].reduce((sum, errors) => sum + errors.length, 0);
  if (placedCount === 0 || placedCount < error.fields.length) notify(error.message);
}
