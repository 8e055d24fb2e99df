import { Tag } from 'antd';
import type { SubjectFlags } from '../assessment.types.ts';
import { FLAG_TAGS } from '../assessment-labels.ts';

/** 一票否决, 比例压减, 表彰, 不得评优 … for the flags that are set. */
export function FlagTags({ flags }: { flags: SubjectFlags }) {
  return (
    <>
      {FLAG_TAGS.filter(({ flag }) => flags[flag]).map(({ flag, label, color }) => (
        <Tag key={flag} color={color}>
          {label}
        </Tag>
      ))}
    </>
  );
}
