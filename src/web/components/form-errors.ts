import type { FormInstance } from 'antd';
import { ApiError } from '../app/api-client.ts';

/** zod's generic messages arrive as "sortOrder：数值过小…"; the form item already shows which field. */
function withoutFieldPrefix(field: string, message: string): string {
  return message.startsWith(`${field}：`) ? message.slice(field.length + 1) : message;
}

/**
 * Shows a failed submit on the form: VALIDATION_FAILED fields go under their form items; the
 * Chinese message of anything else (or of fields the form does not have) goes to `notify`.
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
  const formFields = new Set(Object.keys(form.getFieldsValue()));
  const placed = error.fields.filter((item) => formFields.has(item.field));
  if (placed.length > 0) {
    form.setFields(
      placed.map((item) => ({ name: item.field, errors: [withoutFieldPrefix(item.field, item.message)] })),
    );
  }
  if (placed.length === 0 || placed.length < error.fields.length) notify(error.message);
}
