import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DATE_RULES } from '../../../../common/date-rules.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { api, errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { dateRuleItem, disabledDateOf } from '../../../components/date-rules.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { optionalText, toIsoDay } from '../form-dates.ts';
import { TRAINING_KIND_OPTIONS } from '../officer-labels.ts';
import {
  COMPLIANCE_KEY,
  createTraining,
  deleteTraining,
  findTrainings,
  TRAININGS_KEY,
  updateTraining,
} from '../officers.api.ts';
import type { Officer, Training, TrainingKind } from '../officers.types.ts';
import { SelfStudyModal } from './SelfStudyModal.tsx';

/** 第八条 考核 as ability evidence: “86 分 · 合格”, else the typed-in result, else —. */
export function trainingResultText(training: Training): string {
  const parts = [
    training.score === null ? null : `${training.score} 分`,
    training.passed === null ? null : training.passed ? '合格' : '不合格',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : (training.result ?? '—');
}

/** Where a record came from: the session that wrote it, a self-study platform, or typed in. */
function TrainingSource({ training }: { training: Training }) {
  if (training.sessionId)
    return (
      <Link to={`/training/sessions/${training.sessionId}`} style={{ marginLeft: 6, fontSize: 12 }}>
        {training.deliveryLabel ?? '培训班'}
      </Link>
    );
  if (training.isSelfReported)
    return (
      <Tag color="purple" style={{ marginLeft: 6 }}>
        自学
      </Tag>
    );
  return null;
}

/** Default yearly minimum when the county has not set one: none (seed 001 培训制度 sets no hours). */
const DEFAULT_MIN_HOURS = 0;

/** Years offered in the year picker: this one and the four before it. */
export function recentYears(count = 5): { value: number; label: string }[] {
  const thisYear = dayjs().year();
  return Array.from({ length: count }, (_, index) => ({
    value: thisYear - index,
    label: `${thisYear - index}年`,
  }));
}

interface Values {
  heldOn: Dayjs;
  hours: number;
  content: string;
  kind: TrainingKind;
  organiser: string;
  isBureauOrganised: boolean;
  result?: string;
}

/** 登记培训 for one officer, or 修改培训记录 when given the record to correct. */
function TrainingFormModal({
  officerId,
  training,
  onClose,
}: {
  officerId: number;
  training?: Training | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const input = {
        heldOn: toIsoDay(values.heldOn)!,
        hours: values.hours,
        content: values.content.trim(),
        kind: values.kind,
        organiser: values.organiser.trim(),
        isBureauOrganised: values.isBureauOrganised,
        result: optionalText(values.result),
      };
      if (training) await updateTraining(training.id, input);
      else await createTraining(officerId, input);
      message.success(training ? '培训记录已修改' : '培训记录已登记');
      await queryClient.invalidateQueries({ queryKey: [TRAININGS_KEY] });
      await queryClient.invalidateQueries({ queryKey: [COMPLIANCE_KEY] });
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
      title={training ? '修改培训记录' : '登记培训'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={training ? '保存' : '登记'}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          training
            ? {
                heldOn: dayjs(training.heldOn),
                hours: training.hours,
                content: training.content,
                kind: training.kind,
                organiser: training.organiser,
                isBureauOrganised: training.isBureauOrganised,
                result: training.result ?? undefined,
              }
            : { heldOn: dayjs(), kind: 'post', isBureauOrganised: false }
        }
        onFinish={submit}
        preserve={false}
      >
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item
            name="heldOn"
            label="培训日期"
            rules={[
              { required: true, message: '请选择培训日期' },
              ...dateRuleItem(DATE_RULES.trainingHeldOn).rules,
            ]}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={disabledDateOf(DATE_RULES.trainingHeldOn)} />
          </Form.Item>
          <Form.Item
            name="hours"
            label="学时"
            rules={[{ required: true, message: '请填写学时' }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={0.1} max={1000} step={0.5} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="content"
          label="培训内容"
          rules={[{ required: true, whitespace: true, message: '请填写培训内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="kind" label="培训类别" rules={[{ required: true, message: '请选择培训类别' }]}>
          <Select options={TRAINING_KIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="organiser"
          label="举办单位"
          rules={[{ required: true, whitespace: true, message: '请填写举办单位' }]}
        >
          <Input
            maxLength={100}
            placeholder="如：博湖县司法局"
            onChange={(event) => {
              if (event.target.value.includes('司法局')) form.setFieldValue('isBureauOrganised', true);
            }}
          />
        </Form.Item>
        <Form.Item name="isBureauOrganised" valuePropName="checked">
          <Checkbox>县司法局组织的培训</Checkbox>
        </Form.Item>
        <Form.Item name="result" label="成绩">
          <Input maxLength={50} placeholder="选填，如：合格、92 分" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 培训记录 tab: the year's records, hours against the minimum and the bureau-training check. */
export function TrainingTab({ officer, canWrite }: { officer: Officer; canWrite: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [year, setYear] = useState(() => dayjs().year());
  const [isAdding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Training>();
  const [isLoggingSelfStudy, setLoggingSelfStudy] = useState(false);
  const user = useCurrentUser();
  // 第七条(一)(三): an officer logs their own online learning on their own archive
  const canLogSelfStudy =
    officer.userId === user.id && hasAnyRole(user.roles, rolesWith('training.self_study'));
  const trainings = useQuery({
    queryKey: [TRAININGS_KEY, { officerId: officer.id, year }],
    queryFn: () => findTrainings({ officerId: officer.id, year, page: 1, pageSize: 200 }),
  });
  const requirement = useQuery({
    queryKey: [TRAININGS_KEY, 'requirement'],
    queryFn: () => api.get<{ minHours: number }>('/trainings/requirement'),
  });
  const minHours = requirement.data?.minHours ?? DEFAULT_MIN_HOURS;

  const remove = async (training: Training) => {
    try {
      await deleteTraining(training.id);
      message.success('培训记录已删除');
      await queryClient.invalidateQueries({ queryKey: [TRAININGS_KEY] });
      await queryClient.invalidateQueries({ queryKey: [COMPLIANCE_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const toolbar = (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        gap: 12,
        marginBottom: 12,
        flexWrap: 'wrap',
      }}
    >
      <Select
        value={year}
        options={recentYears()}
        onChange={setYear}
        style={{ width: 120 }}
        aria-label="年度"
      />
      <Space>
        {canLogSelfStudy && (
          <Button icon={<PlusOutlined />} onClick={() => setLoggingSelfStudy(true)}>
            登记自学
          </Button>
        )}
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记培训
          </Button>
        )}
      </Space>
    </div>
  );

  let body: React.ReactNode;
  if (trainings.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (trainings.isError)
    body = <ErrorState error={trainings.error} onRetry={() => trainings.refetch()} />;
  else {
    const items = trainings.data.items;
    // Sum in tenths: hours carry one decimal and must add exactly.
    const hours = items.reduce((sum, training) => sum + Math.round(training.hours * 10), 0) / 10;
    const hasBureauTraining = items.some((training) => training.isBureauOrganised);
    const isCompliant = hours >= minHours && hasBureauTraining;
    const shortfalls = [
      ...(hours < minHours
        ? [`学时不足（差 ${(Math.round((minHours - hours) * 10) / 10).toString()} 学时）`]
        : []),
      ...(hasBureauTraining ? [] : ['本年度未参加县司法局组织的培训']),
    ];
    body = (
      <>
        <Alert
          type={isCompliant ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <div>
              <div>
                {year}年累计 <Typography.Text strong>{hours}</Typography.Text> 学时，最低要求 {minHours}{' '}
                学时； 县司法局组织的培训 {items.filter((training) => training.isBureauOrganised).length} 次。
                {isCompliant ? '已达标。' : `未达标：${shortfalls.join('；')}。`}
              </div>
              <Progress
                percent={Math.min(100, Math.round((hours / Math.max(minHours, 1)) * 100))}
                size="small"
                status={hours >= minHours ? 'success' : 'active'}
                style={{ marginBottom: 0, maxWidth: 360 }}
              />
            </div>
          }
        />
        {isPhone ? (
          <List<Training>
            dataSource={items}
            locale={{ emptyText: `${year}年暂无培训记录` }}
            renderItem={(training) => (
              <List.Item
                style={{ display: 'block' }}
                actions={
                  canWrite
                    ? [
                        <Button key="edit" size="small" type="link" onClick={() => setEditing(training)}>
                          修改
                        </Button>,
                      ]
                    : undefined
                }
              >
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text strong>
                    {training.content}
                    <TrainingSource training={training} />
                  </Typography.Text>
                  <span style={{ whiteSpace: 'nowrap' }}>{training.hours} 学时</span>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDay(training.heldOn)} · {training.kindLabel} · {training.organiser} ·{' '}
                  {trainingResultText(training)}
                </Typography.Text>
                {training.isBureauOrganised && (
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    县司法局
                  </Tag>
                )}
              </List.Item>
            )}
          />
        ) : (
          <Table<Training>
            size="small"
            rowKey="id"
            dataSource={items}
            pagination={false}
            locale={{ emptyText: `${year}年暂无培训记录` }}
            columns={[
              { title: '培训日期', dataIndex: 'heldOn', width: 130, render: formatDay },
              {
                title: '培训内容',
                dataIndex: 'content',
                render: (content: string, training) => (
                  <>
                    {content}
                    <TrainingSource training={training} />
                  </>
                ),
              },
              { title: '类别', dataIndex: 'kindLabel', width: 90 },
              {
                title: '举办单位',
                dataIndex: 'organiser',
                width: 190,
                render: (organiser: string, training) => (
                  <>
                    {organiser}
                    {training.isBureauOrganised && (
                      <Tag color="blue" style={{ marginLeft: 6 }}>
                        县司法局
                      </Tag>
                    )}
                  </>
                ),
              },
              { title: '学时', dataIndex: 'hours', width: 70, align: 'right' },
              {
                title: '考核成绩',
                key: 'result',
                width: 120,
                render: (_value: unknown, training: Training) => trainingResultText(training),
              },
              ...(canWrite
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 90,
                      render: (_value: unknown, training: Training) => (
                        <Space size={0}>
                          <Button
                            size="small"
                            type="link"
                            icon={<EditOutlined />}
                            aria-label="修改"
                            onClick={() => setEditing(training)}
                          />
                          <Popconfirm
                            title="删除这条培训记录？"
                            okText="删除"
                            onConfirm={() => remove(training)}
                          >
                            <Button
                              size="small"
                              type="link"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label="删除"
                            />
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </>
    );
  }

  return (
    <>
      {toolbar}
      {body}
      {isLoggingSelfStudy && <SelfStudyModal onClose={() => setLoggingSelfStudy(false)} />}
      {isAdding && <TrainingFormModal officerId={officer.id} onClose={() => setAdding(false)} />}
      {editing && (
        <TrainingFormModal officerId={officer.id} training={editing} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
