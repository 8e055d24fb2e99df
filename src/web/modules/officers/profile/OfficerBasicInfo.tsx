import { Alert, Descriptions } from 'antd';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import { CertificateStateTag, OfficerStatusTag } from '../OfficerTags.tsx';
import type { Officer } from '../officers.types.ts';
import { OfficerPhoto } from './OfficerPhoto.tsx';

const dash = (value: string | null | undefined) => value || '—';
const day = (value: string | null) => (value ? formatDay(value) : '—');

/** The 基本信息表 of seed 000 (行政执法人员基本信息表): fields in its order, photo beside them. */
export function OfficerBasicInfo({ officer, canWrite }: { officer: Officer; canWrite: boolean }) {
  const isPhone = useIsPhone();
  const certificate = officer.certificate;
  return (
    <>
      {!officer.caseHandler.ok && officer.caseHandler.reason && (
        <Alert
          type="warning"
          showIcon
          title={`当前不能作为案件承办人：${officer.caseHandler.reason}`}
          style={{ marginBottom: 16 }}
        />
      )}
      <div style={{ display: 'flex', gap: 16, flexDirection: isPhone ? 'column-reverse' : 'row' }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2, lg: 2, xl: 3 }}
          style={{ flex: 1, minWidth: 0 }}
          styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'name', label: '姓名', children: officer.name },
            { key: 'gender', label: '性别', children: officer.genderLabel },
            { key: 'ethnicity', label: '民族', children: dash(officer.ethnicity) },
            { key: 'birthDate', label: '出生年月', children: day(officer.birthDate) },
            { key: 'education', label: '学历', children: dash(officer.education) },
            { key: 'position', label: '职务', children: dash(officer.position) },
            {
              key: 'org',
              label: '所在单位及科室',
              span: 'filled',
              children:
                officer.orgName === officer.agencyName
                  ? officer.agencyName
                  : `${officer.agencyName} · ${officer.orgName}`,
            },
            { key: 'post', label: '执法岗位', children: dash(officer.post) },
            { key: 'series', label: '序列', children: dash(officer.seriesLabel) },
            {
              key: 'status',
              label: '状态',
              children: <OfficerStatusTag status={officer.status} label={officer.statusLabel} />,
            },
            { key: 'phone', label: '联系电话', children: dash(officer.phone) },
            { key: 'email', label: '电子邮箱', children: dash(officer.email) },
            { key: 'duties', label: '执法职责', span: 'filled', children: dash(officer.duties) },
            { key: 'qualifiedOn', label: '取得执法资格时间', children: day(officer.qualifiedOn) },
            { key: 'startedWorkOn', label: '参加工作时间', children: day(officer.startedWorkOn) },
            {
              key: 'certificate',
              label: '执法证号',
              children: certificate ? (
                <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                  {certificate.number}
                  <CertificateStateTag state={certificate.state} label={certificate.stateLabel} />
                </span>
              ) : (
                '未持证'
              ),
            },
          ]}
        />
        <OfficerPhoto officer={officer} canUpload={canWrite} />
      </div>
    </>
  );
}
