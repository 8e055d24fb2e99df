import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CampaignList } from './CampaignList.tsx';
import { ExpertPool } from './ExpertPool.tsx';
import { MyQueue } from './MyQueue.tsx';
import { REVIEW_MANAGE_ROLES, REVIEW_READ_ROLES, REVIEW_SCORE_ROLES } from './reviews-access.ts';
import { ShowcaseList } from './ShowcaseList.tsx';

/**
 * 案卷评查 (seed 001 评查办法): the campaigns one may see, one's own queue of files to score, and —
 * for the organiser — the expert pool. A reviewer from outside sees only the queue.
 */
export default function ReviewsPage() {
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = [
    hasAnyRole(user.roles, REVIEW_READ_ROLES) && {
      key: 'campaigns',
      label: '评查活动',
      children: <CampaignList />,
    },
    hasAnyRole(user.roles, REVIEW_SCORE_ROLES) && {
      key: 'mine',
      label: '我的评查任务',
      children: <MyQueue />,
    },
    hasAnyRole(user.roles, REVIEW_READ_ROLES) && {
      key: 'showcase',
      label: '优秀案卷',
      children: <ShowcaseList />,
    },
    hasAnyRole(user.roles, REVIEW_MANAGE_ROLES) && {
      key: 'experts',
      label: '评查专家库',
      children: <ExpertPool />,
    },
  ].filter((tab) => tab !== false);
  const wanted = searchParams.get('tab');
  const active = tabs.find((tab) => tab.key === wanted)?.key ?? tabs[0]?.key;
  return (
    <>
      <PageHeader
        title="案卷评查"
        description={
          tabs.length === 1 && tabs[0]?.key === 'mine'
            ? '对分配给本人的案卷分别查阅、独立评分，书面记录扣分理由并签名（《行政执法案卷评查办法》第十条）。'
            : '制订评查方案、报送案卷目录、随机抽取、组成评查小组并回避、分配评查任务、独立评分（《行政执法案卷评查办法》第八至十六条、第二十条）。'
        }
      />
      <Tabs
        activeKey={active}
        items={tabs}
        destroyOnHidden
        onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
      />
    </>
  );
}
