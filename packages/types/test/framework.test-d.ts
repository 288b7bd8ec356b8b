// The Vela script environment (framework.d.ts): what `this` is inside page, component and app methods, and what it
// rejects. Checked by vitest's typecheck; never executed. `definePage`/`defineApp` stand for the wrapper velakit's
// `.ux` tools put around each `export default { ... }`.
import { describe, expectTypeOf, test } from 'vitest';

declare const defineApp: Vela.DefineApp;
const app = defineApp({
  data: { version: 1 },
  onCreate() {
    expectTypeOf(this.data.version).toEqualTypeOf<number>();
    expectTypeOf(this.$def.shared).toEqualTypeOf<{ name: string }>();
    this.exit();
  },
  onError(error: Error) {
    console.log(error.message);
  },
  greet(name: string) {
    return `hello ${name} from v${this.data.version}`;
  },
  shared: { name: 'app' },
});
type AppDefinition = typeof app;
expectTypeOf(app.greet('x')).toEqualTypeOf<string>();
declare const definePage: Vela.DefinePage<AppDefinition>;

describe('a page defined with Vela.DefinePage', () => {
  test('this holds the data of private/protected/public, computed values and methods', () => {
    definePage({
      private: { count: 0, title: 'Home' },
      protected: { key: '' },
      public: { shared: false },
      computed: {
        double() {
          return this.count * 2;
        },
        label: {
          get() {
            return `${this.title}!`;
          },
          set(value: string) {
            this.title = value;
          },
        },
      },
      onInit() {
        expectTypeOf(this.count).toEqualTypeOf<number>();
        expectTypeOf(this.title).toEqualTypeOf<string>();
        expectTypeOf(this.key).toEqualTypeOf<string>();
        expectTypeOf(this.shared).toEqualTypeOf<boolean>();
        expectTypeOf(this.double).toEqualTypeOf<number>();
        expectTypeOf(this.label).toEqualTypeOf<string>();
        expectTypeOf(this.add).toEqualTypeOf<(step: number) => number>();
        this.count = this.add(2);
        // @ts-expect-error: count is a number
        this.count = 'three';
        // @ts-expect-error: no such member
        this.cuont += 1;
        // @ts-expect-error: add takes a number
        this.add('2');
      },
      add(step: number) {
        return this.count + step;
      },
    });
  });

  test('this.$app.$def is what app.ux exports; $app, $page and $valid are typed', () => {
    definePage({
      onReady() {
        expectTypeOf(this.$app.$def).toEqualTypeOf<AppDefinition>();
        expectTypeOf(this.$app.$def.greet('x')).toEqualTypeOf<string>();
        expectTypeOf(this.$app.$def.data.version).toEqualTypeOf<number>();
        expectTypeOf(this.$app.$data['anything']).toBeAny();
        expectTypeOf(this.$app.exit).toEqualTypeOf<() => void>();
        expectTypeOf(this.$page).toEqualTypeOf<Vela.PageRoute>();
        expectTypeOf(this.$page.path).toEqualTypeOf<string>();
        expectTypeOf(this.$valid).toEqualTypeOf<boolean>();
        // @ts-expect-error: app.ux defines no `gret`
        this.$app.$def.gret('x');
        // @ts-expect-error: $page is read-only
        this.$page = { name: 'a', path: '/a', component: 'a' };
      },
    });
  });

  test('the page methods of the framework guide', () => {
    definePage({
      private: { list: [1, 2] },
      onReady() {
        expectTypeOf(this.$element('list')).toEqualTypeOf<Vela.ComponentNode>();
        this.$element().getBoundingClientRect({ success: (rect) => expectTypeOf(rect.height).toEqualTypeOf<number>() });
        this.$watch('list', 'onListChange');
        this.$nextTick(() => undefined);
        this.$on('picked', (event) => expectTypeOf(event.detail).toBeAny());
        this.$off('picked');
        this.$emit('picked', { index: 1 });
        this.$dispatch('up');
        this.$broadcast('down');
        expectTypeOf(this.$canIUse('@system.router.push')).toEqualTypeOf<boolean>();
        expectTypeOf(this.$tc('message.car', 2)).toEqualTypeOf<string>();
        // @ts-expect-error: the handler is the name of a method, not a function
        this.$watch('list', () => undefined);
        // @ts-expect-error: $emit's detail is an object
        this.$emit('picked', 3);
      },
    });
  });

  test('members that start as null, undefined or [] are any, so later assignments type-check', () => {
    definePage({
      private: { user: null, timer: undefined, items: [] },
      onInit() {
        this.user = { name: 'a' };
        this.timer = 3;
        this.items.push({ id: 1 });
        expectTypeOf(this.items).toBeArray();
        expectTypeOf(this.items[0]).toBeAny();
      },
    });
  });

  test('component props: array names are any; object props take their default type', () => {
    definePage({
      props: ['propObject', 'size'],
      data: { say: '' },
      onInit() {
        expectTypeOf(this.propObject).toBeAny();
        expectTypeOf(this.say).toEqualTypeOf<string>();
      },
    });
    definePage({
      props: { prop1: { default: 'Hello' }, prop2Object: {} },
      data() {
        return { count: 1 };
      },
      onInit() {
        expectTypeOf(this.prop1).toEqualTypeOf<string>();
        expectTypeOf(this.prop2Object).toBeAny();
        expectTypeOf(this.count).toEqualTypeOf<number>();
      },
    });
  });
});

describe('Vela.ExpandoMembers, which JavaScript .ux scripts get', () => {
  test('members nobody declared are any; declared members keep their types', () => {
    const defineOpenPage: Vela.DefinePage<AppDefinition, Vela.ExpandoMembers> = definePage;
    defineOpenPage({
      private: { count: 0 },
      onInit() {
        this.timer = 3;
        expectTypeOf(this.timer).toBeAny();
        expectTypeOf(this.count).toEqualTypeOf<number>();
        // @ts-expect-error: count is still a number
        this.count = 'one';
      },
    });
  });
});

describe('Vela.Page and Vela.App in .js/.ts files', () => {
  test('Vela.Page types this from the shape it is given', () => {
    const page: Vela.Page<{ private: { count: number }; bump(): void }, AppDefinition> = {
      private: { count: 0 },
      onInit() {
        expectTypeOf(this.count).toEqualTypeOf<number>();
        expectTypeOf(this.$app.$def.shared.name).toEqualTypeOf<string>();
        this.bump();
        // @ts-expect-error: count is a number
        this.count = '1';
      },
      bump() {
        this.count += 1;
      },
    };
    expectTypeOf(page.private.count).toEqualTypeOf<number>();
  });

  test('Vela.App types this as the app', () => {
    const definition: Vela.App<{ data: { a: number } }> = {
      data: { a: 1 },
      onCreate() {
        expectTypeOf(this.data.a).toEqualTypeOf<number>();
        expectTypeOf(this.$def.data.a).toEqualTypeOf<number>();
      },
    };
    expectTypeOf(definition.data.a).toEqualTypeOf<number>();
  });
});

describe('globals', () => {
  test('global is the global object', () => {
    expectTypeOf(global).toEqualTypeOf<typeof globalThis>();
  });
});
