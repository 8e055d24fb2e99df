import { Select } from 'antd';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { HandlerSelect } from '../cases/HandlerSelect.tsx';
import { parseSubjectKey } from './assessment-labels.ts';

/**
 * Picks a subject of the period as its key ('officer:12', 'org:4'). With the period's subjects
 * known (a ranking or a rating sheet) it lists them; otherwise it offers officers or units and
 * the server says if the one picked is not a subject of the period (no subjects endpoint yet).
 */
export function SubjectPicker({
  value,
  onChange,
  subjectKind,
  known,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  subjectKind: string;
  known?: { subjectKey: string; name: string }[];
  id?: string;
}) {
  if (known && known.length > 0) {
    return (
      <Select
        id={id}
        value={value}
        onChange={onChange}
        placeholder="选择考核对象"
        showSearch={{ optionFilterProp: 'label' }}
        options={known.map((subject) => ({ value: subject.subjectKey, label: subject.name }))}
      />
    );
  }
  const current = value ? parseSubjectKey(value).id : undefined;
  if (subjectKind === 'officer') {
    return (
      <HandlerSelect
        id={id}
        multiple={false}
        value={current ?? null}
        onChange={
          ((officerId: number | undefined) =>
            onChange?.(officerId ? `officer:${officerId}` : undefined)) as never
        }
        placeholder="输入姓名搜索考核对象（执法人员）"
      />
    );
  }
  return (
    <OrgTreeSelect
      id={id}
      value={current}
      onChange={(orgId) => onChange?.(orgId ? `org:${orgId}` : undefined)}
      placeholder="选择考核对象（科室、单位）"
    />
  );
}
