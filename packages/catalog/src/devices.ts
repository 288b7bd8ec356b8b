import type { Device } from './types.js';

/**
 * Every Vela wearable the docs name, in the column order of the docs' support tables.
 * Band 9 and Band 9 Pro share one column in the module tables; they differ only in the sensor table.
 */
export const devices = [
  {
    id: 'xiaomi-s1-pro',
    name: 'Xiaomi S1 Pro Sports Health Watch',
    nameZh: '小米 S1 Pro 运动健康手表',
    aliases: ['Xiaomi S1 Pro', 'Xiaomi Watch S1 Pro', 'S1 Pro'],
    screen: { shape: 'round', width: 480, height: 480 },
    inSeeds: true,
  },
  {
    id: 'xiaomi-band-8-pro',
    name: 'Xiaomi Band 8 Pro',
    nameZh: '小米手环 8 Pro',
    aliases: ['Xiaomi Smart Band 8 Pro', 'Band 8 Pro', 'Mi Band 8 Pro'],
    codename: 'm67',
    screen: { shape: 'rect', width: 336, height: 480 },
    inSeeds: true,
  },
  {
    id: 'xiaomi-band-9',
    name: 'Xiaomi Band 9',
    nameZh: '小米手环 9',
    aliases: ['Xiaomi Smart Band 9', 'Band 9', 'Mi Band 9'],
    codename: 'n66',
    screen: { shape: 'pill', width: 192, height: 490 },
    inSeeds: false,
  },
  {
    id: 'xiaomi-band-9-pro',
    name: 'Xiaomi Band 9 Pro',
    nameZh: '小米手环 9 Pro',
    aliases: ['Xiaomi Smart Band 9 Pro', 'Band 9 Pro', 'Mi Band 9 Pro'],
    codename: 'n67',
    screen: { shape: 'rect', width: 336, height: 480 },
    inSeeds: false,
  },
  {
    id: 'xiaomi-watch-s3',
    name: 'Xiaomi Watch S3',
    nameZh: '小米 Watch S3',
    aliases: ['Watch S3', 'Xiaomi Watch S3 eSIM'],
    codename: 'n62',
    screen: { shape: 'round', width: 466, height: 466 },
    inSeeds: true,
  },
  {
    id: 'redmi-watch-4',
    name: 'Redmi Watch 4',
    nameZh: 'Redmi Watch 4',
    aliases: ['红米手表 4'],
    screen: { shape: 'rect', width: 390, height: 450 },
    inSeeds: true,
  },
  {
    id: 'xiaomi-watch-h1',
    name: 'Xiaomi Wrist ECG and Blood Pressure Recorder',
    nameZh: '小米腕部心电血压记录仪',
    aliases: [
      'Xiaomi Wrist ECG Blood Pressure Recorder',
      'Xiaomi Wrist ECG and Blood Pressure Monitor',
      'Xiaomi Watch H1',
      'Watch H1',
    ],
    screen: { shape: 'round', width: 466, height: 466 },
    inSeeds: true,
  },
  {
    id: 'xiaomi-band-10',
    name: 'Xiaomi Band 10',
    nameZh: '小米手环 10',
    aliases: ['Xiaomi Smart Band 10', 'Band 10', 'Mi Band 10'],
    codename: 'o66',
    screen: { shape: 'pill', width: 212, height: 520 },
    inSeeds: false,
  },
  {
    id: 'xiaomi-watch-s4',
    name: 'Xiaomi Watch S4',
    nameZh: '小米 Watch S4',
    aliases: ['Watch S4', 'Xiaomi Watch S4 eSIM', 'Xiaomi Watch S4 Sport'],
    codename: 'o62',
    screen: { shape: 'round', width: 466, height: 466 },
    inSeeds: true,
  },
  {
    id: 'redmi-watch-5',
    name: 'REDMI Watch 5',
    nameZh: 'REDMI Watch 5',
    aliases: ['红米手表 5'],
    codename: 'o65',
    screen: { shape: 'rect', width: 432, height: 514 },
    inSeeds: true,
  },
  {
    id: 'redmi-watch-6',
    name: 'REDMI Watch 6',
    nameZh: 'REDMI Watch 6',
    aliases: ['红米手表 6'],
    codename: 'p65',
    screen: { shape: 'rect', width: 432, height: 514 },
    inSeeds: false,
  },
  {
    id: 'xiaomi-watch-s5',
    name: 'Xiaomi Watch S5',
    nameZh: '小米 Watch S5',
    aliases: ['Watch S5'],
    screen: { shape: 'round', width: 480, height: 480 },
    inSeeds: false,
  },
] as const satisfies readonly Device[];

export type DeviceId = (typeof devices)[number]['id'];

export const deviceIds: readonly DeviceId[] = devices.map((device) => device.id);
