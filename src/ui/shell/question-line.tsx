import {Text} from 'ink';
import {useKeyTable} from '../bindings/use-key-table.js';
import {confirmKeys} from '../list/list-keys.js';
import {clip} from '../text-fit.js';
import type {WriterQuestion} from '../hooks/use-writer.js';

const questionKeys = confirmKeys('A question', 'go ahead');

/** A question in the status line (undo anyway?), answered with y or n before any other key acts. */
export function QuestionLine({question, width}: {readonly question: WriterQuestion; readonly width: number}) {
  useKeyTable(questionKeys, {answer: question.answer}, {readOnly: false, say: () => {}}, true);
  return <Text bold>{clip(`${question.text} y / n`, width)}</Text>;
}
