import { CheckOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ReportFigure, ReportSection as Section, ReportTable } from '../../../shared/api/report';
import { figureLink } from './figureLink';
import { formatValue, isNumericCell } from './reportDocument';

/** A number of the generated text: a link to the list behind it, or plain with a tooltip saying why not. */
function FigureValue({ figure, figureKey }: { figure: ReportFigure | undefined; figureKey: string }) {
  if (!figure) {
    return (
      <Tooltip title={`没有名为“${figureKey}”的指标`}>
        <span className="report-figure report-figure-plain">—</span>
      </Tooltip>
    );
  }
  const link = figureLink(figure.source);
  const text = formatValue(figure.value);
  if (link.to === null) {
    return (
      <Tooltip title={`${figure.label}：${link.reason}`}>
        <span className="report-figure report-figure-plain" data-figure={figure.key}>
          {text}
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={`${figure.label}：点击查看${link.listLabel}中的这些记录`}>
      <Link to={link.to} className="report-figure report-figure-link" data-figure={figure.key}>
        {text}
      </Link>
    </Tooltip>
  );
}

/** A table of a section as the report prints it: header row, numbers right-aligned. */
export function SectionTable({ table }: { table: ReportTable }) {
  const numericColumns = table.columns.map((_, index) => table.rows.length > 0 && table.rows.every((row) => (row[index] ?? '') === '' || isNumericCell(row[index])));
  return (
    <Table
      size="small"
      bordered
      className="report-table"
      title={table.title ? () => <span className="report-table-title">{table.title}</span> : undefined}
      pagination={false}
      rowKey="key"
      dataSource={table.rows.map((row, index) => ({ key: index, row }))}
      columns={table.columns.map((column, index) => ({
        key: index,
        title: column,
        align: numericColumns[index] ? 'right' : 'left',
        render: (_: unknown, record: { row: (string | number)[] }) => record.row[index] ?? '',
      }))}
    />
  );
}

/**
 * One section: its heading, the paragraph (generated, with each number linked to its list; or the user's own
 * text), 编辑 to rewrite it and 恢复自动生成 to go back, and the section's tables.
 */
export function ReportSectionView({
  section,
  figures,
  edited,
  generatedText,
  onEdit,
}: {
  section: Section;
  figures: ReportFigure[];
  /** The user's text, when they rewrote this section. */
  edited: string | undefined;
  generatedText: string;
  /** New text for the section, or undefined to go back to the generated one. */
  onEdit: (text: string | undefined) => void;
}) {
  const [editing, setEditing] = useState(false);
  const byKey = new Map(figures.map((figure) => [figure.key, figure]));
  return (
    <section className="report-section" data-section={section.key}>
      <div className="report-section-head">
        <h3 className="report-section-title">{section.title}</h3>
        {edited !== undefined && <Tag color="orange">已手动修改</Tag>}
        <span className="spacer" />
        <Space size={4}>
          {editing ? (
            <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setEditing(false)}>
              完成
            </Button>
          ) : (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} aria-label={`编辑 ${section.title}`}>
              编辑
            </Button>
          )}
          {edited !== undefined && (
            <Button size="small" icon={<UndoOutlined />} onClick={() => onEdit(undefined)}>
              恢复自动生成
            </Button>
          )}
        </Space>
      </div>
      {editing ? (
        <Input.TextArea
          aria-label={`${section.title} 段落`}
          autoSize={{ minRows: 4, maxRows: 20 }}
          maxLength={20_000}
          value={edited ?? generatedText}
          // Text that reads as the generated one again is no edit (its numbers link once more).
          onChange={(event) => onEdit(event.target.value === generatedText ? undefined : event.target.value)}
        />
      ) : edited !== undefined ? (
        <div className="report-paragraphs">
          {edited
            .split(/\r?\n/)
            .filter((line) => line.trim())
            .map((line, index) => (
              <p key={index} className="report-paragraph">
                {line}
              </p>
            ))}
        </div>
      ) : (
        <Typography.Paragraph className="report-paragraph report-paragraph-generated">
          {section.segments.map((segment, index) => (
            <Fragment key={index}>{'text' in segment ? segment.text : <FigureValue figure={byKey.get(segment.figure)} figureKey={segment.figure} />}</Fragment>
          ))}
        </Typography.Paragraph>
      )}
      {section.tables.map((table, index) => (
        <SectionTable key={index} table={table} />
      ))}
    </section>
  );
}
