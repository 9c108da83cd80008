// DOM building without innerHTML: report text only ever reaches the page as text nodes.

export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  className?: string;
  title?: string;
  data?: Record<string, string>;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs.className) node.className = attrs.className;
  if (attrs.title) node.title = attrs.title;
  for (const [key, value] of Object.entries(attrs.data ?? {})) node.dataset[key] = value;
  for (const [key, value] of Object.entries(attrs.attrs ?? {})) node.setAttribute(key, value);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
}

/** `text` with text.slice(start, end) wrapped in <mark class="className">. */
export function marked(
  text: string,
  start: number,
  end: number,
  className: string,
  offset = 0,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const from = Math.max(0, Math.min(text.length, start - offset));
  const to = Math.max(from, Math.min(text.length, end - offset));
  append(
    fragment,
    text.slice(0, from) || null,
    el('mark', { className }, text.slice(from, to)),
    text.slice(to) || null,
  );
  return fragment;
}

/** Runs `open` on a click, and on Enter or Space for keyboard users. */
export function onActivate(target: HTMLElement, open: () => void): void {
  target.addEventListener('click', open);
  target.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  });
}
