import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { formatPeriodLabel } from '../../../../common/format.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { applyApiErrorToForm } from '../../../components/form-errors.ts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { ASSESSMENT_KEY, listSchemeVersions, openPeriod } from '../assessment.api.ts';
import type { Period, SchemeVersion } from '../assessment.types.ts';
import { PERIOD_KIND_LABELS, SUBJECT_KIND_LABELS } from '../assessment-labels.ts';

interface Values {
  schemeVersionId?: number;
  year: number;
  /** 'Q3', 'H1', '03' or '' (a year) */
  part: string;
  underOrgId?: number;
  appealDays: number;
  decisionDays: number;
}

const QUARTERS = ['一', '二', '三', '四'];

/** The parts of a year a scheme's period kind offers, as period-key suffixes. */
function partOptions(periodKind: string | undefined): { value: string; label: string }[] {
  switch (periodKind) {
    case 'quarter':
      return QUARTERS.map((numeral, index) => ({ value: `Q${index + 1}`, label: `第${numeral}季度` }));
    case 'half':
      return [
        { value: 'H1', label: '上半年' },
        { value: 'H2', label: '下半年' },
      ];
    case 'month':
      return Array.from({ length: 12 }, (_, index) => ({
        value: String(index + 1).padStart(2, '0'),
        label: `${index + 1}月`,
      }));
    default:
      return [{ value: '', label: '年度' }];
  }
}

/** 2025 + 'Q3' → '2025-Q3'; a year on its own → '2025'. */
const periodKeyOf = (year: number, part: string) => (part === '' ? String(year) : `${year}-${part}`);

function versionLabel(version: SchemeVersion): string {
  const kind = SUBJECT_KIND_LABELS[version.subjectKind] ?? version.subjectKind;
  const period = PERIOD_KIND_LABELS[version.periodKind] ?? version.periodKind;
  return `${version.name}（第${version.versionNo}版 · ${kind} · ${period}）`;
}

/** 开启考核周期: a scheme version, the period, and whose subjects (every one of the scheme's kind under a unit). */
export function OpenPeriodDrawer({ onClose, onOpened }: { onClose(): void; onOpened(period: Period): void }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const versions = useQuery({ queryKey: [ASSESSMENT_KEY, 'schemes'], queryFn: listSchemeVersions });
  const versionId = Form.useWatch('schemeVersionId', form);
  const year = Form.useWatch('year', form);
  const part = Form.useWatch('part', form);
  const version = versions.data?.find((candidate) => candidate.id === versionId);
  const thisYear = new Date().getFullYear();

  const submit = async (values: Values) => {
    try {
      const period = await openPeriod({
        schemeVersionId: values.schemeVersionId!,
        periodKey: periodKeyOf(values.year, values.part),
        ...(values.underOrgId !== undefined && { underOrgId: values.underOrgId }),
        appealDays: values.appealDays,
        decisionDays: values.decisionDays,
      });
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      message.success(`已开启${period.label}考核，共 ${period.subjectCount} 个考核对象`);
      onOpened(period);
    } catch (error) {
      applyApiErrorToForm(form, error, (text) => message.error(text));
    }
  };

  return (
    <Drawer
      open
      title="开启考核周期"
      width={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" onClick={() => form.submit()}>
            开启
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: thisYear, part: '', appealDays: 3, decisionDays: 3 }}
      >
        <Form.Item
          name="schemeVersionId"
          label="考核方案版本"
          rules={[{ required: true, message: '请选择考核方案版本' }]}
          extra="周期开启后始终按所选版本计分，方案再修订也不影响本周期。"
        >
          <Select
            loading={versions.isPending}
            placeholder="选择考核方案"
            options={(versions.data ?? []).map((entry) => ({ value: entry.id, label: versionLabel(entry) }))}
            onChange={(id) => {
              const chosen = versions.data?.find((entry) => entry.id === id);
              form.setFieldValue('part', partOptions(chosen?.periodKind)[0]?.value ?? '');
            }}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="year" label="年份" rules={[{ required: true, message: '请选择年份' }]}>
              <Select
                options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((value) => ({
                  value,
                  label: `${value}年`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="part" label="考核期" rules={[{ required: false }]}>
              <Select options={partOptions(version?.periodKind)} disabled={!version} />
            </Form.Item>
          </Col>
        </Row>
        {version && year && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`将开启：${formatPeriodLabel(periodKeyOf(year, part ?? ''))}`}
          />
        )}
        <Form.Item
          name="underOrgId"
          label="考核对象所属单位"
          rules={[{ required: true, message: '请选择考核对象所属单位' }]}
          extra={
            version
              ? `该单位下所有${SUBJECT_KIND_LABELS[version.subjectKind] ?? '对象'}均列为考核对象；负责考核科室按名称自动匹配。`
              : '先选择考核方案。'
          }
        >
          <OrgTreeSelect placeholder="选择单位" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="appealDays" label="申诉期（工作日）" rules={[{ required: true }]}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="decisionDays" label="申诉决定期限（工作日）" rules={[{ required: true }]}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          自查自评截止日按法定工作日历自动计算，开启后在周期看板显示。
        </Typography.Text>
      </Form>
    </Drawer>
  );
}
