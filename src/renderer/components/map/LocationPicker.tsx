import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Form, Input, Modal, Select, Spin, Typography, type FormInstance } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { datumLabels, datums, roundCoordinate, toWgs84, type Datum, type LngLat } from '../../../shared/domain/geo/datum';
import { useApiQuery } from '../../api/useApi';
import { prefersReducedMotion } from './echarts';
import { locateInVillages, locationStatusText, parseLngLatText, pasteFormatError, pointOf, type LocationStatus, type VillageFeature } from './locationCheck';
import { townGeoComponent, type TownGeo } from './townGeo';
import { useEChart } from './useEChart';
import { useTownGeo } from './useTownGeo';

/**
 * The form's own village ({id, name}) to compare a point with, or null when the form has none: tanks carry no
 * villageId, and a new record may not have chosen one yet.
 */
function useExpectedVillage(form: FormInstance): { id: number; name: string } | null {
  const villageId = Form.useWatch('villageId', form) as number | null | undefined;
  // Only asked for when a village is chosen, so forms without one (tanks) make no call.
  const villages = useApiQuery('villages.options', villageId ? {} : null);
  return useMemo(() => {
    const name = villageId ? villages.data?.find((village) => village.id === villageId)?.name : undefined;
    return villageId && name ? { id: villageId, name } : null;
  }, [villageId, villages.data]);
}

function StatusLine({ status }: { status: LocationStatus }) {
  const { text, warning } = locationStatusText(status);
  return (
    <Typography.Text type={warning ? 'warning' : 'secondary'} data-testid="location-status">
      {text}
    </Typography.Text>
  );
}

/**
 * Under the form's 经度/纬度: which village the typed point lies in, so a slip of a digit (or a GCJ-02 value typed
 * as WGS84) shows before saving, without opening the map. Silent while either number is missing or there is no
 * boundary to check against.
 */
export function VillageCheckHint({ form }: { form: FormInstance }) {
  const point = pointOf(Form.useWatch('longitude', form), Form.useWatch('latitude', form));
  const expected = useExpectedVillage(form);
  // The boundary is only fetched once there is a point to check.
  const boundary = useApiQuery('maps.currentBoundary', point ? {} : null);
  const features = boundary.data?.features;
  if (!point || !features || features.length === 0) return null;
  return <StatusLine status={locateInVillages(point, features, expected)} />;
}

/**
 * 在地图上选点 for the enterprise, idle-site and tank forms: a button beside the 经度/纬度 inputs (with the village
 * check under it) opening a small map of the village polygons. Clicking the map moves the pin; a coordinate copied
 * from another map can be pasted and converted from its datum; 使用此位置 writes both fields, rounded to the 6
 * decimals the forms store. Works inside an antd Form through the `form` instance it is given.
 */
export function LocationPicker({ form }: { form: FormInstance }) {
  const [open, setOpen] = useState(false);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
      <Button icon={<EnvironmentOutlined />} onClick={() => setOpen(true)}>
        在地图上选点
      </Button>
      <VillageCheckHint form={form} />
      {open && <PickerModal form={form} onClose={() => setOpen(false)} />}
    </div>
  );
}

function PickerModal({ form, onClose }: { form: FormInstance; onClose: () => void }) {
  // The modal edits a draft; the form changes only on 使用此位置, so 取消 leaves it as it was.
  const [point, setPoint] = useState<LngLat | null>(() => pointOf(form.getFieldValue('longitude'), form.getFieldValue('latitude')));
  const [centerOn, setCenterOn] = useState<{ point: LngLat } | null>(null);
  const expected = useExpectedVillage(form);
  const town = useTownGeo();
  const features: readonly VillageFeature[] = town.boundary?.features ?? [];
  const status = point && features.length > 0 ? locateInVillages(point, features, expected) : null;

  function use() {
    if (!point) return;
    // setFields (not setFieldsValue) to also clear any error the backend placed on the fields last time; touched
    // so that closing the form afterwards still asks before dropping the change.
    form.setFields([
      { name: 'longitude', value: roundCoordinate(point[0]), errors: [], touched: true },
      { name: 'latitude', value: roundCoordinate(point[1]), errors: [], touched: true },
    ]);
    onClose();
  }

  return (
    <Modal
      open
      title="在地图上选点"
      width={760}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="use" type="primary" disabled={!point} onClick={use}>
          使用此位置
        </Button>,
      ]}
    >
      {town.error && !town.boundary ? (
        <Alert type="error" showIcon title="村界加载失败" description={town.error} action={<Button size="small" onClick={town.reload}>重试</Button>} />
      ) : town.loading && !town.boundary ? (
        <div style={{ height: 420, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      ) : !town.geo ? (
        <div style={{ height: 420, display: 'grid', placeItems: 'center', background: '#fafafa' }}>
          <Empty description="尚未导入村界" />
        </div>
      ) : (
        <PickerMap geo={town.geo} point={point} centerOn={centerOn} onPick={setPoint} />
      )}
      <div style={{ minHeight: 22, marginTop: 8 }}>
        {point ? (
          <span style={{ display: 'inline-flex', gap: 12, flexWrap: 'wrap' }}>
            <Typography.Text>
              经度 {point[0].toFixed(6)}，纬度 {point[1].toFixed(6)}
            </Typography.Text>
            {status && <StatusLine status={status} />}
          </span>
        ) : (
          <Typography.Text type="secondary">尚未选点：点击地图上的位置放置标记，或在下方粘贴坐标。</Typography.Text>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12, fontSize: 12 }}>
        点击地图任意位置移动标记；滚轮缩放，按住拖动平移。
      </Typography.Paragraph>
      <PasteCoordinate
        onLocate={(located) => {
          setPoint(located);
          setCenterOn({ point: located });
        }}
      />
    </Modal>
  );
}

/** The map itself: the village polygons, the pin, and a click anywhere moving it. */
function PickerMap({ geo, point, centerOn, onPick }: { geo: TownGeo; point: LngLat | null; centerOn: { point: LngLat } | null; onPick: (point: LngLat) => void }) {
  const { ref, chart } = useEChart();

  // The base drawing is set once per boundary; the pin is merged in separately, so moving it keeps the zoom and pan.
  useEffect(() => {
    if (!chart) return;
    chart.setOption(
      {
        animation: !prefersReducedMotion(),
        geo: townGeoComponent(geo, { roam: true, labels: true }),
        series: [{ id: 'pin', type: 'scatter', coordinateSystem: 'geo', data: [] }],
      },
      { notMerge: true },
    );
  }, [chart, geo]);

  useEffect(() => {
    if (!chart) return;
    chart.setOption({
      series: [
        {
          id: 'pin',
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 30,
          // The pin's tip is the bottom of its box: lift it by half so the tip, not the middle, marks the point.
          symbolOffset: [0, '-50%'],
          itemStyle: { color: '#d4380d' },
          silent: true,
          animation: false,
          data: point ? [point] : [],
          z: 10,
        },
      ],
    });
  }, [chart, point, geo]);

  // 换算并定位 brings the pasted point into view (it may be off the part of the town being looked at).
  useEffect(() => {
    if (!chart || !centerOn) return;
    chart.setOption({ geo: { center: centerOn.point } });
  }, [chart, centerOn]);

  useEffect(() => {
    if (!chart) return undefined;
    const zr = chart.getZr();
    // zrender's click skips presses that moved (a drag to pan), so panning never moves the pin.
    const handler = (event: { offsetX: number; offsetY: number }) => {
      const converted = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as number[] | undefined;
      if (converted && Number.isFinite(converted[0]) && Number.isFinite(converted[1])) onPick([converted[0], converted[1]]);
    };
    zr.on('click', handler);
    return () => {
      zr.off('click', handler);
    };
  }, [chart, onPick]);

  return <div ref={ref} role="application" aria-label="选点地图" style={{ height: 420, width: '100%', cursor: 'crosshair', border: '1px solid #f0f0f0', borderRadius: 6 }} />;
}

/** 坐标系 + 粘贴坐标: a point read off another map, converted to WGS84 (what the app stores). */
function PasteCoordinate({ onLocate }: { onLocate: (point: LngLat) => void }) {
  const [datum, setDatum] = useState<Datum>('WGS84');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const datumId = useId();
  const textId = useId();

  function locate() {
    const parsed = parseLngLatText(text);
    if (!parsed) {
      setError(pasteFormatError);
      return;
    }
    setError(null);
    onLocate(toWgs84(parsed, datum));
  }

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '280px 1fr', gap: '4px 12px', alignItems: 'start' }}>
      <label htmlFor={datumId}>坐标系</label>
      <label htmlFor={textId}>粘贴坐标</label>
      <div>
        <Select<Datum> id={datumId} value={datum} onChange={setDatum} style={{ width: '100%' }} options={datums.map((value) => ({ value, label: datumLabels[value] }))} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          手机 GPS 为 WGS84；高德/腾讯地图为 GCJ-02；百度地图为 BD-09
        </Typography.Text>
      </div>
      <div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Input
            id={textId}
            value={text}
            status={error ? 'error' : undefined}
            placeholder="经度, 纬度，如 113.551234, 22.831234"
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
            onPressEnter={(event) => {
              // Enter here converts; it must not reach the record form around the modal and save it.
              event.preventDefault();
              locate();
            }}
          />
          <Button onClick={locate}>换算并定位</Button>
        </div>
        {error && (
          <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
            {error}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
