import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getLanguageService, TextDocument, type Position } from 'vscode-json-languageservice';
import { devices } from '@velakit/catalog';

// What VS Code does for a manifest.json that names the schema in "$schema": resolve the path relative to the file,
// fetch the schema, then complete, hover and validate with it.
const documentUri = pathToFileURL(fileURLToPath(new URL('./editor/src/manifest.json', import.meta.url))).href;
const fetched: string[] = [];
const service = getLanguageService({
  schemaRequestService: async (uri) => {
    fetched.push(uri);
    return readFileSync(fileURLToPath(uri), 'utf8');
  },
  workspaceContext: { resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).href },
});
service.configure({ validate: true, allowComments: false });

const schemaRef = '../../../../../schemas/manifest.schema.json';

/** The manifest text with `|` marking the cursor. */
function open(textWithCursor: string): { document: TextDocument; position: Position } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const document = TextDocument.create(documentUri, 'json', 1, text);
  return { document, position: document.positionAt(offset < 0 ? 0 : offset) };
}

const manifest = (features: string, targets: string) => `{
  "$schema": "${schemaRef}",
  "package": "com.example.app",
  "name": "App",
  "icon": "/common/logo.png",
  "versionCode": 1,
  "config": { "logLevel": "log" },
  "router": { "entry": "pages/index", "pages": { "pages/index": { "component": "index" } } },
  "features": [${features}],
  "targetDevices": [${targets}]
}`;

describe('the schema in an editor (vscode-json-languageservice)', () => {
  it('a valid manifest has no diagnostics, and the schema came from its $schema path', async () => {
    const { document } = open(manifest('{ "name": "system.request" }', '"xiaomi-watch-s4"'));
    expect(await service.doValidation(document, service.parseJSONDocument(document))).toEqual([]);
    expect(fetched.at(-1)).toMatch(/\/schemas\/manifest\.schema\.json$/u);
  });

  it('completes feature names inside features[].name', async () => {
    const { document, position } = open(manifest('{ "name": "|" }', ''));
    const list = await service.doComplete(document, position, service.parseJSONDocument(document));
    const labels = list!.items.map((item) => item.label);
    expect(labels).toContain('"system.request"');
    expect(labels).toContain('"system.uploadtask"');
    const upload = list!.items.find((item) => item.label === '"system.uploadtask"')!;
    expect(JSON.stringify(upload.documentation)).toContain('Needs minAPILevel 3');
  });

  it('completes every device id inside targetDevices', async () => {
    const { document, position } = open(manifest('', '|'));
    const list = await service.doComplete(document, position, service.parseJSONDocument(document));
    const labels = list!.items.map((item) => item.label).sort();
    expect(labels).toEqual(devices.map((device) => `"${device.id}"`).sort());
  });

  it("shows a feature's description on hover", async () => {
    const { document, position } = open(manifest('{ "name": "system.upload|task" }', ''));
    const hover = await service.doHover(document, position, service.parseJSONDocument(document));
    const text = JSON.stringify(hover?.contents);
    expect(text).toContain('Upload a local file to a server');
    expect(text).toContain('Xiaomi Watch S4');
  });

  it('puts a diagnostic on a wrong value, at its position', async () => {
    const { document } = open(manifest('{ "name": "request" }', '"xiaomi-watch-s4", "redmi-watch-9"'));
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
    const where = diagnostics.map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`,
    );
    // features[0].name "request" (line 9) and targetDevices[1] "redmi-watch-9" (line 10).
    expect(where).toEqual(['9:26-9:35', '10:40-10:55']);
  });

  it('flags a missing required property and a wrong type', async () => {
    const { document } = open(
      manifest('', '').replace('"versionCode": 1', '"versionCode": "1"').replace('  "name": "App",\n', ''),
    );
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
    const textOf = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);
    expect(diagnostics.map((d) => textOf(d.message)).join('\n')).toMatch(/Missing property "name"/u);
    expect(diagnostics.some((d) => d.range.start.line === 4 && /Incorrect type/u.test(textOf(d.message)))).toBe(true);
  });
});
