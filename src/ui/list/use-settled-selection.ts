import {useEffect} from 'react';
import type {ListAction} from './list-cursor.js';

/**
 * Keep the state's position where the selected row is now: other programs
 * add and remove rows, and when the selected row itself goes, its neighbour is
 * found from where it last was, not from where it was when it was selected.
 */
export function useSettledSelection<Id>(window: {selected: number; offset: number}, dispatch: (action: ListAction<Id>) => void): void {
  useEffect(() => dispatch({type: 'settle', selected: window.selected, offset: window.offset}), [window.selected, window.offset, dispatch]);
}
