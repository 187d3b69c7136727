import {describe, expect, it} from 'vitest';
import {idsOf, listWindow, moveCursor, moveSelection, scrollOffset} from '../../src/ui/list/list-cursor.js';
import {filterSettings, initialSettingsState, settingsReducer, settingsSearchTexts} from '../../src/ui/settings/settings-state.js';
import {initialServersState, serversReducer} from '../../src/ui/servers/servers-state.js';
import {initialWizardState, wizardReducer} from '../../src/ui/wizard/wizard-state.js';
import {tabBarText} from '../../src/ui/screen/tab-bar-text.js';

describe('list movement', () => {
  it('clamps at both ends and pages by the visible height', () => {
    expect(moveSelection(0, 'up', 10, 4)).toBe(0);
    expect(moveSelection(9, 'down', 10, 4)).toBe(9);
    expect(moveSelection(2, 'pageDown', 10, 4)).toBe(6);
    expect(moveSelection(2, 'pageUp', 10, 4)).toBe(0);
    expect(moveSelection(5, 'last', 10, 4)).toBe(9);
    expect(moveSelection(0, 'down', 0, 4)).toBe(0);
  });

  it('scrolls only as far as needed to keep the selection visible', () => {
    expect(scrollOffset(0, 3, 4, 10)).toBe(0);
    expect(scrollOffset(0, 4, 4, 10)).toBe(1);
    expect(scrollOffset(5, 3, 4, 10)).toBe(3);
    expect(scrollOffset(8, 9, 4, 10)).toBe(6);
  });

  it('hides a revealed secret when the selection moves, not when it stays', () => {
    const ids = idsOf(['openai_api_key', 'b', 'c', 'd', 'e']);
    const state = {selected: 0, offset: 0, revealed: 'openai_api_key'};
    expect(moveCursor(state, 'up', ids, 3).revealed).toBe('openai_api_key');
    expect(moveCursor(state, 'down', ids, 3)).toMatchObject({revealed: undefined, anchor: 'b'});
  });

  it('keeps the selection on the same row when rows are added or removed above it', () => {
    const rows = ['a', 'b', 'c', 'd'];
    const cursor = moveCursor({selected: 0, offset: 0}, 'last', idsOf(rows), 3);
    expect(listWindow(cursor, rows, 3, (r) => r).current).toBe('d');
    expect(listWindow(cursor, ['new', ...rows], 3, (r) => r)).toMatchObject({current: 'd', selected: 4});
    expect(listWindow(cursor, ['a', 'b'], 3, (r) => r)).toMatchObject({current: 'b', selected: 1});
  });
});

describe('settings reducer', () => {
  it('resets the selection when the filter changes, and Esc clears it', () => {
    let state = settingsReducer(initialSettingsState, {type: 'move', move: 'down', ids: idsOf(['a', 'b', 'c', 'd', 'e']), page: 3});
    state = settingsReducer(state, {type: 'startFilter'});
    state = settingsReducer(state, {type: 'changeFilter', filter: 'port'});
    expect(state).toMatchObject({selected: 0, filter: 'port', mode: {kind: 'filter'}});
    state = settingsReducer(state, {type: 'clearFilter'});
    expect(state).toMatchObject({filter: '', mode: {kind: 'browse'}});
  });

  it('filters by key or description, ignoring case', () => {
    const rows = [
      {key: 'flask_port', description: 'Flask web interface port'},
      {key: 'openai_api_key', description: 'OpenAI API Key'},
    ];
    expect(filterSettings(rows, 'WEB').map((r) => r.key)).toEqual(['flask_port']);
    expect(filterSettings(rows, 'openai').map((r) => r.key)).toEqual(['openai_api_key']);
    expect(filterSettings(rows, '  ')).toHaveLength(2);
    // The same with the search texts a panel keeps (lowered once, not on every key).
    const texts = settingsSearchTexts(rows);
    for (const filter of ['WEB', 'openai', 'port', 'api key', '  ', 'nothing']) {
      expect(filterSettings(rows, filter, texts)).toEqual(filterSettings(rows, filter));
    }
  });
});

describe('servers reducer', () => {
  it('cycles form fields both ways and edits the focused one', () => {
    const values = {name: '', address: 'h', port: '1', password: '', token: '', timeout: '30'};
    let state = serversReducer(initialServersState, {type: 'openForm', form: {field: 0, values, hiddenSecrets: {password: false, token: false}}});
    state = serversReducer(state, {type: 'focusField', delta: -1});
    state = serversReducer(state, {type: 'changeField', value: '5'});
    expect(state.mode).toMatchObject({kind: 'form', form: {field: 5, values: {timeout: '5'}}});
  });
});

describe('wizard reducer', () => {
  it('skips the secret step when no password or token is chosen, in both directions', () => {
    let state = initialWizardState('localhost', 8080);
    state = wizardReducer(wizardReducer(state, {type: 'next'}), {type: 'next'});
    expect(state.step).toBe('auth');
    state = wizardReducer(state, {type: 'choose'});
    expect(state.values.auth).toBe('none');
    expect(state.step).toBe('openai');
    const back = wizardReducer(state, {type: 'back'});
    expect(back.step).toBe('auth');
    const token = wizardReducer(wizardReducer(back, {type: 'moveChoice', delta: 2}), {type: 'choose'});
    expect([token.step, token.values.auth]).toEqual(['secret', 'token']);
    // Back on the auth step, the highlight is on the answer it holds.
    expect(wizardReducer(token, {type: 'back'}).choice).toBe(2);
  });

  it('moves the highlighted answer round the auth choices, and a step change clears a problem', () => {
    let state = initialWizardState('localhost', 8080);
    expect(wizardReducer(state, {type: 'moveChoice', delta: -1}).choice).toBe(0);
    state = wizardReducer(wizardReducer(state, {type: 'next'}), {type: 'next'});
    expect(wizardReducer(state, {type: 'moveChoice', delta: -1}).choice).toBe(2);
    state = wizardReducer(state, {type: 'problem', problem: 'port: bad'});
    expect(wizardReducer(state, {type: 'next'}).problem).toBe('');
  });

  it("asks about the panel's API keys only when they are its published ones, replacing them unless told to keep them", () => {
    const walk = (state: ReturnType<typeof initialWizardState>) => {
      const steps: string[] = [];
      for (const action of ['next', 'next', 'choose', 'next', 'next'] as const) {
        steps.push(state.step);
        state = wizardReducer(state, {type: action});
      }
      expect(steps).toEqual(['address', 'port', 'auth', 'openai', 'anthropic']);
      return state;
    };
    expect(walk(initialWizardState('localhost', 8080)).step).toBe('review');
    const asked = walk(initialWizardState('localhost', 8080, true));
    expect([asked.step, asked.choice, asked.values.panelKeys]).toEqual(['panelKeys', 0, 'replace']);
    const kept = wizardReducer(wizardReducer(asked, {type: 'moveChoice', delta: 1}), {type: 'choose'});
    expect([kept.step, kept.values.panelKeys]).toEqual(['review', 'keep']);
    expect(wizardReducer(kept, {type: 'back'}).choice).toBe(1);
  });
});

describe('tab bar', () => {
  const tabs = ['API Keys', 'Paths', 'Ports', 'General', 'Servers'].map((label) => ({id: label, label}));
  it('brackets the active tab and drops the title, then far tabs, when narrow', () => {
    expect(tabBarText({tabs, active: 0, width: 80, readOnly: false})).toBe('sanctum-config [1 API Keys]  2 Paths   3 Ports   4 General   5 Servers');
    expect(tabBarText({tabs, active: 2, width: 40, readOnly: false})).toBe('<  2 Paths  [3 Ports]  4 General  >');
    expect(tabBarText({tabs, active: 4, width: 80, readOnly: true})).toMatch(/\[5 Servers\] \[READ-ONLY\]$/);
  });
});
