// The Vela script environment: the page (and component) object, the app object, lifecycle hooks and the globals Vela
// code uses. Hand-written: its source is the framework guide (script, lifecycle, page data, global data and methods),
// not the module catalogue that index.d.ts is generated from.
//
// A `.ux` page is `export default { ... }`. velakit's language tools (`@velakit/language`) type that object with
// `Vela.DefinePage` (pages and components) or `Vela.DefineApp` (`app.ux`), so `this` inside its methods is the page
// object. In plain `.js`/`.ts`, annotate a definition with `Vela.Page<Shape>` / `Vela.App<Shape>`.

declare namespace Vela {
  /** What `this.$page` tells about the page being shown: its entry in manifest.json `router.pages`. */
  interface PageRoute {
    /** The page's name: its key in manifest.json `router.pages`. */
    readonly name: string;
    /** The page's path: its `path` in `router.pages` (`/<name>` when the manifest gives none). */
    readonly path: string;
    /** The page's component: its `component` in `router.pages`, the `.ux` file name without extension. */
    readonly component: string;
  }

  /**
   * The app object, `this.$app` in a page.
   * @typeParam AppDef - what `app.ux` exports (its `export default { ... }`).
   */
  interface AppObject<AppDef = AnyDefinition> {
    /** Whatever `app.ux` exports: its data and methods, shared by every page (`this.$app.$def.someMethod()`). */
    readonly $def: AppDef;
    /** The `config.data` object of manifest.json. */
    readonly $data: Record<string, any>;
    /** Quits the app and ends its lifecycle. */
    exit(): void;
  }

  /** The event a handler registered with `$on` receives. */
  interface ComponentEvent<Detail = any> {
    /** The event's name. */
    readonly type: string;
    /** The data passed as the second argument of `$emit` (`undefined` for `$dispatch`/`$broadcast`). */
    readonly detail: Detail;
    /** Stops a `$dispatch` event from bubbling further up, or a `$broadcast` event from going further down. */
    stop(): void;
  }

  /** The argument of `onConfigurationChanged`. */
  interface ConfigurationChangedEvent {
    /** Why the configuration changed: `'locale'` when the system language or region changed. */
    readonly type: 'locale' | (string & {});
  }

  /** The size and position `getBoundingClientRect` reports. */
  interface BoundingClientRect {
    readonly width: number;
    readonly height: number;
    readonly top: number;
    readonly left: number;
    readonly right?: number;
    readonly bottom?: number;
  }

  /** A component of the page's template, as `this.$element(id)` returns it. Other component methods are untyped. */
  interface ComponentNode {
    /** Measures the component after layout; `success` receives its size and position. */
    getBoundingClientRect(options?: {
      success?(rect: BoundingClientRect): void;
      fail?(...args: any[]): void;
      complete?(): void;
    }): void;
    [member: string]: any;
  }

  /**
   * The members every page and component has besides its own data and methods (`this.$app`, `this.$page`, ...).
   * @typeParam AppDef - what `app.ux` exports, the type of `this.$app.$def`.
   */
  interface PageObject<AppDef = AnyDefinition> {
    /** The app object: `this.$app.$def` holds what `app.ux` exports; `this.$app.exit()` quits the app. */
    readonly $app: AppObject<AppDef>;
    /** The current page's route: `name`, `path` and `component` as in manifest.json `router.pages`. */
    readonly $page: PageRoute;
    /** `true` while the page exists, `false` once it has been destroyed (check it in asynchronous callbacks). */
    readonly $valid: boolean;
    /**
     * Whether the device offers an API or a component: `'@system.router.push'`, `'@system.router'`, `'scroll'`,
     * `'scroll.attr.scroll-x'` (component queries use `attr`, `style` or `method`).
     *
     * API level 3+.
     */
    $canIUse(query: string): boolean;
    /**
     * Calls the method named `handler` whenever the data member `data` changes (`'a.b.c'` watches a nested member;
     * array indexes are not supported). The handler receives the new value, then the old one.
     */
    $watch(data: string, handler: string): void;
    /** The component whose `id` is `id` in the template, or the template's root component when `id` is omitted. */
    $element(id?: string): ComponentNode;
    /** Runs `callback` after the next update of the page's components, once data changes have reached them. */
    $nextTick(callback: () => void): void;
    /** Registers `handler` for the event `type` (sent by `$emit`, `$dispatch` or `$broadcast`). */
    $on(type: string, handler: (event: ComponentEvent) => void): void;
    /** Removes `handler` for the event `type`, or every handler of `type` when `handler` is omitted. */
    $off(type: string, handler?: (event: ComponentEvent) => void): void;
    /** Sends the event `type` up to the parent components; a handler stops it with `event.stop()`. */
    $dispatch(type: string): void;
    /** Sends the event `type` down to the child components; a handler stops it with `event.stop()`. */
    $broadcast(type: string): void;
    /** Fires the event `type`; handlers read `detail` as `event.detail`. */
    $emit(type: string, detail?: object): void;
    /** The translation at `path` (`'message.hello'`) of the app's i18n resources, with `options` interpolated. */
    $t(path: string, options?: readonly unknown[] | Record<string, unknown>): any;
    /** The singular or plural translation at `path` for `count`, with `options` interpolated. */
    $tc(path: string, count: number, options?: readonly unknown[] | Record<string, unknown>): string;
  }

  /** Lifecycle hooks of a page (a component has `onInit`, `onReady` and `onDestroy`). */
  interface PageLifecycle {
    /** The page's data is ready: read and change it here. */
    onInit?(): void;
    /** The template is built: components can be reached with `this.$element(id)`. */
    onReady?(): void;
    /** The page is shown again after another page covered it. */
    onShow?(): void;
    /** Another page covers this one. */
    onHide?(): void;
    /** The page goes away (back navigation, or too many pages open): release subscriptions here. */
    onDestroy?(): void;
    /** The user swiped back or pressed the back key: return `true` to stay on the page and handle it yourself. */
    onBackPress?(): boolean | void;
    /**
     * The page is opened again while it exists (`launchMode` `singleTask`, or `router.push` with the `clearTask`
     * flag). The new parameters arrive in `query`; they are not copied onto the page.
     */
    onRefresh?(query: Record<string, any>): void;
    /** The app's configuration changed, e.g. the system language (`event.type === 'locale'`). */
    onConfigurationChanged?(event: ConfigurationChangedEvent): void;
  }

  /** The data and configuration members of a page or component definition (everything else is a method). */
  interface PageOptions extends PageLifecycle {
    /** A component's data (an object, or a function that returns it). Not together with public/protected/private. */
    data?: object | (() => object);
    /** Page data that parameters from inside and outside the app may overwrite. */
    public?: object;
    /** Page data that parameters from inside the app (`router.push` params) may overwrite. */
    protected?: object;
    /** Page data that no parameter overwrites. */
    private?: object;
    /** Computed members: a getter function, or `{ get, set }`. */
    computed?: Record<string, (() => unknown) | { get(): unknown; set?(value: any): void }>;
    /** A component's properties: their names, or an object of `{ default }` descriptions. */
    props?: readonly string[] | Record<string, object>;
  }

  /** Lifecycle hooks of the app (`app.ux`). */
  interface AppLifecycle {
    /** The app is created. */
    onCreate?(): void;
    /** The app comes back to the foreground. */
    onShow?(): void;
    /** The app goes to the background. */
    onHide?(): void;
    /** The app is destroyed. */
    onDestroy?(): void;
    /** An exception the app did not catch. */
    onError?(error: Error): void;
  }

  /** The definition type of an app or page whose shape is not known: any member, any type. */
  type AnyDefinition = Record<string, any>;

  /**
   * Data members as the page sees them. A member that starts as `null`, `undefined` or `[]` is typed `any` / `any[]`:
   * its real type is only known when code assigns it, and Vela code starts most members that way.
   */
  type WidenData<Data> = {
    -readonly [K in keyof Data]: Data[K] extends null | undefined ? any : Data[K] extends never[] ? any[] : Data[K];
  };

  /** The data members of a definition: `data` (or what it returns), `public`, `protected` and `private`. */
  type DataOf<Def> = WidenData<
    (Def extends { data: infer D } ? (D extends (...args: any[]) => infer R ? R : D) : {}) &
      (Def extends { public: infer D } ? D : {}) &
      (Def extends { protected: infer D } ? D : {}) &
      (Def extends { private: infer D } ? D : {})
  >;

  /** The computed members of a definition, as values. */
  type ComputedOf<Def> = Def extends { computed: infer C }
    ? { [K in keyof C]: C[K] extends (...args: any[]) => infer R ? R : C[K] extends { get(): infer R } ? R : unknown }
    : {};

  /** The props of a component: each name of an array form (`any`), or each key of the object form (its default's type). */
  type PropsOf<Def, PropNames extends string> = { [K in PropNames]: any } & (Def extends { props: infer P }
    ? P extends readonly unknown[]
      ? {}
      : { [K in keyof P]: P[K] extends { default: infer V } ? V : any }
    : {});

  /** The methods of a definition: its members other than data, computed, props and lifecycle hooks. */
  type MethodsOf<Def> = Omit<Def, keyof PageOptions>;

  /**
   * `this` inside a page's or component's methods: its data, computed members, props and methods, and the page
   * object (`$app`, `$page`, `$valid`, `$element`, ...). An unknown definition gives `any`, never a false error.
   */
  type PageInstance<Def, AppDef = AnyDefinition, PropNames extends string = never> = unknown extends Def
    ? any
    : DataOf<Def> & ComputedOf<Def> & PropsOf<Def, PropNames> & MethodsOf<Def> & PageObject<AppDef>;

  /** `this` inside `app.ux`'s methods: what it defines, and the app object (`$def`, `$data`, `exit()`). */
  type AppInstance<Def> = unknown extends Def ? any : Omit<Def, keyof AppLifecycle> & AppObject<Def>;

  /**
   * Types a page or component definition and infers `this` from it (velakit's `.ux` tools wrap each page's
   * `export default` in it). Lifecycle hooks are left out of the inference on purpose: a hook that returns an
   * expression using `this` would otherwise stop TypeScript from inferring the definition at all.
   * @typeParam AppDef - what `app.ux` exports, the type of `this.$app.$def`.
   * @typeParam Open - `ExpandoMembers` to let `this` take members nobody declared (JavaScript scripts).
   */
  type DefinePage<AppDef = AnyDefinition, Open extends object = {}> = <Def, PropNames extends string = never>(
    definition: Def & { props?: readonly PropNames[] | Record<string, object> } & ThisType<
        PageInstance<Def, AppDef, PropNames> & Open
      >,
  ) => Def;

  /** Types the definition `app.ux` exports and infers `this` from it (`this.data`, `this.someMethod()`). */
  type DefineApp<Open extends object = {}> = <Def>(definition: Def & ThisType<AppInstance<Def> & Open>) => Def;

  /**
   * Members a script adds to `this` at run time without declaring them (`this.timer = setInterval(...)`), typed
   * `any`. velakit's `.ux` tools add it to JavaScript scripts, as TypeScript itself leaves JavaScript objects open;
   * declared members keep their types. `<script lang="ts">` gets no such leniency: an unknown member is an error.
   */
  interface ExpandoMembers {
    [member: string]: any;
  }

  /**
   * A page or component definition in a `.js`/`.ts` file, with `this` typed from `Shape` (the members its methods
   * use) and the page object. `/** @type {Vela.Page<{ private: { count: number } }>} *\/ export default { ... }`.
   * @typeParam Shape - the definition's data (`private`, `data`, ...), computed members and methods.
   * @typeParam AppDef - what `app.ux` exports, the type of `this.$app.$def`.
   */
  type Page<Shape extends object = {}, AppDef = AnyDefinition> = Shape &
    PageOptions & { [member: string]: unknown } & ThisType<PageInstance<Shape, AppDef>>;

  /** The definition `app.ux` exports, in a `.js`/`.ts` file, with `this` typed from `Shape`. */
  type App<Shape extends object = {}> = Shape &
    AppLifecycle & { [member: string]: unknown } & ThisType<AppInstance<Shape>>;
}

// The globals of the Vela script environment that TypeScript's ES libraries lack. The recommended jsconfig.json sets
// `"lib": ["ES2020"]` (Vela has no DOM, so `document` and `window` must be errors), and these are all that it then
// misses; `require`, `module` and `exports` TypeScript knows by itself in `.js` files. Each is also in the catalogue's
// `scriptGlobals`, which velakit's ESLint configs declare: test/script-globals.test.ts keeps the two in agreement,
// descriptions included. They merge with the DOM library's and @types/node's declarations of the same names (same
// interface name `Console`, `var`, function overloads), so a project that has those as well compiles unchanged.

/** The global object of the app's JavaScript context, shared by every page (the same object as `globalThis`). */
declare var global: typeof globalThis;

/**
 * The methods of `console`, one per log level of manifest.json `config.logLevel` (`off`, `error`, `warn`, `info`,
 * `log`, `debug`): the level set there decides which calls reach the log.
 */
interface Console {
  /** Logs its arguments at the `error` level. */
  error(...data: any[]): void;
  /** Logs its arguments at the `warn` level. */
  warn(...data: any[]): void;
  /** Logs its arguments at the `info` level. */
  info(...data: any[]): void;
  /** Logs its arguments at the `log` level. */
  log(...data: any[]): void;
  /** Logs its arguments at the `debug` level. */
  debug(...data: any[]): void;
}

/**
 * The app's log: `console.log`, `console.info` and the other levels, kept as the manifest's `config.logLevel` allows.
 */
declare var console: Console;

// The timers return a number, as the DOM's do. Extra arguments after the delay are accepted (the docs do not say
// whether Vela passes them on to the callback, and every other JavaScript environment does).

/**
 * Calls a function once after a delay; the timer belongs to the page and never fires after the page is destroyed.
 * @param callback - The function to call.
 * @param delay - How long to wait, in milliseconds.
 * @returns The timer's id, for `clearTimeout`.
 */
declare function setTimeout(callback: (...args: any[]) => void, delay?: number, ...args: any[]): number;

/**
 * Cancels a timer that `setTimeout` started.
 * @param id - What `setTimeout` returned. `null` and `undefined` are accepted: a page's timer member often starts so.
 */
declare function clearTimeout(id?: number | null): void;

/**
 * Calls a function repeatedly at an interval, until `clearInterval` or the end of the page.
 * @param callback - The function to call.
 * @param delay - The interval, in milliseconds.
 * @returns The timer's id, for `clearInterval`.
 */
declare function setInterval(callback: (...args: any[]) => void, delay?: number, ...args: any[]): number;

/**
 * Stops a timer that `setInterval` started.
 * @param id - What `setInterval` returned. `null` and `undefined` are accepted: a page's timer member often starts so.
 */
declare function clearInterval(id?: number | null): void;
