/** A tab of the shell: one per settings category, then the servers. */
export type Tab = {readonly kind: 'category'; readonly category: string; readonly label: string} | {readonly kind: 'servers'; readonly label: string};

export const serversTab: Tab = {kind: 'servers', label: 'Servers'};

/** A tab's identity across reloads: its category, or the servers. */
export const tabIdentity = (tab: Tab): string => (tab.kind === 'servers' ? 'servers' : `category:${tab.category}`);
