import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { AttachmentPicker, uploadEach } from '../../components/AttachmentUpload.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { CaseSelect } from '../cases/CaseSelect.tsx';
import { toIsoDay } from '../officers/form-dates.ts';
import { findUsers } from '../users/users.api.ts';
import { SUPERVISION_KEY } from './supervision.api.ts';
import { UnitSelect } from './UnitSelect.tsx';

/** One field of a supervision form; dates are DatePickers sent as 'YYYY-MM-DD'. */
export interface FormField {
  name: string;
  label: string;
  kind?:
    | 'text'
    | 'textarea'
    | 'number'
    | 'date'
    | 'select'
    | 'units'
    | 'supervisors'
    | 'switch'
    | 'case'
    | 'files';
  options?: ReadonlyArray<{ value: string | number; label: string }>;
  /** units offered by kind 'units' (a matter's own) */
  units?: ReadonlyArray<{ id: number; name: string }>;
  isOptional?: boolean;
  help?: ReactNode;
  maxLength?: number;
  rows?: number;
}

/** The files picked in the form's 'files' fields, uploaded after the record is saved. */
export type PickedFiles = Record<string, UploadFile[]>;

export interface FormSpec<R> {
  title: string;
  okText?: string;
  fields: FormField[];
  initialValues?: Record<string, unknown>;
  /** Saves the record from the form's values (dates as 'YYYY-MM-DD'); returns what uploads need. */
  save(values: Record<string, unknown>, files: PickedFiles): Promise<R>;
  /** Uploads the picked files to the saved record; returns the failures' messages. */
  upload?(record: R, files: PickedFiles): Promise<string[]>;
  done: string;
  onSaved?(record: R): void;
  /** the query-cache prefix the write invalidates (supervision's by default) */
  queryKey?: string;
}

/** The account list of active supervisors in the caller's county, for 第十四条's two on site. */
function SupervisorSelect(props: { value?: number[]; onChange?: (value: number[]) => void; id?: string }) {
  const supervisors = useQuery({
    queryKey: [SUPERVISION_KEY, 'supervisors'],
    queryFn: () => findUsers({ page: 1, pageSize: 100, role: 'supervisor', isActive: true }),
  });
  return (
    <Select<number[]>
      {...props}
      mode="multiple"
      loading={supervisors.isPending}
      placeholder="现场检查不少于 2 名监督人员"
      options={(supervisors.data?.items ?? []).map((user) => ({
        value: user.id,
        label: `${user.displayName}（${user.orgName}）`,
      }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

/** `supervisorIds.1` → `supervisorIds`: the server names the item, the form has one field. */
function toFormFields(error: unknown, names: ReadonlySet<string>): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((item) => {
    const head = item.field.split('.')[0] ?? item.field;
    return names.has(item.field) || !names.has(head) ? item : { ...item, field: head };
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

function control(field: FormField): ReactNode {
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea rows={field.rows ?? 4} maxLength={field.maxLength ?? 5000} />;
    case 'number':
      return <InputNumber min={0} max={999} precision={0} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'select':
      return (
        <Select
          options={field.options as Array<{ value: string; label: string }>}
          showSearch={{ optionFilterProp: 'label' }}
        />
      );
    case 'units':
      return <UnitSelect only={field.units} />;
    case 'supervisors':
      return <SupervisorSelect />;
    case 'switch':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'case':
      return <CaseSelect />;
    case 'files':
      return <AttachmentPicker />;
    default:
      return <Input maxLength={field.maxLength ?? 200} />;
  }
}

/**
 * One step of the supervision procedure as a form: the server's field errors show under their
 * fields; files are uploaded after the record is saved, and a file refused then is named.
 */
export function FormModal<R>({ spec, onClose }: { spec: FormSpec<R>; onClose(): void }) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isSaving, setSaving] = useState(false);
  const names = new Set(spec.fields.map((field) => field.name));
  const initialValues = Object.fromEntries(
    Object.entries(spec.initialValues ?? {}).map(([key, value]) => {
      const field = spec.fields.find((item) => item.name === key);
      return [key, field?.kind === 'date' && typeof value === 'string' ? dayjs(value) : value];
    }),
  );
  const submit = async (raw: Record<string, unknown>) => {
    const values: Record<string, unknown> = {};
    const files: PickedFiles = {};
    for (const field of spec.fields) {
      const value = raw[field.name];
      if (field.kind === 'files') files[field.name] = (value as UploadFile[] | undefined) ?? [];
      else if (field.kind === 'date') values[field.name] = toIsoDay(value as Dayjs | null);
      else if (typeof value === 'string') values[field.name] = value.trim();
      else values[field.name] = value ?? null;
    }
    setSaving(true);
    try {
      const record = await spec.save(values, files);
      const failures = spec.upload ? await spec.upload(record, files) : [];
      await queryClient.invalidateQueries({ queryKey: [spec.queryKey ?? SUPERVISION_KEY] });
      if (failures.length > 0)
        modal.warning({ title: `${spec.done}，但有附件未能上传`, content: failures.join('；') });
      else message.success(spec.done);
      onClose();
      spec.onSaved?.(record);
    } catch (error) {
      applyApiErrorToForm(form, toFormFields(error, names), message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={spec.title}
      okText={spec.okText ?? '确定'}
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={isPhone ? '100%' : 640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {spec.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            extra={field.help}
            valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
            rules={
              field.isOptional || field.kind === 'switch' || field.kind === 'files'
                ? []
                : [{ required: true, message: `请填写${field.label}` }]
            }
          >
            {control(field)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** uploadEach for the 'files' field of a form, to the path the record's kind takes. */
export function uploadPicked(files: PickedFiles, name: string, upload: (file: File) => Promise<unknown>) {
  return uploadEach(files[name] ?? [], upload);
}
