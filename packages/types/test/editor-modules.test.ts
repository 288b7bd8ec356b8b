// The editor over the modules beyond the seeds: completions after `fetch.`, inside `fetch.fetch({ })` and for its
// enums, and a hover that names the devices. Expected names come from the catalogue.
import { describe, expect, it } from 'vitest';
import { devices, findModule, isSupportedOn, type Module } from '@velakit/catalog';
import { VirtualProject } from './support/virtual-project.js';

function moduleOf(name: string): Module {
  const module = findModule(name);
  if (module === undefined) throw new Error(`${name} is not in the catalogue`);
  return module;
}
const fetchModule = moduleOf('system.fetch');
const fetchMethod = fetchModule.methods.find((method) => method.name === 'fetch');

describe('fetch in a .js page', () => {
  const project = new VirtualProject();
  const file = 'src/pages/weather.js';
  const header = "import fetch from '@system.fetch'\nimport router from '@system.router'\n";

  it("completes `fetch.` with the module's methods", () => {
    expect(project.completions(file, `${header}fetch./*|*/`)).toEqual(['fetch']);
    expect(project.completions(file, `${header}fetch./*|*/`)).toEqual(fetchModule.methods.map((method) => method.name));
  });

  it('completes every documented option inside `fetch.fetch({ })`, `header` among them', () => {
    const names = project.completions(file, `${header}fetch.fetch({ /*|*/ })`);
    expect(names).toEqual(fetchMethod?.signature.params.map((param) => param.name).sort());
    expect(names).toContain('header');
    expect(names).not.toContain('headers');
  });

  it('completes the documented values of `method`', () => {
    const names = project.completions(file, `${header}fetch.fetch({ url: 'u', method: '/*|*/' })`);
    expect(names).toEqual(
      [...(fetchMethod?.signature.params.find((param) => param.name === 'method')?.values ?? [])].sort(),
    );
    expect(names).toContain('POST');
  });

  it('reports `headers:` at the option, naming the options type', () => {
    project.write(file, `${header}fetch.fetch({ url: 'u', headers: {} })\n`);
    const errors = project.errors(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3:25 TS2769 No overload matches this call\.$/u);
  });

  it('hover on fetch names the devices that support it and those that do not, and the declaration', () => {
    const hover = project.hover(file, `${header}fetch.fe/*|*/tch({ url: 'u', success() {} })`);
    const line = (prefix: string) =>
      hover.documentation
        .split('\n')
        .find((text) => text.startsWith(prefix))
        ?.slice(prefix.length)
        .replace(/\.$/u, '')
        .split(', ');
    const supported = devices
      .filter((device) => isSupportedOn(fetchModule.support, device.id) === true)
      .map((d) => d.name);
    const unsupported = devices
      .filter((device) => isSupportedOn(fetchModule.support, device.id) === false)
      .map((d) => d.name);
    expect(line('Supported on: ')).toEqual(supported);
    expect(line('Not supported on: ')).toEqual(unsupported);
    expect(supported).toContain('Xiaomi S1 Pro Sports Health Watch');
    expect(unsupported).toContain('Xiaomi Band 8 Pro');
    expect(hover.documentation).toContain('Declare `{ "name": "system.fetch" }` in manifest.json `features`.');
    expect(hover.tags).toContain(`@see ${fetchModule.docUrl}`);
  });

  it('hover on router.push says no declaration is needed and every device runs it', () => {
    const hover = project.hover(file, `${header}router.pu/*|*/sh({ uri: '/about' })`);
    expect(hover.documentation).toContain('Needs no declaration in manifest.json.');
    expect(hover.documentation).toContain('Supported on: every Vela device (the docs state no restriction).');
  });

  it('hover on a device field with an API-level badge says so', () => {
    const hover = project.hover(
      file,
      "import device from '@system.device'\ndevice.getInfo({ success(info) { console.log(info.screenDen/*|*/sity) } })",
    );
    expect(hover.signature).toBe('(property) device.GetInfoSuccess.screenDensity: number');
    expect(hover.tags).toContain('@since API level 3 (absent on older platforms)');
  });
});
