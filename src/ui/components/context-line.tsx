import {Text} from 'ink';
import {type ContextProps, contextLineText} from '../screen/context-text.js';

export function ContextLine(props: ContextProps) {
  return <Text dimColor>{contextLineText(props)}</Text>;
}
