import type { TableColumnsType } from 'antd';
import { Alert, Flex, Table } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * The outcome of an all-or-nothing spreadsheet import (roster, previous term): a summary that
 * says whether anything was written, and the row-by-row report with each row's status.
 */
export function ImportReportView<Row extends { row: number; status: string }>({
  committed,
  summary,
  rows,
  columns,
  onClose,
}: {
  committed: boolean;
  summary: ReactNode;
  rows: readonly Row[];
  columns: TableColumnsType<Row>;
  onClose: () => void;
}) {
  return (
    <Flex vertical gap={8} data-testid="import-report" data-committed={String(committed)}>
      <Alert
        type={committed ? 'success' : 'error'}
        showIcon
        closable={{ onClose }}
        title={<span data-testid="import-summary">{summary}</span>}
      />
      {rows.length > 0 && (
        <Table<Row>
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          onRow={(r) =>
            ({
              'data-testid': 'import-row',
              'data-status': r.status,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </Flex>
  );
}
