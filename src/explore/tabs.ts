// The detail panel's tabs (WAI-ARIA tabs pattern): one panel shows at a time; the selected
// tab alone is in the Tab order, and the arrow keys, Home and End move between tabs.

function tabsOf(list: HTMLElement): HTMLButtonElement[] {
  return Array.from(list.querySelectorAll<HTMLButtonElement>('[role="tab"]')).filter(
    (t) => !t.hidden,
  );
}

function panelOf(tab: HTMLElement): HTMLElement | null {
  const id = tab.getAttribute('aria-controls');
  return id ? document.getElementById(id) : null;
}

/** Selects `tab`: its panel shows, every other tab's panel hides. */
export function selectTab(list: HTMLElement, tab: HTMLButtonElement, focus = false): void {
  for (const t of Array.from(list.querySelectorAll<HTMLButtonElement>('[role="tab"]'))) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    const panel = panelOf(t);
    if (panel) panel.hidden = !selected;
  }
  if (focus) tab.focus();
  list.dispatchEvent(new CustomEvent('tabchange', { detail: tab.id }));
}

/** Wires clicks and keys; `tabchange` events (detail: the tab's id) follow each change. */
export function setupTabs(list: HTMLElement): void {
  const selected = tabsOf(list).find((t) => t.getAttribute('aria-selected') === 'true');
  for (const t of tabsOf(list)) t.tabIndex = t === selected ? 0 : -1;
  list.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('[role="tab"]');
    if (tab && list.contains(tab)) selectTab(list, tab);
  });
  list.addEventListener('keydown', (event) => {
    const tabs = tabsOf(list);
    const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (current === -1 || tabs.length === 0) return;
    const next: Record<string, number> = {
      ArrowRight: (current + 1) % tabs.length,
      ArrowLeft: (current - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const index = next[event.key];
    const tab = index === undefined ? undefined : tabs[index];
    if (!tab) return;
    event.preventDefault();
    selectTab(list, tab, true);
  });
}
