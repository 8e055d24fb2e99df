import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { applyApiErrorToForm } from '../../components/form-errors.ts';
import { useDownload } from '../../components/use-download.ts';
import {
  type CampaignView,
  fileObjection,
  getUnitResults,
  markExemplary,
  REVIEWS_KEY,
  recordFilesReturned,
  type UnitResultFile,
} from './reviews.api.ts';
import { BAND_COLORS } from './reviews-labels.ts';

/**
 * One unit's results (第十二条(六)): each file's score, band, where it comes from and the reviewers'
 * deductions with reasons; the unit files an objection within the window (第十二条(七)), the
 * organiser marks 优秀案卷 into the showcase (第十八条) and records the files' return (第十二条(九)).
 */
export function UnitResultsDrawer({
  campaign,
  orgId,
  canMarkFiles,
  onClose,
}: {
  campaign: CampaignView;
  orgId: number;
  canMarkFiles: boolean;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const download = useDownload();
  const results = useQuery({
    queryKey: [REVIEWS_KEY, 'unit-results', campaign.id, orgId],
    queryFn: () => getUnitResults(campaign.id, orgId),
  });
  const [objecting, setObjecting] = useState<UnitResultFile | null>(null);
  const [isReturning, setReturning] = useState(false);
  const toggleExemplary = async (file: UnitResultFile, isExemplary: boolean) => {
    try {
      await markExemplary(campaign.id, file.fileId, { isExemplary });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(isExemplary ? '已列为优秀案卷' : '已取消优秀案卷');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  };
  const body = () => {
    if (results.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (results.isError) return <ErrorState error={results.error} onRetry={() => results.refetch()} />;
    const data = results.data;
    const columns: ColumnsType<UnitResultFile> = [
      { title: '案卷', dataIndex: 'caseNo', width: 190 },
      { title: '案件名称', dataIndex: 'name', ellipsis: true },
      { title: '得分', dataIndex: 'score', width: 80, align: 'right', render: (score) => score ?? '—' },
      {
        title: '等次',
        key: 'band',
        width: 80,
        render: (_v, file) => (file.band ? <Tag color={BAND_COLORS[file.band]}>{file.bandLabel}</Tag> : '—'),
      },
      { title: '得分来源', dataIndex: 'sourceLabel', width: 140, render: (label) => label ?? '—' },
      {
        title: '操作',
        key: 'actions',
        width: 260,
        render: (_v, file) => (
          <Space size={4} wrap>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() =>
                download(
                  `/review-campaigns/${campaign.id}/files/${file.fileId}/score-sheet.docx`,
                  `${file.caseNo}评分表.docx`,
                )
              }
            >
              评分表
            </Button>
            {file.abilities.canObject && (
              <Button size="small" onClick={() => setObjecting(file)}>
                提出异议
              </Button>
            )}
            {file.hasPendingObjection && <Tag color="orange">异议待复核</Tag>}
            {canMarkFiles && file.band === 'excellent' && (
              <Switch
                size="small"
                checked={file.isExemplary}
                checkedChildren="优秀案卷"
                unCheckedChildren="列为优秀"
                onChange={(checked) => toggleExemplary(file, checked)}
              />
            )}
            {!canMarkFiles && file.isExemplary && <Tag color="gold">优秀案卷</Tag>}
          </Space>
        ),
      },
    ];
    const deductions = (file: UnitResultFile) =>
      file.deductions.length ? (
        <List
          size="small"
          dataSource={file.deductions}
          renderItem={(item) => (
            <List.Item key={`${item.no}-${item.reason}`}>
              第 {item.no} 项 扣 {item.deducted} 分：{item.reason}
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">未扣分。</Typography.Text>
      );
    return (
      <>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'files',
              label: '评查案卷',
              children: `${data.rates.files} 件（已定分 ${data.rates.scored} 件）`,
            },
            {
              key: 'bands',
              label: '优秀 / 合格 / 不合格',
              children: `${data.rates.excellent} / ${data.rates.pass} / ${data.rates.fail}`,
            },
            {
              key: 'er',
              label: '优秀率',
              children: data.rates.excellentRate ? `${data.rates.excellentRate}%` : '—',
            },
            { key: 'pr', label: '合格率', children: data.rates.passRate ? `${data.rates.passRate}%` : '—' },
            {
              key: 'returned',
              label: '案卷退回',
              children: data.filesReturnedOn
                ? `${formatDay(data.filesReturnedOn)}${data.filesReturnedNote ? `（${data.filesReturnedNote}）` : ''}`
                : '未退回',
            },
            {
              key: 'window',
              label: '异议期',
              children:
                data.objectionWindow.opensOn && data.objectionWindow.closesOn
                  ? `${formatDay(data.objectionWindow.opensOn)}至${formatDay(data.objectionWindow.closesOn)}${data.objectionWindow.isOpen ? '' : '（已届满）'}`
                  : '结果发布后起算',
            },
          ]}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(
                `/review-campaigns/${campaign.id}/units/${orgId}/report.docx`,
                `${data.name}评查报告.docx`,
              )
            }
          >
            本单位评查报告
          </Button>
          {campaign.abilities.canManage && !data.filesReturnedOn && (
            <Button onClick={() => setReturning(true)}>登记案卷已退回</Button>
          )}
        </Space>
        {isPhone ? (
          <List
            dataSource={data.files}
            locale={{ emptyText: '本单位没有评查案卷。' }}
            renderItem={(file) => (
              <List.Item key={file.fileId} style={{ display: 'block' }}>
                <Typography.Text strong>{file.caseNo}</Typography.Text>
                <div style={{ fontSize: 13 }}>{file.name}</div>
                <Space size={4} wrap style={{ margin: '4px 0' }}>
                  <span>{file.score ?? '—'} 分</span>
                  {file.band && <Tag color={BAND_COLORS[file.band]}>{file.bandLabel}</Tag>}
                  {file.hasPendingObjection && <Tag color="orange">异议待复核</Tag>}
                  {file.isExemplary && <Tag color="gold">优秀案卷</Tag>}
                  {file.abilities.canObject && (
                    <Button size="small" onClick={() => setObjecting(file)}>
                      提出异议
                    </Button>
                  )}
                </Space>
                {deductions(file)}
              </List.Item>
            )}
          />
        ) : (
          <Table<UnitResultFile>
            rowKey="fileId"
            size="small"
            columns={columns}
            dataSource={data.files}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            locale={{ emptyText: '本单位没有评查案卷。' }}
            expandable={{ expandedRowRender: deductions, rowExpandable: () => true }}
          />
        )}
      </>
    );
  };
  return (
    <Drawer
      open
      title={results.data ? `${results.data.name} · 评查结果` : '评查结果'}
      size={isPhone ? '100%' : 960}
      onClose={onClose}
    >
      {body()}
      {objecting && (
        <ObjectionModal campaignId={campaign.id} file={objecting} onClose={() => setObjecting(null)} />
      )}
      {isReturning && (
        <FilesReturnedModal campaignId={campaign.id} orgId={orgId} onClose={() => setReturning(false)} />
      )}
    </Drawer>
  );
}

/** 重点复核 (第十二条(七)): the unit's reasons and proof against one file's result. */
function ObjectionModal({
  campaignId,
  file,
  onClose,
}: {
  campaignId: number;
  file: UnitResultFile;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reasons: string; proof?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: { reasons: string; proof?: string }) => {
    setSaving(true);
    try {
      await fileObjection(campaignId, {
        fileId: file.fileId,
        reasons: values.reasons,
        proof: values.proof?.trim() || undefined,
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('异议已提出，等待组织单位重点复核');
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
      title={`对 ${file.caseNo} 的评查结果提出异议`}
      okText="提出异议"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        本卷得分 {file.score ?? '—'} 分（{file.bandLabel ?? '—'}
        ）。组织单位将组织专家重点复核，被评查单位可派员参加（第十二条(七)）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reasons" label="异议理由" rules={[{ required: true, message: '请填写异议理由' }]}>
          <Input.TextArea rows={4} maxLength={5000} placeholder="对哪一项扣分有异议，理由是什么" />
        </Form.Item>
        <Form.Item name="proof" label="证明材料说明">
          <Input.TextArea rows={3} maxLength={5000} placeholder="可提供的证明材料及其所在卷页" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 第十二条(九): the day the unit's files went back, with a note. */
function FilesReturnedModal({
  campaignId,
  orgId,
  onClose,
}: {
  campaignId: number;
  orgId: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ returnedOn: Dayjs; note?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: { returnedOn: Dayjs; note?: string }) => {
    setSaving(true);
    try {
      await recordFilesReturned(campaignId, orgId, {
        returnedOn: values.returnedOn.format('YYYY-MM-DD'),
        note: values.note?.trim() || undefined,
      });
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success('已登记案卷退回');
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
      title="登记案卷已退回"
      okText="登记"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="returnedOn" label="退回日期" rules={[{ required: true, message: '请选择退回日期' }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
