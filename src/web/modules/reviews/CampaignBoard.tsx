import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { useOrgs } from '../org/org.api.ts';
import { DeadlineTag } from '../workbench/deadline-tag.tsx';
import {
  type CampaignView,
  getAssignments,
  getFileScores,
  getReviewFiles,
  getUnitFileList,
  REVIEWS_KEY,
  submitUnitFileList,
} from './reviews.api.ts';

type Unit = CampaignView['units'][number];
interface UnitRow extends Unit {
  drawn: number;
  assigned: number | null;
  scored: number | null;
  flagged: number | null;
  isScoringLate: boolean;
}

/** The list state: 已报送 (green) or the deadline's 正常 / 临期 / 逾期 (第二十条). */
function ListStateTag({ unit }: { unit: Unit }) {
  if (unit.listState === 'submitted') return <Tag color="green">{unit.listStateLabel}</Tag>;
  return (
    <DeadlineTag
      state={unit.listState}
      label={unit.listState === 'overdue' ? '逾期未报送' : `未报送 · ${unit.listStateLabel}`}
    />
  );
}

/**
 * 进度看板: per unit under review the file list (第二十条), the files drawn, assigned, scored and
 * flagged for re-review; who is late. The organiser's counts come from the files, assignments and
 * scores; a reviewed unit sees its file list and drawn count.
 */
export function CampaignBoard({ campaign }: { campaign: CampaignView }) {
  const isPhone = useIsPhone();
  const canManage = campaign.abilities.canManage;
  const files = useQuery({
    queryKey: [REVIEWS_KEY, 'files', campaign.id],
    queryFn: () => getReviewFiles(campaign.id),
    enabled: canManage,
  });
  const assignments = useQuery({
    queryKey: [REVIEWS_KEY, 'assignments', campaign.id],
    queryFn: () => getAssignments(campaign.id),
    enabled: canManage,
  });
  const scores = useQuery({
    queryKey: [REVIEWS_KEY, 'scores', campaign.id],
    queryFn: () => getFileScores(campaign.id),
    enabled: canManage,
  });
  const orgs = useOrgs();
  const [listOf, setListOf] = useState<Unit | null>(null);
  if (canManage && (files.isPending || assignments.isPending || scores.isPending))
    return <Skeleton active paragraph={{ rows: 6 }} />;

  // a file belongs to the campaign unit whose subtree holds the case's unit (a section, a brigade)
  const pathOf = new Map((orgs.data ?? []).map((org) => [org.id, org.path]));
  const unitOf = (orgId: number) => {
    const path = pathOf.get(orgId);
    return (
      campaign.units.find((unit) => unit.orgId === orgId) ??
      campaign.units.find((unit) => path?.startsWith(pathOf.get(unit.orgId) ?? '\u0000'))
    );
  };
  const liveFiles = (files.data?.items ?? []).filter((file) => !file.removedAt);
  const fileUnit = new Map(liveFiles.map((file) => [file.id, unitOf(file.unitOrgId)?.orgId]));
  const assignedCount = new Map<number, number>();
  for (const row of assignments.data?.items ?? [])
    assignedCount.set(row.fileId, (assignedCount.get(row.fileId) ?? 0) + 1);
  const isPastScoring = dayjs().startOf('day').isAfter(dayjs(campaign.scoringDueOn));
  const rows: UnitRow[] = campaign.units.map((unit) => {
    if (!canManage)
      return {
        ...unit,
        drawn: unit.fileCount,
        assigned: null,
        scored: null,
        flagged: null,
        isScoringLate: false,
      };
    const own = liveFiles.filter((file) => fileUnit.get(file.id) === unit.orgId);
    const ownScores = (scores.data?.items ?? []).filter((score) => fileUnit.get(score.fileId) === unit.orgId);
    const scored = ownScores.filter(
      (score) => score.assigned > 0 && score.submitted >= score.assigned,
    ).length;
    return {
      ...unit,
      drawn: own.length,
      assigned: own.filter((file) => (assignedCount.get(file.id) ?? 0) >= campaign.reviewersPerFile).length,
      scored,
      flagged: ownScores.filter((score) => score.flags.length > 0).length,
      isScoringLate: campaign.state === 'scoring' && isPastScoring && scored < own.length,
    };
  });
  const sum = (pick: (row: UnitRow) => number | null) =>
    rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
  const lateLists = rows.filter((row) => row.listState === 'overdue');
  const lateScoring = rows.filter((row) => row.isScoringLate);
  const columns: ColumnsType<UnitRow> = [
    { title: '被评查单位', dataIndex: 'name', ellipsis: true },
    {
      title: '案卷目录（第二十条）',
      key: 'list',
      width: 260,
      render: (_value, unit) => (
        <div>
          <ListStateTag unit={unit} />
          {unit.listSubmittedAt && (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {unit.listSubmittedBy} {formatDateTime(unit.listSubmittedAt)} 报送 {unit.listCaseCount ?? 0} 件
            </div>
          )}
        </div>
      ),
    },
    { title: '抽取', dataIndex: 'drawn', width: 70, align: 'right' },
    ...(canManage
      ? ([
          { title: '已分配', dataIndex: 'assigned', width: 80, align: 'right' },
          {
            title: '已评分',
            dataIndex: 'scored',
            width: 110,
            align: 'right',
            render: (scored: number, unit) => (
              <span>
                {scored}
                {unit.isScoringLate && (
                  <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                    评分逾期
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: '需复评',
            dataIndex: 'flagged',
            width: 80,
            align: 'right',
            render: (flagged: number) => (flagged > 0 ? <Tag color="orange">{flagged}</Tag> : 0),
          },
        ] as ColumnsType<UnitRow>)
      : []),
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_value, unit) =>
        unit.canSubmitList || canManage ? (
          <Button
            size="small"
            type={unit.canSubmitList ? 'primary' : 'default'}
            onClick={() => setListOf(unit)}
          >
            {unit.canSubmitList ? (unit.listSubmittedAt ? '重新报送目录' : '报送案卷目录') : '查看目录'}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          { title: '被评查单位', value: rows.length },
          { title: '已报送目录', value: rows.filter((row) => row.listState === 'submitted').length },
          { title: '抽取案卷', value: sum((row) => row.drawn) },
          ...(canManage
            ? [
                { title: '已分配', value: sum((row) => row.assigned) },
                { title: '已评分', value: sum((row) => row.scored) },
                { title: '需复评', value: sum((row) => row.flagged) },
              ]
            : []),
        ].map((item) => (
          <Col key={item.title} xs={8} sm={8} md={4}>
            <Card size="small">
              <Statistic title={item.title} value={item.value} />
            </Card>
          </Col>
        ))}
      </Row>
      {lateLists.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`逾期未报送案卷目录（截止 ${formatDay(campaign.fileListDueOn)}）：${lateLists.map((row) => row.name).join('、')}`}
        />
      )}
      {lateScoring.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`评分逾期（截止 ${formatDay(campaign.scoringDueOn)}）仍有案卷未评完：${lateScoring.map((row) => row.name).join('、')}`}
        />
      )}
      {isPhone ? (
        rows.map((unit) => (
          <Card key={unit.orgId} size="small" style={{ marginBottom: 8 }} title={unit.name}>
            <ListStateTag unit={unit} />
            <div style={{ fontSize: 13, marginTop: 6 }}>
              抽取 {unit.drawn}
              {canManage && ` · 已分配 ${unit.assigned} · 已评分 ${unit.scored} · 需复评 ${unit.flagged}`}
            </div>
            {(unit.canSubmitList || canManage) && (
              <Button
                size="small"
                style={{ marginTop: 8 }}
                type={unit.canSubmitList ? 'primary' : 'default'}
                onClick={() => setListOf(unit)}
              >
                {unit.canSubmitList ? '报送案卷目录' : '查看目录'}
              </Button>
            )}
          </Card>
        ))
      ) : (
        <Card>
          <Table<UnitRow>
            rowKey="orgId"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 900 }}
          />
        </Card>
      )}
      {listOf && <FileListModal campaign={campaign} unit={listOf} onClose={() => setListOf(null)} />}
    </>
  );
}

/** 如实上报案卷目录 (第二十条): the cases in scope for the unit now, confirmed with a note. */
function FileListModal({
  campaign,
  unit,
  onClose,
}: {
  campaign: CampaignView;
  unit: Unit;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [isSaving, setSaving] = useState(false);
  const list = useQuery({
    queryKey: [REVIEWS_KEY, 'file-list', campaign.id, unit.orgId],
    queryFn: () => getUnitFileList(campaign.id, unit.orgId),
  });
  const submit = async () => {
    setSaving(true);
    try {
      await submitUnitFileList(campaign.id, unit.orgId, note || undefined);
      await queryClient.invalidateQueries({ queryKey: [REVIEWS_KEY] });
      message.success(`${unit.name}的案卷目录已报送`);
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const submitted = new Set(list.data?.submittedCaseIds ?? []);
  return (
    <Modal
      open
      width={820}
      title={`案卷目录：${unit.name}`}
      onCancel={onClose}
      footer={
        unit.canSubmitList
          ? [
              <Button key="cancel" onClick={onClose}>
                取消
              </Button>,
              <Button key="ok" type="primary" loading={isSaving} disabled={list.isPending} onClick={submit}>
                确认如实报送
              </Button>,
            ]
          : [
              <Button key="close" onClick={onClose}>
                关闭
              </Button>,
            ]
      }
    >
      <Typography.Paragraph type="secondary">
        下列为本活动范围内本单位已结案的案件（第四条）。请核对后如实报送（第二十条）；遗漏的案件请先在“执法案件”中补录结案信息。
      </Typography.Paragraph>
      <Table
        rowKey="caseId"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.eligible ?? []}
        pagination={{ pageSize: 10, simple: true }}
        scroll={{ x: 640 }}
        locale={{ emptyText: '范围内没有本单位已结案的案件。' }}
        columns={[
          { title: '案号', dataIndex: 'caseNo', width: 190 },
          { title: '案件名称', dataIndex: 'name', ellipsis: true },
          { title: '类别', dataIndex: 'kindLabel', width: 90 },
          {
            title: '结案日期',
            dataIndex: 'closedOn',
            width: 130,
            render: (day: string | null) => (day ? formatDay(day) : '—'),
          },
          ...(list.data?.submittedCaseIds
            ? [
                {
                  title: '已报送',
                  key: 'in',
                  width: 80,
                  render: (_value: unknown, row: { caseId: number }) =>
                    submitted.has(row.caseId) ? (
                      <Tag color="green">已报送</Tag>
                    ) : (
                      <Tag color="orange">新增</Tag>
                    ),
                },
              ]
            : []),
        ]}
      />
      {unit.canSubmitList && (
        <Form layout="vertical">
          <Form.Item label="说明（可选）">
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
