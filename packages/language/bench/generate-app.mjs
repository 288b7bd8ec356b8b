// @ts-check
// Writes the bench's Vela app: `pages` `.ux` pages (each with data, a computed member, lifecycle hooks and methods
// calling @system.request and @system.uploadtask through `this`), app.ux, a helper, and a jsconfig.json. Beside it, the
// same scripts as plain `.js` files for the `tsc` baseline. Both get node_modules/@velakit/types linked to this repo's.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const typesPackage = fileURLToPath(new URL('../../types/', import.meta.url));

export const jsconfig = {
  compilerOptions: {
    target: 'ES2020',
    lib: ['ES2020'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    allowJs: true,
    checkJs: true,
    strict: false,
    noEmit: true,
    types: ['@velakit/types'],
  },
  include: ['src'],
};

/** @param {number} n */
export function pageScript(n) {
  return `
import request from '@system.request'
import uploadtask from '@system.uploadtask'
import { label } from '../../common/label.js'

export default {
  private: { title: 'Page ${n}', progress: 0, token: '', items: [] },
  computed: {
    heading() {
      return label(this.title, this.progress)
    },
  },
  onInit() {
    this.progress = ${n % 100}
    this.fetchMap('https://example.com/maps/${n}.bin')
  },
  onShow() {
    this.items.push(this.heading)
  },
  fetchMap(url) {
    request.download({
      url,
      header: 'Accept: application/octet-stream',
      success: (data) => {
        this.token = data.token
        this.follow()
      },
      fail: (message, code) => console.log(code, message),
    })
  },
  follow() {
    request.onDownloadComplete({ token: this.token, success: (done) => this.upload(done.uri) })
  },
  upload(filePath) {
    const task = uploadtask.uploadFile({ url: 'https://example.com/up/${n}', filePath, name: 'map' })
    task.onProgressUpdate((event) => {
      this.progress = event.progress
    })
  },
}
`;
}

const appScript = `
export default {
  data: { launches: 0 },
  onCreate() {
    this.data.launches += 1
  },
}
`;

const helper = `/**
 * @param {string} title
 * @param {number} progress
 */
export function label(title, progress) {
  return \`\${title} (\${progress}%)\`
}
`;

/** @param {string} path @param {string} text */
function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** @param {string} root */
function common(root) {
  write(join(root, 'jsconfig.json'), `${JSON.stringify(jsconfig, null, 2)}\n`);
  write(join(root, 'src/common/label.js'), helper);
  mkdirSync(join(root, 'node_modules/@velakit'), { recursive: true });
  symlinkSync(typesPackage, join(root, 'node_modules/@velakit/types'), 'dir');
}

/**
 * Writes `<dir>/ux-app` (the Vela app) and `<dir>/js-app` (the same scripts as `.js` files).
 * @param {string} dir
 * @param {number} pages
 */
export function generateApps(dir, pages) {
  const uxApp = join(dir, 'ux-app');
  const jsApp = join(dir, 'js-app');
  common(uxApp);
  common(jsApp);
  const routes = Object.fromEntries(Array.from({ length: pages }, (_, n) => [`pages/p${n}`, { component: `p${n}` }]));
  write(
    join(uxApp, 'src/manifest.json'),
    `${JSON.stringify({ package: 'com.example.bench', name: 'Bench', versionCode: 1, minAPILevel: 3, router: { entry: 'pages/p0', pages: routes } }, null, 2)}\n`,
  );
  write(join(uxApp, 'src/app.ux'), `<script>${appScript}</script>\n`);
  write(join(jsApp, 'src/app.js'), appScript);
  for (let n = 0; n < pages; n++) {
    const template = `<import name="badge" src="../../common/badge" />\n<template>\n  <div><text>{{heading}}</text><badge></badge></div>\n</template>\n\n`;
    write(join(uxApp, `src/pages/p${n}/p${n}.ux`), `${template}<script>${pageScript(n)}</script>\n`);
    write(join(jsApp, `src/pages/p${n}/p${n}.js`), pageScript(n));
  }
  return { uxApp, jsApp };
}
