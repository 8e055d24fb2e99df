import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { disabledDateOf } from '../../../components/date-rules.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { WORK_LOG_KIND_OPTIONS } from '../officer-labels.ts';
import { createWorkLog, findOfficers, OFFICERS_KEY, updateWorkLog, WORK_LOGS_KEY } from '../officers.api.ts';
import type { WorkLog, WorkLogKind } from '../officers.types.ts';
import { WORK_LOG_WRITE_ROLES } from '../officers-access.ts';
import { periodText, WorkLogList } from './WorkLogList.tsx';

interface EntryValues {
  day?: Dayjs;
  week?: Dayjs;
  range?: [Dayjs, Dayjs];
  content: string;
}

const CONTENT_MAX = 5000;

/** The period an entry covers: the day, the Monday–Sunday week, or the chosen range. */
function periodOf(kind: WorkLogKind, values: EntryValues): [string, string] {
  if (kind === 'daily') {
    const day = values.day!.format('YYYY-MM-DD');
    return [day, day];
  }
  if (kind === 'weekly') {
    const monday = values.week!.startOf('week');
    return [monday.format('YYYY-MM-DD'), monday.add(6, 'day').format('YYYY-MM-DD')];
  }
  return [values.range![0].format('YYYY-MM-DD'), values.range![1].format('YYYY-MM-DD')];
}

/** The signed-in officer writes a 日记实, 周记实 or 小结自评 (phone first: one column, big input). */
function WorkLogEntryForm() {
  const [form] = Form.useForm<EntryValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<WorkLogKind>('daily');
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: EntryValues) => {
    setSaving(true);
    const [periodStart, periodEnd] = periodOf(kind, values);
    try {
      await createWorkLog({ kind, periodStart, periodEnd, content: values.content.trim() });
      message.success('工作记实已保存');
      form.setFieldValue('content', '');
      await queryClient.invalidateQueries({ queryKey: [WORK_LOGS_KEY] });
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  const placeholder =
    kind === 'self_evaluation'
      ? '对本阶段履行执法职责、办理案件、学习培训等情况进行小结，并作出自我评价'
      : '记录当天（本周）的执法检查、案件办理、学习培训等工作情况';
  return (
    <Card title="填写工作记实" size="small" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ day: dayjs(), week: dayjs(), range: [dayjs().startOf('month'), dayjs()] }}
        onFinish={submit}
      >
        <Form.Item label="类型">
          <Segmented<WorkLogKind> block options={WORK_LOG_KIND_OPTIONS} value={kind} onChange={setKind} />
        </Form.Item>
        {kind === 'daily' && (
          <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={disabledDateOf(DATE_RULES.workLogPeriodStart)}
            />
          </Form.Item>
        )}
        {kind === 'weekly' && (
          <Form.Item name="week" label="周次" rules={[{ required: true, message: '请选择周次' }]}>
            <DatePicker
              picker="week"
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={disabledDateOf(DATE_RULES.workLogPeriodStart)}
            />
          </Form.Item>
        )}
        {kind === 'self_evaluation' && (
          <Form.Item name="range" label="自评期间" rules={[{ required: true, message: '请选择自评期间' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label="记实内容"
          rules={[{ required: true, whitespace: true, message: '请填写记实内容' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 14 }}
            maxLength={CONTENT_MAX}
            showCount
            placeholder={placeholder}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving} block size="large">
          保存记实
        </Button>
      </Form>
    </Card>
  );
}

/** 修改 an own entry's text (the period and kind stay). */
function EditLogModal({ log, onClose }: { log: WorkLog; onClose: () => void }) {
  const [form] = Form.useForm<{ content: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async ({ content }: { content: string }) => {
    setSaving(true);
    try {
      await updateWorkLog(log.id, content.trim());
      message.success('已修改');
      await queryClient.invalidateQueries({ queryKey: [WORK_LOGS_KEY] });
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, message.error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`修改${log.kindLabel} · ${periodText(log)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ content: log.content }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item name="content" rules={[{ required: true, whitespace: true, message: '请填写记实内容' }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={CONTENT_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Pick one officer in scope by name, for readers. */
function OfficerPicker({ value, onChange }: { value?: number; onChange: (id: number | undefined) => void }) {
  const [keyword, setKeyword] = useState('');
  const officers = useQuery({
    queryKey: [OFFICERS_KEY, 'picker', keyword],
    queryFn: () => findOfficers({ page: 1, pageSize: 30, keyword: keyword || undefined }),
  });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      allowClear
      placeholder="选择执法人员"
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      loading={officers.isFetching}
      options={(officers.data?.items ?? []).map((officer) => ({
        value: officer.id,
        label: `${officer.name}（${officer.orgName}）`,
      }))}
      notFoundContent={officers.isFetching ? '正在查找…' : '没有匹配的执法人员'}
      style={{ width: 280, maxWidth: '100%' }}
      aria-label="选择执法人员"
    />
  );
}

/** 工作记实: officers write and review their own; legal officers and leaders read per officer and period. */
export default function WorkLogsPage() {
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const isWriter = hasAnyRole(user.roles, WORK_LOG_WRITE_ROLES);
  const isReader = user.roles.some((role) => ['admin', 'legal_officer', 'leader'].includes(role));
  const [editing, setEditing] = useState<WorkLog | null>(null);
  const [officerId, setOfficerId] = useState<number | undefined>();
  const [orgId, setOrgId] = useState<number | undefined>();

  return (
    <>
      <PageHeader
        title="工作记实"
        description={
          isWriter
            ? '每天或每周记录工作情况，阶段性进行小结自评，作为平时考核的依据。'
            : '按人员、期间查阅执法人员的工作记实和小结自评。'
        }
      />
      {isWriter && (
        <>
          <WorkLogEntryForm />
          <Card title="我的记实" size="small" style={{ marginBottom: 16 }}>
            <WorkLogList
              renderActions={(log) => (
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(log)}>
                  修改
                </Button>
              )}
            />
          </Card>
        </>
      )}
      {isReader && (
        <Card
          title="查阅记实"
          size="small"
          styles={{ body: isPhone ? { padding: 12 } : undefined }}
          extra={null}
        >
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
            <OfficerPicker value={officerId} onChange={setOfficerId} />
            <OrgTreeSelect
              allowClear
              placeholder="按单位筛选"
              value={orgId}
              onChange={setOrgId}
              style={{ width: 280, maxWidth: '100%' }}
            />
          </div>
          <WorkLogList key={`${officerId}-${orgId}`} officerId={officerId} orgId={orgId} showOfficer />
        </Card>
      )}
      {editing && <EditLogModal log={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
