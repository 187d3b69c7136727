import {Text} from 'ink';
import {tabBarText} from '../screen/tab-bar-text.js';

export function TabBar(props: Parameters<typeof tabBarText>[0]) {
  return <Text bold>{tabBarText(props)}</Text>;
}
