import {Text} from 'ink';
import {clip} from '../text-fit.js';

export type Tab = {readonly id: string; readonly label: string};

type Props = {
  readonly tabs: readonly Tab[];
  readonly active: number;
  readonly width: number;
  readonly readOnly: boolean;
};

/** The tab strip; the active tab is bracketed, so it shows without colour. Too narrow: only the active one. */
export function tabBarText({tabs, active, width, readOnly}: Props): string {
  const badge = readOnly ? ' [READ-ONLY]' : '';
  const name = (tab: Tab, i: number) => `${i < 9 ? `${i + 1} ` : ''}${tab.label}`;
  const full = tabs.map((tab, i) => (i === active ? `[${name(tab, i)}]` : ` ${name(tab, i)} `)).join(' ');
  const line = `sanctum-config ${full}${badge}`;
  if (line.length <= width) return line;
  const current = tabs[active];
  return clip(`< ${active + 1}/${tabs.length} ${current ? current.label : ''} >${badge}`, width);
}

export function TabBar(props: Props) {
  return <Text bold>{tabBarText(props)}</Text>;
}
