import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {type MutableRefObject, useLayoutEffect, useMemo, useReducer} from 'react';
import type {Setting} from '../../repo/index.js';
import {scrollOffset} from '../keys.js';
import {type PanelEnv, statusOf} from '../shell/panel-env.js';
import {clip} from '../text-fit.js';
import {AddSettingForm} from './add-setting-form.js';
import {Footer} from '../components/footer.js';
import {globalBindings} from '../shell/global-keymap.js';
import {settingsBindings} from './settings-keymap.js';
import {addSetting, checkAddStep, saveSetting} from './settings-commands.js';
import {addSteps, filterSettings, initialSettingsState, settingsReducer} from './settings-state.js';
import {SettingsTable} from './settings-table.js';
import {useSettingsInput} from './use-settings-input.js';

const footerHints: Record<string, string | undefined> = {
  edit: 'Enter save · Esc cancel',
  filter: 'type to filter · ↑/↓ move · Enter keep · Esc clear',
  'confirm-delete': 'y delete · n keep',
};

type Props = {
  readonly env: PanelEnv;
  readonly category: string;
  /** This category's settings, in order. */
  readonly settings: readonly Setting[];
  readonly width: number;
  /** Lines this panel may use. */
  readonly height: number;
  readonly compact: boolean;
  readonly isActive: boolean;
  /** Set while an editor is open, so the shell leaves keys like q and Tab alone. */
  readonly captureRef: MutableRefObject<boolean>;
};

/** A category tab: the table of its settings, and the line below it for detail, editing and filtering. */
export function SettingsPanel({env, category, settings, width, height, compact, isActive, captureRef}: Props) {
  const [rawState, dispatch] = useReducer(settingsReducer, initialSettingsState);
  const rows = useMemo(() => filterSettings(settings, rawState.filter), [settings, rawState.filter]);
  const page = Math.max(1, height - 3);
  const selected = Math.max(0, Math.min(rawState.selected, rows.length - 1));
  const state = {...rawState, selected};
  const offset = scrollOffset(state.offset, selected, page, rows.length);
  const current = rows[selected];
  const {mode} = state;

  useLayoutEffect(() => {
    captureRef.current = mode.kind !== 'browse';
  }, [mode.kind, captureRef]);

  useSettingsInput({env, state, dispatch, rows, page, isActive});

  if (mode.kind === 'add') {
    const draft = mode.draft;
    const next = (from: typeof draft.step) => addSteps[addSteps.indexOf(from) + 1];
    const submitText = () => {
      if (draft.step === 'description') {
        const outcome = addSetting(env.store, draft, category);
        env.setStatus(statusOf(outcome));
        if (outcome.ok) {
          dispatch({type: 'browse'});
          env.refresh();
        }
        return;
      }
      const check = checkAddStep(env.store, draft, draft.step, category);
      if (!check.ok) return env.setStatus(statusOf(check));
      env.setStatus({tone: 'info', text: ''});
      dispatch({type: 'changeAdd', draft: {step: next(draft.step)}});
    };
    return (
      <Box height={height} flexDirection="column">
        <AddSettingForm
          draft={draft}
          category={category}
          width={width}
          isActive={isActive}
          onChange={(change) => dispatch({type: 'changeAdd', draft: change})}
          onSubmitText={submitText}
          onPickType={(type) =>
            dispatch({type: 'changeAdd', draft: {type, step: 'sensitive', value: type === 'boolean' ? 'false' : ''}})
          }
          onPickSensitive={(sensitive) => dispatch({type: 'changeAdd', draft: {sensitive, step: 'value'}})}
        />
      </Box>
    );
  }

  const visible = rows.slice(offset, offset + page);
  const filterNote = rawState.filter ? `filter "${rawState.filter}": ${rows.length} of ${settings.length}` : '';

  const detail = (() => {
    if (mode.kind === 'edit') {
      const submit = (draft: string) => {
        if (mode.secret && draft === '') {
          env.setStatus({tone: 'info', text: `${mode.key} unchanged (an empty entry keeps the secret; reveal with r to edit it)`});
          return dispatch({type: 'browse'});
        }
        const outcome = saveSetting(env.store, mode.key, draft);
        env.setStatus(statusOf(outcome));
        if (outcome.ok) {
          dispatch({type: 'browse'});
          env.refresh();
        }
      };
      return (
        <Box height={1} overflow="hidden">
          <Text>{`${mode.key} = `}</Text>
          <TextInput
            value={mode.draft}
            focus={isActive}
            mask={mode.secret ? '*' : undefined}
            placeholder={mode.secret ? 'type the new secret' : ''}
            onChange={(draft) => dispatch({type: 'changeDraft', draft})}
            onSubmit={submit}
          />
        </Box>
      );
    }
    if (mode.kind === 'filter') {
      return (
        <Box height={1} overflow="hidden">
          <Text>/</Text>
          <TextInput
            value={rawState.filter}
            focus={isActive}
            onChange={(filter) => dispatch({type: 'changeFilter', filter})}
            onSubmit={() => dispatch({type: 'acceptFilter'})}
          />
        </Box>
      );
    }
    if (mode.kind === 'confirm-delete') {
      return <Text bold>{clip(`Delete ${mode.key}? y / n`, width)}</Text>;
    }
    const about = current ? `${current.description ?? '(no description)'}${current.sensitive ? ' · secret' : ''}` : '';
    return <Text dimColor>{clip(filterNote ? `${filterNote} · ${about}` : about, width)}</Text>;
  })();

  return (
    <Box height={height} flexDirection="column">
      <SettingsTable
        rows={visible}
        selected={selected - offset}
        revealed={state.revealed}
        width={width}
        compact={compact}
        height={page}
        emptyNote={rawState.filter ? 'nothing matches the filter (Esc clears it)' : 'no settings'}
      />
      <Box flexGrow={1} />
      {detail}
      <Footer bindings={[...settingsBindings, ...globalBindings]} readOnly={env.readOnly} width={width} hint={footerHints[mode.kind]} />
    </Box>
  );
}
