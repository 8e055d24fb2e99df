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
import { Link } from 'react-router-dom';
import { formatDay } from '../../components/date-time.ts';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { ASSESSMENT_KEY, submitSelfAssessment } from './assessment.api.ts';
import type { PeriodDetail } from './assessment.types.ts';
import { DeadlineTag } from './DeadlineTag.tsx';
import { useCatalogue } from './use-catalogue.ts';
import { useOwnSubject } from './use-own-subject.ts';
import { useSchemeVersion } from './use-scheme-version.ts';

interface Values {
  items: { item?: string; count?: number; level?: string; note?: string }[];
  note?: string;
}

/** 自查自评: the subject's own claims, by the statutory deadline, beside its live provisional score. */
export function SelfAssessmentPanel({ period }: { period: PeriodDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const version = useSchemeVersion(period.schemeVersionId);
  const own = useOwnSubject(period.id, version?.subjectKind);
  const catalogue = useCatalogue(period.schemeVersionId);
  if (own.isPending || catalogue.isPending) return <Skeleton active />;
  if (!own.data) {
    return <Alert type="info" showIcon message="您（本单位）不是本周期的考核对象，无需自查自评。" />;
  }
  const { subjectKey, provisional } = own.data;
  const isLate = period.selfDueOn !== null && period.selfDueOn < new Date().toISOString().slice(0, 10);
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
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY, 'own-subject', period.id] });
      message.success(`已报送（${formatDay(saved.submittedOn)}），截止前可修改后重新报送`);
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    }
  };

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <span>
            实时预计得分：
            <Typography.Text strong style={{ fontSize: 20 }}>
              {provisional.result.total}
            </Typography.Text>
          </span>
          {provisional.result.grade && <span>预计等次：{provisional.result.grade}</span>}
          <Link to={`/assessment/periods/${period.id}/subjects/${subjectKey}`}>查看得分说明</Link>
        </Space>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            预计得分随各科室记录实时变化，以计分公示的结果为准。
          </Typography.Text>
        </div>
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
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={isLate}
        initialValues={{ items: [{}] }}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 12 }}>
                  <Form.Item
                    name={[field.name, 'item']}
                    label="考核项目"
                    rules={[{ required: true, message: '请选择考核项目' }]}
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={items.map((item) => ({
                        value: item.id,
                        label: item.clause ? `${item.label}（${item.clause}）` : item.label,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'count']} label="次数">
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} label="说明">
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} danger size="small">
                    删除此条
                  </Button>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} block style={{ marginBottom: 16 }}>
                添加自评条目
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="自评说明">
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          报送自查自评
        </Button>
      </Form>
    </>
  );
}
