import { EditOutlined, SignatureOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDateTime, formatDay } from '../../../components/date-time.ts';
import { QualityGradeTag } from '../CaseTags.tsx';
import type { CaseDetail, Party, Signature } from '../cases.types.ts';
import { PartyFullViewButton } from './PartyFullView.tsx';

const LABEL_WIDTH = 120;

/** Long text as written (line breaks kept); a grey 未填写 when empty. */
function LongText({ value }: { value: string | null }) {
  if (!value) return <Typography.Text type="secondary">未填写</Typography.Text>;
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{value}</div>;
}

/** The 签字 / 年月日 line under 办案意见, 办案结果 and the quality analysis. */
function SignatureLine({
  signature,
  label,
  action,
}: {
  signature: Signature | null;
  label: string;
  action?: ReactNode;
}) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        flexWrap: 'wrap',
        gap: 12,
        marginTop: 12,
        color: 'rgba(0,0,0,0.65)',
      }}
    >
      {signature ? (
        <span>
          {label}：<Typography.Text strong>{signature.name}</Typography.Text>　{formatDateTime(signature.at)}
        </span>
      ) : (
        <Typography.Text type="secondary">{label}：未签</Typography.Text>
      )}
      {action}
    </div>
  );
}

function partyItems(caseId: number, party: Party, canSeeFull: boolean, index: number, count: number) {
  const prefix = count > 1 ? `当事人${index + 1} · ` : '';
  const fullView =
    canSeeFull && party.isMasked ? <PartyFullViewButton caseId={caseId} party={party} /> : null;
  if (party.kind === 'organization')
    return [
      { key: `${party.id}-name`, label: `${prefix}单位名称`, children: party.name },
      { key: `${party.id}-rep`, label: '法定代表人', children: party.legalRepresentative ?? '—' },
      {
        key: `${party.id}-uscc`,
        label: '统一社会信用代码',
        children: party.uscc ?? '—',
      },
      {
        key: `${party.id}-phone`,
        label: '联系电话',
        children: (
          <Space size={4} wrap>
            {party.phone ?? '—'}
            {fullView}
          </Space>
        ),
      },
      { key: `${party.id}-address`, label: '地址', children: party.address ?? '—', span: 'filled' as const },
    ];
  return [
    { key: `${party.id}-name`, label: `${prefix}当事人姓名`, children: party.name },
    {
      key: `${party.id}-gender`,
      label: '性别',
      children: party.gender === 'male' ? '男' : party.gender === 'female' ? '女' : '—',
    },
    {
      key: `${party.id}-id`,
      label: '身份证号',
      children: (
        <Space size={4} wrap>
          {party.idNumber ?? '—'}
          {fullView}
        </Space>
      ),
    },
    { key: `${party.id}-phone`, label: '联系电话', children: party.phone ?? '—' },
    { key: `${party.id}-address`, label: '住址', children: party.address ?? '—', span: 'filled' as const },
  ];
}

/**
 * 行政执法人员行政执法案件记录表 laid out as seed 000 prints it: parties, case facts, handlers,
 * 案情简介, 办案经过, 办案意见 and 办案结果 with their signatures, then the legal unit's analysis.
 */
export function CaseRecord({
  item,
  canSeeFull,
  canSign,
  canGrade,
  onSign,
  onGrade,
  signingPart,
}: {
  item: CaseDetail;
  canSeeFull: boolean;
  canSign: boolean;
  canGrade: boolean;
  onSign: (part: 'opinion' | 'result') => void;
  onGrade: () => void;
  signingPart: 'opinion' | 'result' | null;
}) {
  const isPhone = useIsPhone();
  const signButton = (part: 'opinion' | 'result', signature: Signature | null) =>
    canSign && !signature ? (
      <Button
        size="small"
        icon={<SignatureOutlined />}
        loading={signingPart === part}
        onClick={() => onSign(part)}
      >
        签字
      </Button>
    ) : null;
  const items = [
    ...item.parties.flatMap((party, index) =>
      partyItems(item.id, party, canSeeFull, index, item.parties.length),
    ),
    { key: 'source', label: '案件来源', children: item.source },
    { key: 'filed', label: '立案时间', children: formatDay(item.filedOn) },
    { key: 'name', label: '案件名称', children: item.name },
    { key: 'closed', label: '结案时间', children: item.closedOn ? formatDay(item.closedOn) : '未结案' },
    { key: 'org', label: '执法部门', children: item.orgName },
    {
      key: 'handlers',
      label: '执法人',
      children: (
        <Space orientation="vertical" size={0}>
          {item.handlers.map((handler) => (
            <span key={handler.officerId}>
              {handler.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                执法证 {handler.certificateNumber}
              </Typography.Text>
            </span>
          ))}
        </Space>
      ),
    },
    {
      key: 'summary',
      label: '案情简介',
      children: <LongText value={item.summary} />,
      span: 'filled' as const,
    },
    {
      key: 'process',
      label: '办案经过',
      children: <LongText value={item.process} />,
      span: 'filled' as const,
    },
    {
      key: 'opinion',
      label: '办案意见',
      span: 'filled' as const,
      children: (
        <>
          <LongText value={item.opinion} />
          <SignatureLine
            label="签字"
            signature={item.opinionSigned}
            action={signButton('opinion', item.opinionSigned)}
          />
        </>
      ),
    },
    {
      key: 'result',
      label: '办案结果',
      span: 'filled' as const,
      children: (
        <>
          <LongText value={item.result} />
          <SignatureLine
            label="签字"
            signature={item.resultSigned}
            action={signButton('result', item.resultSigned)}
          />
        </>
      ),
    },
    {
      key: 'quality',
      label: '法制部门案件质量分析意见',
      span: 'filled' as const,
      children: (
        <>
          <div style={{ marginBottom: 8 }}>
            质量等次：
            <QualityGradeTag grade={item.qualityGrade} />
          </div>
          <LongText value={item.qualityOpinion} />
          <SignatureLine
            label="法制部门"
            signature={item.qualitySigned}
            action={
              canGrade && (
                <Button size="small" icon={<EditOutlined />} onClick={onGrade}>
                  {item.qualityOpinion ? '修改分析意见' : '填写分析意见'}
                </Button>
              )
            }
          />
        </>
      ),
    },
  ];
  return (
    <Descriptions
      bordered
      size={isPhone ? 'small' : 'middle'}
      column={isPhone ? 1 : 2}
      layout={isPhone ? 'vertical' : 'horizontal'}
      styles={{ label: { width: isPhone ? undefined : LABEL_WIDTH, whiteSpace: 'normal' } }}
      items={items}
    />
  );
}
