import { Empty, List, Pagination, Table, type TableColumnsType } from 'antd';
import type React from 'react';
import { useEffect, useState } from 'react';
import { useIsPhone } from '../../app/use-is-phone.ts';

/**
 * A campaign's short lists (its units, flagged files, objections) come whole from the server and are
 * filtered here; this pages them like PagedResults does a server page: a table on desktops, a compact
 * list with simple paging on phones, the same empty state on both. A changed filter starts at page 1.
 */
export function LocalPagedList<T>({
  items,
  rowKey,
  columns,
  renderPhoneItem,
  emptyText,
  totalText,
  scrollX,
  loading = false,
  expandable,
}: {
  items: readonly T[];
  rowKey: (item: T) => React.Key;
  columns: TableColumnsType<T>;
  renderPhoneItem: (item: T) => React.ReactNode;
  emptyText: string;
  totalText: (total: number) => string;
  scrollX: number;
  loading?: boolean;
  expandable?: React.ComponentProps<typeof Table<T>>['expandable'];
}) {
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(isPhone ? 10 : 20);
  // the filter changed the list: back to its first page
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new list only
  useEffect(() => setPage(1), [items.length]);
  const empty = { emptyText: <Empty description={emptyText} /> };
  if (isPhone) {
    const shown = items.slice((page - 1) * pageSize, page * pageSize);
    return (
      <>
        <List
          dataSource={shown as T[]}
          loading={loading}
          locale={empty}
          renderItem={(item) => (
            <List.Item key={rowKey(item)} style={{ display: 'block' }}>
              {renderPhoneItem(item)}
            </List.Item>
          )}
        />
        {items.length > pageSize && (
          <Pagination
            simple
            align="center"
            style={{ marginTop: 12 }}
            current={page}
            pageSize={pageSize}
            total={items.length}
            onChange={setPage}
          />
        )}
      </>
    );
  }
  return (
    <Table<T>
      rowKey={rowKey}
      size="middle"
      columns={columns}
      dataSource={items as T[]}
      loading={loading}
      scroll={{ x: scrollX }}
      locale={empty}
      expandable={expandable}
      pagination={{
        current: page,
        pageSize,
        total: items.length,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: totalText,
        onChange: (nextPage, nextSize) => {
          setPage(nextSize === pageSize ? nextPage : 1);
          setPageSize(nextSize);
        },
      }}
    />
  );
}
