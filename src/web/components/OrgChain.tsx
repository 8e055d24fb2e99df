import { Breadcrumb } from 'antd';

/** The account's organisation from the county down, e.g. 博湖县人民政府 / 博湖县司法局. */
export function OrgChain({ chain }: { chain: readonly { id: number; name: string }[] }) {
  return <Breadcrumb items={chain.map((org) => ({ key: org.id, title: org.name }))} />;
}
