import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { todayInShanghai } from '../../../../common/format.ts';
import type { CatalogueItem } from '../../../../server/modules/assessment/schemes/scheme-catalogue.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { ASSESSMENT_KEY, submitSelfAssessment } from '../assessment.api.ts';
import type { PeriodDetail } from '../assessment.types.ts';
import { DeadlineTag } from '../DeadlineTag.tsx';
import { useCatalogue } from '../use-catalogue.ts';
import { useOwnSubject } from '../use-own-subject.ts';
import { SelfAssessmentView } from './SelfAssessmentView.tsx';

interface Values {
  items: { item?: string; count?: number; level?: string; note?: string }[];
  note?: string;
}

/** The server's SELF_ASSESSMENT_EMPTY in the form's words: nothing claimed and nothing said. */
const EMPTY_SELF_ASSESSMENT = '自查自评为空：请添加自评条目，或在自评说明中写明本期无扣分、加分事项';

/** One self-assessment line: the item, its level when it has levels, the count and a note. */
function SelfLineFields({
  name,
  items,
  onRemove,
}: {
  name: number;
  items: CatalogueItem[];
  onRemove(): void;
}) {
  const form = Form.useFormInstance<Values>();
  const itemId = Form.useWatch(['items', name, 'item'], form);
  const item = items.find((candidate) => candidate.id === itemId);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Form.Item
        name={[name, 'item']}
        label="考核项目"
        rules={[{ required: true, message: '请选择考核项目' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="自评考核项目"
          options={items.map((entry) => ({
            value: entry.id,
            label: entry.clause ? `${entry.label}（${entry.clause}）` : entry.label,
          }))}
        />
      </Form.Item>
      {item && item.levels.length > 0 && (
        <Form.Item name={[name, 'level']} label="等级" rules={[{ required: true, message: '请选择等级' }]}>
          <Select options={item.levels.map((level) => ({ value: level, label: level }))} />
        </Form.Item>
      )}
      <Form.Item name={[name, 'count']} label="次数">
        <InputNumber min={1} precision={0} style={{ width: '100%' }} aria-label="自评次数" />
      </Form.Item>
      <Form.Item name={[name, 'note']} label="说明">
        <Input.TextArea rows={2} maxLength={2000} aria-label="自评条目说明" />
      </Form.Item>
      <Button icon={<DeleteOutlined />} onClick={onRemove} danger size="small">
        删除此条
      </Button>
    </Card>
  );
}

/** 自查自评: the subject's own claims, by the statutory deadline, beside its live provisional score. */
export function SelfAssessmentPanel({ period }: { period: PeriodDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const own = useOwnSubject(period.id);
  const catalogue = useCatalogue(period.schemeVersionId);
  const [isEditing, setEditing] = useState(false);
  if (own.isPending || catalogue.isPending) return <Skeleton active />;
  if (own.isError) return <ErrorState error={own.error} onRetry={() => own.refetch()} />;
  const { subject, selfAssessment, provisional, result } = own.data;
  if (!subject) {
    return <Alert type="info" showIcon message="您（本单位）不是本周期的考核对象，无需自查自评。" />;
  }
  const { subjectKey } = subject;
  const score = provisional?.result ?? result;
  const isLate = period.selfDueOn !== null && period.selfDueOn < todayInShanghai(new Date());
  const items = [...(catalogue.data?.items.values() ?? [])].filter(
    (item) => item.kind === 'item' || item.kind === 'veto' || item.kind === 'ceiling',
  );

  const submit = async (values: Values) => {
    try {
      const saved = await submitSelfAssessment(period.id, subjectKey, {
        items: values.items
          .filter((entry) => entry.item)
          .map((entry) => ({
            item: entry.item!,
            ...(entry.count && { count: entry.count }),
            ...(entry.level && { level: entry.level }),
            ...(entry.note?.trim() && { note: entry.note.trim() }),
          })),
        ...(values.note?.trim() && { note: values.note.trim() }),
      });
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      setEditing(false);
      message.success(`已报送（${formatDay(saved.submittedOn)}），截止前可修改后重新报送`);
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    }
  };

  const isSubmitted = selfAssessment?.isSubmitted ?? false;
  const showForm = !isLate && (!isSubmitted || isEditing);
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <span>
            {subject.name}
            {subject.orgName !== subject.name && (
              <Typography.Text type="secondary"> · {subject.orgName}</Typography.Text>
            )}
          </span>
          {score && (
            <span>
              {provisional ? '实时预计得分：' : '考核得分：'}
              <Typography.Text strong style={{ fontSize: 20 }}>
                {score.total}
              </Typography.Text>
            </span>
          )}
          {score?.grade && (
            <span>
              {provisional ? '预计等次' : '等次'}：{score.grade}
            </span>
          )}
          <Link to={`/assessment/periods/${period.id}/subjects/${subjectKey}`}>查看得分说明</Link>
        </Space>
        {provisional && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              预计得分随各科室记录实时变化，以计分公示的结果为准。
            </Typography.Text>
          </div>
        )}
      </Card>
      {period.selfDueOn && (
        <Alert
          type={isLate ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <>
              自查自评应于 {formatDay(period.selfDueOn)} 前报送 <DeadlineTag dueOn={period.selfDueOn} />
              {isLate && '，已逾期，不再受理。'}
            </>
          }
        />
      )}
      {selfAssessment?.isSubmitted && !isEditing && (
        <Card
          size="small"
          title="已报送的自查自评"
          style={{ marginBottom: 16 }}
          extra={
            !isLate && (
              <Button size="small" onClick={() => setEditing(true)}>
                修改后重新报送
              </Button>
            )
          }
        >
          <SelfAssessmentView view={selfAssessment} />
        </Card>
      )}
      {showForm && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            items:
              selfAssessment && selfAssessment.items.length > 0
                ? selfAssessment.items.map((line) => ({
                    item: line.item,
                    count: line.count,
                    ...(line.level && { level: line.level }),
                    ...(line.note && { note: line.note }),
                  }))
                : [],
            note: selfAssessment?.note ?? undefined,
          }}
        >
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <SelfLineFields
                    key={field.key}
                    name={field.name}
                    items={items}
                    onRemove={() => remove(field.name)}
                  />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} block style={{ marginBottom: 16 }}>
                  添加自评条目
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item
            name="note"
            label="自评说明"
            extra="本期没有扣分、加分事项的，不必添加条目，请在此写明。"
            dependencies={['items']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value?: string) =>
                  value?.trim() || (getFieldValue('items') as Values['items']).some((entry) => entry?.item)
                    ? Promise.resolve()
                    : Promise.reject(new Error(EMPTY_SELF_ASSESSMENT)),
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
          <Space style={{ width: '100%' }} direction="vertical">
            <Button type="primary" htmlType="submit" block>
              报送自查自评
            </Button>
            {isEditing && (
              <Button block onClick={() => setEditing(false)}>
                取消修改
              </Button>
            )}
          </Space>
        </Form>
      )}
    </>
  );
}
