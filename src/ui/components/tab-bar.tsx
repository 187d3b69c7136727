import {Text} from 'ink';
import {profileBadgeText, tabBarText} from '../screen/tab-bar-text.js';

/** The tab strip; a guarded profile's badge at its end in red (it says `!` too). */
export function TabBar(props: Parameters<typeof tabBarText>[0]) {
  const text = tabBarText(props);
  const badge = props.profile?.guarded ? profileBadgeText(props.profile) : '';
  const at = badge ? text.lastIndexOf(badge) : -1;
  if (at === -1) return <Text bold>{text}</Text>;
  return (
    <Text bold>
      {text.slice(0, at)}
      <Text color="red">{badge}</Text>
      {text.slice(at + badge.length)}
    </Text>
  );
}
