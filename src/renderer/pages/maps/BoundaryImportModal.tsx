import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Spin, Steps, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import { maxBoundaryTextLength, type BoundaryMatchRow, type BoundaryPreview, type BoundarySet } from '../../../shared/api/maps';
import { datumLabels, datums, type Datum } from '../../../shared/domain/geo/datum';
import { ApiCallError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { BoundaryPreviewMap } from './BoundaryPreviewMap';
import {
  buildAssignments,
  choiceCounts,
  choiceOf,
  defaultSetName,
  initialChoices,
  isBoundaryFileName,
  maxSetNameLength,
  noVillage,
  previewFeatures,
  problemText,
  villageOptionsFor,
  villagesLeftOut,
  type Choices,
} from './boundaryImport';

/** The file as read: its name (for the default set name) and text (sent as is; the backend parses it). */
interface PickedFile {
  name: string;
  text: string;
}

/** A successful check, with exactly what was checked: saving sends the same text, datum and name property. */
interface Checked {
  file: PickedFile;
  source: Datum;
  preview: Extract<BoundaryPreview, { ok: true }>;
}

interface SaveValues {
  name: string;
  makeCurrent: boolean;
}

/**
 * 导入村界文件: pick a GeoJSON file and its datum, check it (`maps.previewBoundary`: every problem listed, or the
 * features matched to villages), review the matches on a small map and in a table, then save it as a set.
 */
export function BoundaryImportModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (set: BoundarySet) => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // Most files are GPS/天地图 or DataV data; WGS84 is the no-conversion choice, and the hint beside it says when not.
  const [source, setSource] = useState<Datum>('WGS84');
  // Undefined: let the backend pick the name property (name, NAME, 村名…); set once the user chooses another.
  const [nameProperty, setNameProperty] = useState<string | undefined>(undefined);
  const [properties, setProperties] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const [problems, setProblems] = useState<BoundaryPreview & { ok: false } | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [form] = Form.useForm<SaveValues>();
  const checkButtonRef = useRef<HTMLButtonElement>(null);
  const villages = useApiQuery('villages.options', open ? {} : null);

  const step = checked ? 1 : 0;

  function reset() {
    setFile(null);
    setFileError(null);
    setSource('WGS84');
    setNameProperty(undefined);
    setProperties([]);
    clearCheck();
    setSaveError(null);
  }

  /** Any change to the file, datum or name property makes an earlier check stale. */
  function clearCheck() {
    setProblems(null);
    setCheckError(null);
    setChecked(null);
    setChoices({});
  }

  async function pickFile(picked: File) {
    clearCheck();
    setNameProperty(undefined);
    setProperties([]);
    if (!isBoundaryFileName(picked.name)) {
      setFile(null);
      setFileError(`「${picked.name}」不是边界文件，请选择 .geojson 或 .json 文件。`);
      return;
    }
    // A character takes at least one byte, so a file this many times the limit cannot fit; skip reading it at all.
    if (picked.size > maxBoundaryTextLength * 4) {
      setFile(null);
      setFileError('边界文件过大（超过 20 MB），请先在 GIS 软件中简化后再导入。');
      return;
    }
    setReading(true);
    try {
      const text = await picked.text();
      if (text.length > maxBoundaryTextLength) {
        setFile(null);
        setFileError('边界文件过大（超过 20 MB），请先在 GIS 软件中简化后再导入。');
        return;
      }
      setFile({ name: picked.name, text });
      setFileError(null);
      // The next thing to do is 检查文件; Enter or Space then runs it.
      setTimeout(() => checkButtonRef.current?.focus(), 0);
    } catch (error) {
      setFile(null);
      setFileError(`无法读取「${picked.name}」：${(error as Error).message}`);
    } finally {
      setReading(false);
    }
  }

  async function check() {
    if (!file) return;
    clearCheck();
    setChecking(true);
    try {
      const preview = await callApi('maps.previewBoundary', { text: file.text, source, ...(nameProperty ? { nameProperty } : {}) });
      setProperties(preview.properties);
      if (!preview.ok) {
        setProblems(preview);
        return;
      }
      setNameProperty(preview.nameProperty);
      setChoices(initialChoices(preview.matches));
      setSaveError(null);
      setChecked({ file, source, preview });
    } catch (error) {
      setCheckError(error instanceof ApiCallError || error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  }

  async function save(values: SaveValues) {
    if (!checked) return;
    setSaving(true);
    setSaveError(null);
    try {
      const set = await callApi('maps.saveBoundarySet', {
        name: values.name.trim(),
        text: checked.file.text,
        source: checked.source,
        nameProperty: checked.preview.nameProperty,
        assignments: buildAssignments(checked.preview.matches, choices),
        makeCurrent: values.makeCurrent,
      });
      onSaved(set);
      onClose();
    } catch (error) {
      setSaveError(applyFieldErrors(form, error));
    } finally {
      setSaving(false);
    }
  }

  const footer =
    step === 0 ? (
      <Space>
        <Button onClick={onClose}>取消</Button>
        <Button ref={checkButtonRef} type="primary" loading={checking} disabled={!file || reading} onClick={() => void check()}>
          检查文件
        </Button>
      </Space>
    ) : (
      <Space>
        <Button onClick={() => clearCheck()} disabled={saving}>
          上一步
        </Button>
        <Button onClick={onClose} disabled={saving}>
          取消
        </Button>
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          保存
        </Button>
      </Space>
    );

  return (
    <Modal
      title="导入村界文件"
      open={open}
      width={960}
      onCancel={() => !saving && onClose()}
      afterClose={reset}
      // A stray click outside must not throw away a reviewed file.
      mask={{ closable: false }}
      footer={footer}
      style={{ top: 40 }}
      destroyOnHidden
    >
      <Steps current={step} size="small" style={{ marginBottom: 16 }} items={[{ title: '选择文件和坐标系' }, { title: '核对村（社区）并保存' }]} />
      {step === 0 && (
        <PickStep
          file={file}
          fileError={fileError}
          reading={reading}
          source={source}
          nameProperty={nameProperty}
          properties={properties}
          problems={problems}
          checkError={checkError}
          onPick={(picked) => void pickFile(picked)}
          onSource={(datum) => {
            setSource(datum);
            clearCheck();
          }}
          onNameProperty={(property) => {
            setNameProperty(property);
            clearCheck();
          }}
        />
      )}
      {checked && (
        <ReviewStep
          checked={checked}
          choices={choices}
          villages={villages.data}
          villagesError={villages.error?.message}
          onChoose={(featureIndex, villageId) => setChoices((previous) => ({ ...previous, [featureIndex]: villageId }))}
        >
          <Form<SaveValues>
            form={form}
            // Prefixes the inputs' ids (boundarySet_name), so they cannot clash with another form on the page.
            name="boundarySet"
            layout="inline"
            initialValues={{ name: defaultSetName(checked.file.name), makeCurrent: true }}
            onFinish={(values) => void save(values)}
            onValuesChange={(changed: Partial<SaveValues>) => {
              clearErrorsOnChange(form)(changed);
              setSaveError(null);
            }}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请填写村界名称' },
                { max: maxSetNameLength, message: `名称不能超过 ${maxSetNameLength} 个字` },
              ]}
            >
              <Input style={{ width: 320 }} maxLength={maxSetNameLength} showCount placeholder="如：某某镇村界 2026" />
            </Form.Item>
            <Form.Item name="makeCurrent" valuePropName="checked">
              <Checkbox>设为当前村界</Checkbox>
            </Form.Item>
          </Form>
          {saveError && <Alert type="error" showIcon title="未保存" description={saveError} style={{ marginTop: 12 }} />}
        </ReviewStep>
      )}
    </Modal>
  );
}

function PickStep({
  file,
  fileError,
  reading,
  source,
  nameProperty,
  properties,
  problems,
  checkError,
  onPick,
  onSource,
  onNameProperty,
}: {
  file: PickedFile | null;
  fileError: string | null;
  reading: boolean;
  source: Datum;
  nameProperty: string | undefined;
  properties: string[];
  problems: (BoundaryPreview & { ok: false }) | null;
  checkError: string | null;
  onPick: (file: File) => void;
  onSource: (datum: Datum) => void;
  onNameProperty: (property: string | undefined) => void;
}) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Upload.Dragger
        accept=".geojson,.json"
        multiple={false}
        showUploadList={false}
        disabled={reading}
        beforeUpload={(picked) => {
          onPick(picked);
          // The text goes to the backend through the API; antd must not try its own HTTP upload.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? `已选择「${file.name}」，点击可换一个文件` : '点击选择村界文件，或将文件拖到此处'}</p>
        <p className="ant-upload-hint">
          GeoJSON 格式（.geojson 或 .json），每个村（社区）一个 Polygon 或 MultiPolygon 要素，带村名属性；不超过 20 MB。
        </p>
      </Upload.Dragger>
      {reading && (
        <Spin>
          <Alert type="info" title="正在读取文件…" />
        </Spin>
      )}
      {fileError && <Alert type="error" showIcon title={fileError} />}

      <div>
        <Typography.Text strong id="boundary-datum-label">
          文件的坐标系
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group aria-labelledby="boundary-datum-label" value={source} onChange={(event) => onSource(event.target.value as Datum)}>
            <Space orientation="vertical" size={4}>
              {datums.map((datum) => (
                <Radio key={datum} value={datum}>
                  {datumLabels[datum]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          从高德地图、阿里云 DataV 下载或描绘的数据是 GCJ-02；从百度地图得到的是 BD-09；GPS 设备、奥维、天地图及大多数 GIS 软件导出的是 WGS84。
          选错坐标系，村界会整体偏移约 500 米，企业、隐患等点位可能落到相邻的村里；不确定时，检查后可在下一步的示意图上核对。
        </Typography.Paragraph>
      </div>

      {properties.length > 0 && (
        <div>
          <Typography.Text strong id="boundary-name-property-label">
            村名所在的属性
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Select
              aria-labelledby="boundary-name-property-label"
              style={{ width: 280 }}
              placeholder="自动识别"
              allowClear
              value={nameProperty}
              options={properties.map((property) => ({ label: property, value: property }))}
              onChange={(property?: string) => onNameProperty(property)}
            />
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              文件中每个要素用哪个属性作村（社区）名称；改后请重新检查。
            </Typography.Text>
          </div>
        </div>
      )}

      {problems && (
        <Alert
          type="error"
          showIcon
          title={`文件有 ${problems.errors.length} 个问题，未能读取。请在 GIS 软件中改正后重新选择文件${properties.length > 0 ? '，或换一个村名属性、坐标系后' : '，或改选坐标系后'}重新检查。`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflowY: 'auto' }}>
              {problems.errors.map((problem, index) => (
                <li key={index}>{problemText(problem)}</li>
              ))}
            </ul>
          }
        />
      )}
      {checkError && <Alert type="error" showIcon title="检查失败" description={checkError} />}
    </Space>
  );
}

const methodTags: Record<NonNullable<BoundaryMatchRow['method']>, { label: string; color: string; hint: string }> = {
  exact: { label: '精确', color: 'green', hint: '要素名称与村（社区）名称完全相同' },
  normalized: { label: '近似', color: 'gold', hint: '名称去掉“村”“社区”等字样后相同（如“东山”对“东山村”），请核对是否对应正确' },
};

const reasonHints: Record<NonNullable<BoundaryMatchRow['reason']>, string> = {
  'no-village': '没有同名的村（社区）',
  ambiguous: '有多个可能对应的村（社区）',
};

function ReviewStep({
  checked,
  choices,
  villages,
  villagesError,
  onChoose,
  children,
}: {
  checked: Checked;
  choices: Choices;
  villages: { id: number; name: string }[] | undefined;
  villagesError: string | undefined;
  onChoose: (featureIndex: number, villageId: number | null) => void;
  children: React.ReactNode;
}) {
  const { preview } = checked;
  const villageList = useMemo(() => villages ?? [], [villages]);
  const features = useMemo(() => previewFeatures(preview.matches, choices, villageList), [preview.matches, choices, villageList]);
  const counts = choiceCounts(preview.matches, choices);
  const leftOut = villagesLeftOut(villages, preview.matches, choices, preview.villagesWithoutFeature);

  const columns: ColumnsType<BoundaryMatchRow> = [
    { title: '序号', key: 'index', width: 56, render: (_value, row) => row.featureIndex + 1 },
    { title: '要素名称', dataIndex: 'featureName', width: 150, ellipsis: true, render: (name: string) => name || <Typography.Text type="secondary">（无名称）</Typography.Text> },
    {
      title: '匹配方式',
      key: 'method',
      width: 96,
      render: (_value, row) => {
        const chosen = choiceOf(row, choices);
        // A row the user re-assigned is no longer the automatic match the tag describes.
        if (chosen !== row.villageId) return <Tag color="blue">手动指定</Tag>;
        if (row.method) {
          const tag = methodTags[row.method];
          return (
            <Tooltip title={tag.hint}>
              <Tag color={tag.color}>{tag.label}</Tag>
            </Tooltip>
          );
        }
        return (
          <Tooltip title={row.reason ? reasonHints[row.reason] : undefined}>
            <Tag color="orange">未匹配</Tag>
          </Tooltip>
        );
      },
    },
    {
      title: '对应村/社区',
      key: 'village',
      render: (_value, row) => {
        const chosen = choiceOf(row, choices);
        return (
          <Select<number>
            aria-label={`第 ${row.featureIndex + 1} 个要素（${row.featureName}）对应的村/社区`}
            style={{ width: '100%', minWidth: 160 }}
            showSearch={{ optionFilterProp: 'label' }}
            loading={!villages && !villagesError}
            value={chosen ?? noVillage}
            options={villageOptionsFor(row, villageList)}
            // Until the villages load, the preview's own match still shows by name rather than as a bare id.
            labelRender={({ value, label }) => label ?? (value === noVillage ? '不对应任何村' : value === row.villageId ? row.villageName : value)}
            onChange={(value) => onChoose(row.featureIndex, value === noVillage ? null : value)}
          />
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text>
        「{checked.file.name}」：共 {preview.featureCount} 个要素（坐标系 {datumLabels[checked.source]}，村名属性“{preview.nameProperty}”）；已对应{' '}
        {counts.matched} 个，未对应 {counts.unmatched} 个。
      </Typography.Text>
      {preview.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="请留意"
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 120, overflowY: 'auto' }}>
              {preview.warnings.map((warning, index) => (
                <li key={index}>{problemText(warning)}</li>
              ))}
            </ul>
          }
        />
      )}
      {villagesError && <Alert type="error" showIcon title={`无法读取村（社区）列表：${villagesError}`} />}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ flex: '0 0 300px' }}>
          <BoundaryPreviewMap features={features} height={300} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: '#d6e8fa', border: '1px solid #8a97a6', marginRight: 4 }} />
            已对应
            <span style={{ display: 'inline-block', width: 10, height: 10, background: '#ffd591', border: '1px solid #8a97a6', margin: '0 4px 0 12px' }} />
            未对应；滚轮缩放、拖动平移
          </Typography.Text>
        </div>
        <Table<BoundaryMatchRow>
          style={{ flex: 1, minWidth: 0 }}
          rowKey="featureIndex"
          size="small"
          pagination={false}
          scroll={{ y: 300 }}
          columns={columns}
          dataSource={preview.matches}
        />
      </div>
      <Typography.Text type={leftOut.length > 0 ? 'warning' : 'secondary'}>
        {leftOut.length > 0
          ? `没有对应要素的村（社区）${leftOut.length} 个：${leftOut.map((village) => village.name).join('、')}。它们在地图上将没有村界。`
          : '每个村（社区）都有对应的要素。'}
      </Typography.Text>
      {children}
    </Space>
  );
}
