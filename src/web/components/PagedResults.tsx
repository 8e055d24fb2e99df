import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, List, Pagination, Skeleton, Table, type TableColumnsType } from 'antd';
import type React from 'react';
import { useIsPhone } from '../app/use-is-phone.ts';
import { ErrorState } from './ErrorState.tsx';

/** A page of a server list, as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PagedResultsProps<T> {
  query: UseQueryResult<Page<T>>;
  page: number;
  pageSize: number;
  /** Called with the new page and size; a changed size starts again at page 1. */
  onPageChange(page: number, pageSize: number): void;
  columns: TableColumnsType<T>;
  /** The body of one item in the phone-width list (below 768 px the table becomes a list). */
  renderPhoneItem(item: T): React.ReactNode;
  /** Opens an item: a tap on a phone, a double click on a desktop row. */
  onOpen?(item: T): void;
  /** What the empty state says, e.g. what to do next. */
  emptyText: string;
  /** '共 N 条' in the domain's words, e.g. (total) => `共 ${total} 个账号`. */
  totalText(total: number): string;
  /** Table width at which it scrolls sideways. */
  scrollX: number;
  pageSizeOptions?: number[];
}

/**
 * One server-paged list: skeleton while loading, error state with retry, a table on desktops and a
 * compact list with simple paging on phones, and the same empty state on both.
 */
export function PagedResults<T extends { id: number | string }>(props: PagedResultsProps<T>) {
  const isPhone = useIsPhone();
  const { query, page, pageSize, onPageChange, onOpen } = props;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const empty = { emptyText: <Empty description={props.emptyText} /> };
  const changePage = (nextPage: number, nextSize: number) =>
    onPageChange(nextSize === pageSize ? nextPage : 1, nextSize);

  if (isPhone) {
    return (
      <>
        <List
          dataSource={query.data.items}
          loading={query.isFetching}
          locale={empty}
          renderItem={(item) => (
            <List.Item
              style={{ display: 'block', cursor: onOpen ? 'pointer' : undefined }}
              onClick={onOpen ? () => onOpen(item) : undefined}
            >
              {props.renderPhoneItem(item)}
            </List.Item>
          )}
        />
        {query.data.total > 0 && (
          <Pagination
            simple
            align="center"
            style={{ marginTop: 12 }}
            current={page}
            pageSize={pageSize}
            total={query.data.total}
            onChange={(nextPage) => onPageChange(nextPage, pageSize)}
          />
        )}
      </>
    );
  }
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      columns={props.columns}
      dataSource={query.data.items}
      loading={query.isFetching && !query.isPending}
      scroll={{ x: props.scrollX }}
      locale={empty}
      onRow={onOpen ? (item) => ({ onDoubleClick: () => onOpen(item) }) : undefined}
      pagination={{
        current: page,
        pageSize,
        total: query.data.total,
        showSizeChanger: true,
        pageSizeOptions: props.pageSizeOptions ?? [10, 20, 50, 100],
        showTotal: props.totalText,
        onChange: changePage,
      }}
    />
  );
}
