import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatTimestamp } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { getOfficerHistory, OFFICERS_KEY } from '../officers.api.ts';
import type { HistoryEntry } from '../officers.types.ts';

/** Audit actions of the officer archive (officers/*.service.ts), in Chinese. */
const ACTION_LABELS: Record<string, string> = {
  'officer.create': '建立档案',
  'officer.update': '修改档案',
  'officer.status_change': '变更状态',
  'officer.photo_update': '更新照片',
  'officer.import': '导入档案',
  'officer.read_personal': '查看个人信息',
  'certificate.create': '登记执法证',
  'certificate.update': '修改执法证',
  'certificate_review.create': '登记年审',
  'post_change.create': '登记岗位变更',
  'training.create': '登记培训',
  'training.delete': '删除培训记录',
  'training.import': '导入培训记录',
  'work_log.create': '填写工作记实',
  'work_log.update': '修改工作记实',
};

/** Snapshot fields worth showing, in Chinese; others (ids, paths) are left out. */
const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  education: '学历',
  birthDate: '出生年月',
  position: '职务',
  orgName: '所在单位及科室',
  post: '执法岗位',
  series: '序列',
  duties: '执法职责',
  qualifiedOn: '取得执法资格时间',
  startedWorkOn: '参加工作时间',
  phone: '联系电话',
  status: '状态',
  number: '执法证编号',
  issuer: '发证机关',
  area: '执法区域',
  categories: '执法类别',
  issuedOn: '发证日期',
  validUntil: '有效期至',
  isSuspended: '暂扣',
  isRevoked: '注销',
  note: '备注',
  reviewedOn: '年审日期',
  result: '结果',
  changedOn: '变更日期',
  toPost: '变更后岗位',
  toDuties: '变更后职责',
  reason: '原因',
  heldOn: '培训日期',
  hours: '学时',
  content: '内容',
  kind: '类别',
  organiser: '举办单位',
};

const VALUE_LABELS: Record<string, string> = {
  male: '男',
  female: '女',
  active: '在岗',
  transferred: '调离',
  retired: '退休',
  suspended: '停职',
  pass: '合格',
  fail: '不合格',
  post: '岗位培训',
  thematic: '专题培训',
  self_study: '自主培训',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(show).join('、');
  if (typeof value === 'string') return VALUE_LABELS[value] ?? value;
  if (typeof value === 'number') return String(value);
  return '…';
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The fields an entry changed (or set, on a create), as "标签：旧 → 新" lines. */
function changedLines(entry: HistoryEntry): string[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const isCreate = entry.before === null || entry.before === undefined;
  return Object.keys(FIELD_LABELS)
    .filter((key) => key in before || key in after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .filter((key) => !isCreate || (after[key] !== null && after[key] !== ''))
    .map((key) =>
      isCreate
        ? `${FIELD_LABELS[key]}：${show(after[key])}`
        : `${FIELD_LABELS[key]}：${show(before[key])} → ${show(after[key])}`,
    );
}

/** 变更记录: who changed what in the profile, its certificates, training and posts (audit log). */
export function OfficerHistoryDrawer({ officerId, onClose }: { officerId: number; onClose: () => void }) {
  const isPhone = useIsPhone();
  const history = useQuery({
    queryKey: [OFFICERS_KEY, 'history', officerId],
    queryFn: () => getOfficerHistory(officerId),
  });
  let body: React.ReactNode;
  if (history.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (history.isError) body = <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  else if (history.data.length === 0) body = <Empty description="暂无变更记录。" />;
  else
    body = (
      <Timeline
        items={history.data.map((entry) => ({
          key: entry.id,
          title: formatTimestamp(entry.at),
          content: (
            <>
              <div>
                <Tag color="blue">{ACTION_LABELS[entry.action] ?? '其他操作'}</Tag>
                <Typography.Text type="secondary">{entry.actorName ?? '系统'}</Typography.Text>
              </div>
              {changedLines(entry).map((line) => (
                <div key={line} style={{ fontSize: 13, marginTop: 2, wordBreak: 'break-all' }}>
                  {line}
                </div>
              ))}
            </>
          ),
        }))}
      />
    );
  return (
    <Drawer open title="档案变更记录" size={isPhone ? '100%' : 520} onClose={onClose} destroyOnHidden>
      {body}
    </Drawer>
  );
}
