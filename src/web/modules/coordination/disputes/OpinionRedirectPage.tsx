import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { Navigate, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { locateOpinion } from '../coordination.api.ts';

/** /coordination/opinions/:id (the register book's and the sign-off list's link) opens the opinion's dispute. */
export default function OpinionRedirectPage() {
  const id = Number(useParams().id);
  const located = useQuery({ queryKey: ['coordination', 'opinion', id], queryFn: () => locateOpinion(id) });
  if (located.isPending) return <Skeleton active />;
  if (located.isError) return <ErrorState error={located.error} onRetry={() => located.refetch()} />;
  return <Navigate replace to={`/coordination/disputes/${located.data.disputeId}`} />;
}
