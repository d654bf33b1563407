/**
 * The few browser globals that functions run in the page (`page.evaluate`, `waitForFunction`)
 * use, typed by hand: the backend tsconfig has no DOM library. Inside such a function write
 * `const { document } = globalThis as unknown as PageGlobals;` — a type-only import, erased.
 */
export interface PageElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}

export interface PageResourceTiming {
  readonly name: string;
  readonly responseEnd: number;
}

export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
    readonly fonts: { readonly ready: Promise<unknown> };
    createElement(tag: 'canvas'): { getContext(kind: 'webgl2'): unknown };
  };
  localStorage: { setItem(key: string, value: string): void };
  location: { readonly protocol: string; readonly pathname: string };
  performance: {
    readonly timeOrigin: number;
    getEntriesByType(type: 'resource'): PageResourceTiming[];
  };
  /** Marks and libraries the tests put on `window`. */
  [key: string]: unknown;
}
