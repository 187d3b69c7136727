import {Box, Text, useApp, useFocusManager, useStdout} from 'ink';
import {useKeys} from './hooks/use-keys.js';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {categoryLabel, type ConfigStore} from '../repo/index.js';
import {clipboardSequence} from './clipboard.js';
import {HelpOverlay} from './components/help-overlay.js';
import {StatusLine} from './components/status-line.js';
import {TabBar, type Tab} from './components/tab-bar.js';
import {type TerminalSize, useTerminalSize} from './hooks/use-terminal-size.js';
import {useExternalChanges} from './hooks/use-external-changes.js';
import {findBinding, moveBindings} from './keys.js';
import {ServersPanel} from './servers/index.js';
import {serversBindings} from './servers/servers-keymap.js';
import {SettingsPanel} from './settings/index.js';
import {settingsBindings} from './settings/settings-keymap.js';
import {globalBindings} from './shell/global-keymap.js';
import type {PanelEnv, Status} from './shell/panel-env.js';
import {clip, compactBelow} from './text-fit.js';
import {Wizard, type WizardResult} from './wizard/index.js';

export type AppProps = {
  readonly store: ConfigStore;
  /** Every editing key off, and the UI says so. */
  readonly readOnly?: boolean;
  /** Open the first-run wizard before the tabs. */
  readonly wizard?: boolean;
  /** Quit when the wizard ends (sanctum-config init on a terminal). */
  readonly exitAfterWizard?: boolean;
  /** Pin the size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** Where clipboard escape sequences go; the terminal by default. */
  readonly writeControl?: (sequence: string) => void;
  /** Told what the wizard did, for a summary after exit. */
  readonly onWizardDone?: (result: WizardResult) => void;
  /** A Letta found answering on this box, proposed by the wizard instead of the design's default. */
  readonly proposedServer?: {readonly address: string; readonly port: number};
};

/** Below this the layout cannot hold a header, a row, a detail line and the footer. */
const minimumSize = {columns: 30, rows: 8};

const serversTab: Tab = {id: '\u0000servers', label: 'Servers'};

/** The shell: tab bar, the active panel, the status line; global keys and the help overlay. */
export function App({
  store, readOnly = false, wizard = false, exitAfterWizard = false, size, writeControl, onWizardDone, proposedServer,
}: AppProps) {
  const {exit} = useApp();
  const {stdout} = useStdout();
  const {columns, rows} = useTerminalSize(size);
  const {disableFocus} = useFocusManager();
  // Tab and Esc are ours: nothing here uses Ink's focus cycling.
  useEffect(() => disableFocus(), [disableFocus]);

  const [screen, setScreen] = useState<'wizard' | 'main'>(wizard && !readOnly ? 'wizard' : 'main');
  const [revision, setRevision] = useState(0);
  const [tabIndex, setTabIndex] = useState(0);
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState<Status>({
    tone: readOnly ? 'error' : 'info',
    text: readOnly ? 'read-only: browsing only; editing keys are off' : 'press ? for help',
  });
  const capture = useRef(false);

  const settings = useMemo(() => store.settings.list(), [store, revision]);
  const servers = useMemo(() => store.servers.list(), [store, revision]);
  const tabs = useMemo<Tab[]>(() => {
    const categories = [...new Set(settings.map((s) => s.category))];
    return [...categories.map((c) => ({id: c, label: categoryLabel(c)})), serversTab];
  }, [settings]);
  const active = Math.min(tabIndex, tabs.length - 1);
  const tab = tabs[active]!;
  const onServers = tab.id === serversTab.id;

  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  useExternalChanges(store, refresh);
  const copy = useCallback(
    (text: string) => (writeControl ?? ((s: string) => stdout.write(s)))(clipboardSequence(text)),
    [writeControl, stdout],
  );
  const env: PanelEnv = useMemo(() => ({store, readOnly, setStatus, refresh, copy}), [store, readOnly, refresh, copy]);

  useKeys(
    (input, key) => {
      if (help) return setHelp(false);
      if (capture.current) return;
      if (/^[1-9]$/.test(input)) {
        const target = Number(input) - 1;
        if (target < tabs.length) setTabIndex(target);
        return;
      }
      const binding = findBinding(globalBindings, input, key);
      if (!binding) return;
      if (binding.action === 'quit') return exit();
      if (binding.action === 'help') return setHelp(true);
      const step = binding.action === 'nextTab' ? 1 : -1;
      setTabIndex((active + step + tabs.length) % tabs.length);
    },
    {isActive: screen === 'main'},
  );

  const width = columns;
  const compact = columns < compactBelow;
  // Never as tall as the terminal: a full-height frame makes Ink clear and redraw everything.
  const panelHeight = Math.max(3, rows - 3);

  if (columns < minimumSize.columns || rows < minimumSize.rows) {
    return <Text>{clip(`too small: ${columns}x${rows} (need ${minimumSize.columns}x${minimumSize.rows})`, columns)}</Text>;
  }

  if (screen === 'wizard') {
    return (
      <Wizard
        store={store}
        proposed={proposedServer}
        width={width}
        height={rows - 1}
        onDone={(result) => {
          onWizardDone?.(result);
          refresh();
          setStatus({tone: 'info', text: result.message});
          if (exitAfterWizard) exit();
          else setScreen('main');
        }}
      />
    );
  }

  return (
    <Box flexDirection="column" width={width} height={rows - 1}>
      <TabBar tabs={tabs} active={active} width={width} readOnly={readOnly} />
      {help ? (
        <HelpOverlay
          sections={[
            {title: 'Everywhere', bindings: globalBindings},
            {title: 'Moving', bindings: moveBindings},
            {title: onServers ? 'Servers' : tab.label, bindings: onServers ? serversBindings : settingsBindings},
          ]}
          readOnly={readOnly}
          width={width}
          height={panelHeight}
        />
      ) : null}
      {/* Hidden, not unmounted, under the help overlay: the selection and any filter survive. */}
      <Box display={help ? 'none' : 'flex'} flexDirection="column">
        {onServers ? (
          <ServersPanel
            env={env}
            servers={servers}
            width={width}
            height={panelHeight}
            compact={compact}
            isActive={!help}
            captureRef={capture}
          />
        ) : (
          <SettingsPanel
            key={tab.id}
            env={env}
            category={tab.id}
            settings={settings.filter((s) => s.category === tab.id)}
            width={width}
            height={panelHeight}
            compact={compact}
            isActive={!help}
            captureRef={capture}
          />
        )}
      </Box>
      <StatusLine status={status} width={width} />
    </Box>
  );
}
