// Writes a corpus of Vela-style app files: some import @system modules (uploads, downloads, device APIs, guards,
// .ux pages), most are plain helpers, as in a real app. Deterministic: file i always has the same text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = {
  package: 'com.example.bench',
  name: 'Bench',
  icon: '/common/logo.png',
  versionCode: 1,
  minAPILevel: 3,
  targetDevices: ['xiaomi-watch-s4', 'redmi-watch-5'],
  features: [{ name: 'system.request' }, { name: 'system.uploadtask' }, { name: 'system.fetch' }, { name: 'system.vibrator' }, { name: 'system.storage' }],
  config: { logLevel: 'log' },
  router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
};

function helper(i) {
  return `// Helper module ${i}: formatting and arithmetic for the watch face.
export function pad${i}(value, width = 2) {
  const text = String(value)
  return text.length >= width ? text : '0'.repeat(width - text.length) + text
}

export function formatDuration${i}(seconds) {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = seconds % 60
  return [hours, minutes, rest].map((part) => pad${i}(part)).join(':')
}

export function average${i}(samples) {
  if (samples.length === 0) return 0
  let total = 0
  for (const sample of samples) total += sample.value
  return total / samples.length
}

export const zones${i} = [
  { name: 'rest', max: 100 },
  { name: 'fat burn', max: 130 },
  { name: 'cardio', max: 160 },
  { name: 'peak', max: 220 },
]

export function zoneOf${i}(rate) {
  return zones${i}.find((zone) => rate <= zone.max) ?? zones${i}[zones${i}.length - 1]
}
`;
}

function network(i) {
  return `import uploadtask from '@system.uploadtask'
import request from '@system.request'
import app from '@system.app'

export function upload${i}(server, done) {
  if (!app.canIUse('@system.uploadtask')) return done(new Error('uploads unavailable'))
  const task = uploadtask.uploadFile({
    url: server + '/upload/${i}',
    filePath: 'internal://files/log-${i}.txt',
    name: 'log',
    timeout: 10000,
    success(res) { done(null, res) },
    fail(message, code) { done({ message, code }) },
  })
  task.onProgressUpdate((event) => console.log(event.progress))
  return task
}

export function download${i}(server, done) {
  request.download({
    url: server + '/face/${i}.bin',
    filename: 'face-${i}.bin',
    success({ token }) {
      request.onDownloadComplete({ token, success: (res) => done(null, res.uri), fail: (message, code) => done({ message, code }) })
    },
  })
}
`;
}

function device(i) {
  return `const vibrator = require('@system.vibrator')
const storage = require('@system.storage')
const fetch = require('@system.fetch')

module.exports = function tap${i}(key) {
  vibrator.vibrate({ mode: 'short' })
  if (key === 'long') vibrator.start({ mode: 'long' })
  storage.get({ key, success: (value) => console.log(value) })
  fetch.fetch({ url: 'https://example.com/' + key, success: (res) => console.log(res.code) })
}
`;
}

function page(i) {
  return `<template>
  <div class="page">
    <text class="title">{{ title }}</text>
    <input type="button" value="Sync" onclick="sync" />
  </div>
</template>

<script>
import request from '@system.request'
import { formatDuration${i} } from '../../common/helper-${i}.js'

export default {
  private: { title: 'Page ${i}', elapsed: 0 },
  onInit() {
    this.title = formatDuration${i}(this.elapsed)
  },
  sync() {
    request.download({ url: 'https://example.com/p/${i}', success: (data) => { this.title = data.token } })
  },
}
</script>

<style>
.page { flex-direction: column; align-items: center; }
.title { font-size: 32px; }
</style>
`;
}

/** Writes `count` files under `dir/src`: 70% plain helpers, 10% network, 10% device, 10% .ux pages. */
export function writeCorpus(dir, count) {
  mkdirSync(join(dir, 'src', 'common'), { recursive: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'src', 'manifest.json'), JSON.stringify(manifest, null, 2));
  const kinds = { helper: 0, network: 0, device: 0, page: 0 };
  for (let i = 0; i < count; i++) {
    const slot = i % 10;
    if (slot === 7) {
      kinds.network++;
      writeFileSync(join(dir, 'src', 'common', `network-${i}.js`), network(i));
    } else if (slot === 8) {
      kinds.device++;
      writeFileSync(join(dir, 'src', 'common', `device-${i}.js`), device(i));
    } else if (slot === 9) {
      kinds.page++;
      mkdirSync(join(dir, 'src', 'pages', `p${i}`), { recursive: true });
      writeFileSync(join(dir, 'src', 'pages', `p${i}`, 'index.ux'), page(i));
      writeFileSync(join(dir, 'src', 'common', `helper-${i}.js`), helper(i));
      kinds.helper++;
    } else {
      kinds.helper++;
      writeFileSync(join(dir, 'src', 'common', `helper-${i}.js`), helper(i));
    }
  }
  return kinds;
}
