import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Input, Row, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  JOINT_SITUATION_LABELS,
  JOINT_SITUATIONS,
  JOINT_STATUS_LABELS,
  JOINT_STATUSES,
} from '../../../../common/coordination.ts';
import { formatChineseDate } from '../../../../common/format.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import {
  COORDINATION_KEY,
  findJointActions,
  type JointFilter,
  type JointSummary,
} from '../coordination.api.ts';
import { JointPlanDrawer } from './JointPlanDrawer.tsx';

const STATUS_OPTIONS = JOINT_STATUSES.map((value) => ({ value, label: JOINT_STATUS_LABELS[value] }));
const SITUATION_OPTIONS = JOINT_SITUATIONS.map((value) => ({ value, label: JOINT_SITUATION_LABELS[value] }));
/** The board's columns: the stages of 第八条's procedure. */
const BOARD_COLUMNS: Array<{ title: string; statuses: JointSummary['status'][] }> = [
  { title: '协商 / 待协调', statuses: ['negotiating', 'coordination_requested', 'draft'] },
  { title: '待各部门确认', statuses: ['proposed'] },
  { title: '待实施 / 实施中', statuses: ['confirmed', 'running'] },
  { title: '已总结', statuses: ['closed'] },
];

const period = (item: JointSummary) =>
  `${formatChineseDate(item.startsOn)}—${formatChineseDate(item.endsOn)}`;

/** 联合执法 (协调监督办法第八条): the list with filters and export, or the board by stage. */
export default function JointActionsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const isBureau = hasAnyRole(user.roles, rolesWith('coordination.manage'));
  const canPropose = isBureau || hasAnyRole(user.roles, rolesWith('coordination.apply'));
  const [view, setView] = useState<'list' | 'board'>('list');
  const [filter, setFilter] = useState<JointFilter>({ page: 1, pageSize: 20 });
  const [isCreating, setCreating] = useState(false);
  const effective = view === 'board' ? { ...filter, page: 1, pageSize: 200 } : filter;
  const actions = useQuery({
    queryKey: [COORDINATION_KEY, 'joint', effective],
    queryFn: () => findJointActions(effective),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<JointFilter>) => setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const columns: ColumnsType<JointSummary> = [
    {
      title: '行动名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, item) => <Link to={`/coordination/joint-actions/${item.id}`}>{title}</Link>,
    },
    { title: '第八条情形', dataIndex: 'situationLabel', width: 220, ellipsis: true },
    { title: '发起部门', dataIndex: 'initiatingOrgName', width: 170, ellipsis: true },
    {
      title: '参与部门',
      dataIndex: 'participantNames',
      width: 200,
      ellipsis: true,
      render: (names: string[]) => names.join('、'),
    },
    { title: '时间', key: 'period', width: 230, render: (_value, item) => period(item) },
    { title: '状态', dataIndex: 'statusLabel', width: 120, render: (label: string) => <Tag>{label}</Tag> },
    {
      title: '建议书',
      dataIndex: 'proposalNumber',
      width: 150,
      render: (number: string | null) => number ?? '—',
    },
    {
      title: '检查/案件',
      key: 'counts',
      width: 100,
      render: (_value, item) => `${item.inspectionCount} / ${item.caseCount}`,
    },
  ];
  const { page: _page, pageSize: _pageSize, ...exportQuery } = filter;
  const items = actions.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="联合执法"
        description="司法局对第八条规定的情形提出联合执法建议，明确发起和参与部门、职责分工；各部门确认后实施、记录检查和案件并总结。部门之间就方案未能达成一致的，可申请司法局协调（第八条第一项）。"
        extra={
          <>
            {canPropose && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {isBureau ? '提出联合执法建议' : '发起联合执法'}
              </Button>
            )}
            <ExportButton
              path="/coordination/joint-actions/export.xlsx"
              fileName="联合执法.xlsx"
              query={exportQuery}
            />
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={view}
            onChange={(value) => setView(value as 'list' | 'board')}
            options={[
              { value: 'list', label: '列表' },
              { value: 'board', label: '看板' },
            ]}
          />
          <Input.Search
            allowClear
            placeholder="搜索行动名称"
            aria-label="搜索行动名称"
            style={{ width: 200 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          {view === 'list' && (
            <FilterSelect
              label="状态"
              options={STATUS_OPTIONS}
              value={filter.status}
              onChange={(status) => update({ status })}
              width={150}
            />
          )}
          <FilterSelect
            label="第八条情形"
            options={SITUATION_OPTIONS}
            value={filter.situation}
            onChange={(situation) => update({ situation })}
            width={220}
          />
        </Space>
        {view === 'list' ? (
          <PagedResults<JointSummary>
            query={actions}
            page={filter.page}
            pageSize={filter.pageSize}
            onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
            columns={columns}
            onOpen={(item) => navigate(`/coordination/joint-actions/${item.id}`)}
            renderPhoneItem={(item) => (
              <>
                <Typography.Text strong>{item.title}</Typography.Text>
                <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                  {item.initiatingOrgName} · {item.statusLabel}
                </div>
                <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{period(item)}</div>
              </>
            )}
            emptyText="还没有联合执法行动。"
            totalText={(total) => `共 ${total} 项`}
            scrollX={1300}
          />
        ) : (
          <Row gutter={[12, 12]}>
            {BOARD_COLUMNS.map((column) => {
              const cards = items.filter((item) => column.statuses.includes(item.status));
              return (
                <Col key={column.title} xs={24} md={12} xl={6}>
                  <Card
                    size="small"
                    title={`${column.title}（${cards.length}）`}
                    styles={{ body: { background: '#fafafa' } }}
                  >
                    {cards.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
                    ) : (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        {cards.map((item) => (
                          <Card
                            key={item.id}
                            size="small"
                            hoverable
                            onClick={() => navigate(`/coordination/joint-actions/${item.id}`)}
                          >
                            <Typography.Text strong>{item.title}</Typography.Text>
                            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
                              {item.initiatingOrgName} 发起 · {item.participantNames.join('、')}
                            </div>
                            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>{period(item)}</div>
                            <Space size={4} wrap style={{ marginTop: 4 }}>
                              <Tag>{item.statusLabel}</Tag>
                              {item.objectedCount > 0 && <Tag color="red">异议 {item.objectedCount}</Tag>}
                              {item.status === 'proposed' && (
                                <Tag color="blue">
                                  已确认 {item.confirmedCount}/{item.participantNames.length + 1}
                                </Tag>
                              )}
                            </Space>
                          </Card>
                        ))}
                      </Space>
                    )}
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
      {isCreating && (
        <JointPlanDrawer
          isBureau={isBureau}
          action={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/coordination/joint-actions/${id}`)}
        />
      )}
    </>
  );
}
