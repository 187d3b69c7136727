import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useHideRevealed} from '../hooks/use-hide-revealed.js';
import {useSettledSelection} from '../list/use-settled-selection.js';
import {useMemo, useReducer} from 'react';
import {maskSecret, quoted, type Setting} from '../../repo/index.js';
import {footerText} from '../bindings/binding.js';
import {listTableProps, listWindow} from '../list/list-cursor.js';
import {ListLayout, type ListPanelProps} from '../list/list-layout.js';
import {FilterLine} from '../list/filter-line.js';
import {useListKeys} from '../list/use-list-keys.js';
import {clip} from '../text-fit.js';
import {AddSettingForm} from './add-setting-form.js';
import {HistoryView} from '../history/history-view.js';
import {deleteSetting, removedValue} from './settings-actions.js';
import {settingsDetailText, settingsEmptyNote} from './settings-lines.js';
import {listPage} from '../screen/layout.js';
import {settingsKeysFor} from './settings-keys.js';
import {filterSettings, initialSettingsState, settingsReducer, settingsSearchTexts, type SettingsState} from './settings-state.js';
import {SettingsTable} from './settings-table.js';

const keyOf = (setting: Setting) => setting.key;

/** While a value is edited, what another program did to it meanwhile, said at once (not on save). */
function editNotice(mode: SettingsState['mode'], settings: readonly Setting[]): string {
  if (mode.kind !== 'edit') return '';
  const live = settings.find((s) => s.key === mode.key);
  if (!live) return `! ${mode.key} was deleted by another program`;
  if (live.value === mode.original) return '';
  return `! changed by another program: now ${live.sensitive ? maskSecret(live.value) : quoted(live.value ?? '', 30)}`;
}

type Props = ListPanelProps & {
  readonly category: string;
  /** This category's settings, in order. */
  readonly settings: readonly Setting[];
  /** Where each tab keeps its selection, filter and scroll while another tab is shown. */
  readonly memory: Map<string, SettingsState>;
  /** Where else a filter matches ("1 in API Keys"), so an empty tab says where to look. */
  readonly elsewhere?: (filter: string, category: string) => string;
};

/** A category tab: the table of its settings, and the line below it for detail, editing and filtering. Renders only. */
export function SettingsPanel({panel, shell, category, settings, width, height, compact, isActive, memory, elsewhere}: Props) {
  const [state, dispatch] = useReducer(settingsReducer, memory.get(category) ?? initialSettingsState);
  // Remembered as browsing: an editor left open on another tab would surprise.
  // Coming back to the tab: its selection as it was, but no secret left revealed.
  memory.set(category, {...state, mode: {kind: 'browse'}, revealed: undefined});
  useHideRevealed(state.revealed, () => state.revealed !== undefined && dispatch({type: 'toggleReveal', id: state.revealed}));
  // The search texts only once there is something to search for: opening a tab of ten thousand rows does not make them.
  const rows = useMemo(() => filterSettings(settings, state.filter, state.filter ? settingsSearchTexts(settings) : undefined), [settings, state.filter]);
  const page = listPage(height);
  const window = listWindow(state, rows, page, keyOf);
  useSettledSelection(window, dispatch);
  const {current} = window;
  const table = settingsKeysFor(state);
  const ctx = useListKeys({
    table,
    extra: {category},
    panel,
    shell,
    state: {...state, selected: window.selected},
    dispatch,
    rows,
    idOf: keyOf,
    current,
    page,
    isActive,
    remove: (key: string) => deleteSetting(panel.store, key),
  });
  const {mode} = state;
  const footer = footerText(table, ctx, panel.readOnly, width, editNotice(mode, settings));

  if (mode.kind === 'history') {
    return (
      <HistoryView
        panel={panel}
        target={{key: mode.key}}
        revision={settings}
        width={width}
        height={height}
        isActive={isActive}
        onClose={() => dispatch({type: 'browse'})}
      />
    );
  }

  if (mode.kind === 'add') {
    return (
      <Box height={height} flexDirection="column">
        <AddSettingForm
          draft={mode.draft}
          category={category}
          width={width}
          isActive={isActive}
          footer={footer}
          onChange={(change) => dispatch({type: 'changeAdd', draft: change})}
        />
      </Box>
    );
  }

  const detail = (() => {
    if (mode.kind === 'edit') {
      return (
        <Box height={1} overflow="hidden">
          <Text>{`${mode.key} = `}</Text>
          <LineInput
            value={mode.draft}
            focus={isActive}
            mask={mode.secret ? '*' : undefined}
            placeholder={mode.secret ? 'type the new secret' : ''}
            room={width - mode.key.length - 3}
            onChange={(draft) => dispatch({type: 'changeDraft', draft})}
          />
        </Box>
      );
    }
    if (mode.kind === 'filter')
      return <FilterLine filter={state.filter} focus={isActive} width={width} onChange={(filter) => dispatch({type: 'changeFilter', filter})} />;
    if (mode.kind === 'confirm-delete') {
      const row = settings.find((s) => s.key === mode.id);
      const builtIn = row?.defaultValue !== undefined ? ` (built in, default ${quoted(row.defaultValue, 20)})` : '';
      return <Text bold>{clip(`Delete ${mode.id}${builtIn}? y / n`, width)}</Text>;
    }
    if (mode.kind === 'confirm-reset') {
      const row = settings.find((s) => s.key === mode.key);
      return <Text bold>{clip(`Reset ${mode.key} to its default ${quoted(row?.defaultValue ?? '', 20)}? y / n`, width)}</Text>;
    }
    if (mode.kind === 'conflict' && mode.theirs === removedValue) {
      return <Text bold>{clip(`! ${mode.key} was removed by another program: add it back, or discard?`, width)}</Text>;
    }
    if (mode.kind === 'conflict') {
      const yours = mode.secret ? maskSecret(mode.draft) : mode.draft;
      return (
        <Text bold>{clip(`${mode.key} changed meanwhile: now ${mode.theirs} (yours: ${yours}). o overwrite · t take theirs · e keep editing`, width)}</Text>
      );
    }
    return (
      <Text dimColor>
        {settingsDetailText({
          current,
          shown: rows.length,
          total: settings.length,
          filter: state.filter,
          offset: window.offset,
          page,
          width,
          elsewhere: state.filter.trim() && elsewhere ? elsewhere(state.filter, category) : '',
          heldBy: current && panel.profile?.keys.has(current.key) ? panel.profile.name : undefined,
        })}
      </Text>
    );
  })();

  const emptyNote = settingsEmptyNote(state.filter);
  const tableProps = listTableProps(state, window, {width, compact, page});
  return <ListLayout {...{height, width, footer, detail}} table={<SettingsTable {...tableProps} emptyNote={emptyNote} allRows={settings} />} />;
}
