import {Box, Text, useApp, useFocusManager, useStdout} from 'ink';
import {type ReactElement, useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {categoryLabel, printable, type ConfigStore, type Setting} from '../repo/index.js';
import {wizardStart} from './wizard/wizard-start.js';
import {filterSettings, settingsSearchTexts} from './settings/settings-state.js';
import type {StateSnapshot} from '../repo/changes.js';
import {minimumSize, screenLayout} from './screen/layout.js';
import {openingStatus} from './screen/status-text.js';
import {categoriesOf, tabsOf} from './screen/tab-bar-text.js';
import type {SettingsState} from './settings/settings-state.js';
import type {ServersState} from './servers/servers-state.js';
import type {KeyTable} from './bindings/binding.js';
import {clipboardSequence} from './clipboard.js';
import {HelpOverlay, helpText} from './components/help-overlay.js';
import {ContextLine} from './components/context-line.js';
import {useConnectionTest} from './servers/use-connection-test.js';
import {currentResult} from './servers/test-results.js';
import {StatusLine} from './components/status-line.js';
import {HistoryView} from './history/history-view.js';
import {JumpView} from './jump/jump-view.js';
import {ProfilesView} from './profiles/profiles-view.js';
import {activeProfileBadge, activeProfileKeys, guardedProfile} from './screen/tab-bar-text.js';
import {jumpTargets} from './jump/jump-targets.js';
import {initialSettingsState} from './settings/settings-state.js';
import {initialServersState} from './servers/servers-state.js';
import {QuestionLine} from './shell/question-line.js';
import {TabBar} from './components/tab-bar.js';
import {useKeys} from './hooks/use-keys.js';
import {type TerminalSize, useTerminalSize} from './hooks/use-terminal-size.js';
import {describeExternalChanges, useConfigData} from './hooks/use-config-data.js';
import {useWriter} from './hooks/use-writer.js';
import type {Change} from '../repo/changes.js';
import {ServersPanel} from './servers/index.js';
import {serversKeyTables} from './servers/servers-keys.js';
import {historyKeys} from './history/history-keys.js';
import {SettingsPanel} from './settings/index.js';
import {settingsKeyTables} from './settings/settings-keys.js';
import type {PanelContext, Status} from './shell/panel-context.js';
import {type ShellControls, shellKeys} from './shell/shell-keys.js';
import {type Tab, tabIdentity} from './shell/tabs.js';
import {clip} from './text-fit.js';
import {envFileDrift, envFileLag, syncEnvFileNow} from './shell/env-file-status.js';
import {boxAdvice} from '../repo/panel-advice.js';
import {Wizard, type WizardResult} from './wizard/index.js';
import {SayProvider} from './hooks/say-context.js';
import {onBackground, paletteOf, ThemeProvider, type ThemeChoice, type ThemeName} from './theme.js';
import {onRedrawRequest, setInputGate} from './input-kind.js';

export type AppProps = {
  readonly store: ConfigStore;
  /** Every editing key off, and the UI says so. */
  /** Said at the start, as an error (a keymap file that could not be used). */
  readonly notice?: string;
  /** The colours (auto: dark until the terminal says its background is light). */
  readonly theme?: ThemeChoice;
  readonly readOnly?: boolean;
  /** Why the app is read-only when the file is the reason (its first status line says it). */
  readonly readOnlyWhy?: string;
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
  /** Rows already read (for the first frame), so the app does not read them again. */
  readonly initial?: StateSnapshot;
};

const noSettings: readonly Setting[] = [];
const everyChange = {all: true} as const;

/**
 * The shell: tab bar, the active panel, the status line, the help overlay.
 * The panel on screen handles every key through its mode's table (the
 * shell's tab, help and quit keys are part of its browse table); the shell
 * itself takes keys only while help is open.
 */
export function App({
  store,
  readOnly = false,
  readOnlyWhy,
  theme: themeChoice = 'dark',
  notice,
  wizard = false,
  exitAfterWizard = false,
  size,
  writeControl,
  onWizardDone,
  proposedServer,
  initial,
}: AppProps) {
  const {exit} = useApp();
  const {stdout, write: writeAroundFrame} = useStdout();
  const {columns, rows} = useTerminalSize(size);
  const {disableFocus} = useFocusManager();
  // Tab and Esc are ours: nothing here uses Ink's focus cycling.
  useEffect(() => disableFocus(), [disableFocus]);

  const [screen, setScreen] = useState<'wizard' | 'main'>(wizard && !readOnly ? 'wizard' : 'main');
  // The tab by identity, so a category another program adds or removes does not move the operator.
  const [tabId, setTabId] = useState<string | undefined>(undefined);
  const [lastIndex, setLastIndex] = useState(0);
  const [help, setHelp] = useState(false);
  // The full text of the last message, for one that does not fit its line.
  const [details, setDetails] = useState(false);
  const settingsMemory = useRef(new Map<string, SettingsState>()).current;
  const serversMemory = useRef<{current?: ServersState}>({}).current;
  const [helpOffset, setHelpOffset] = useState(0);
  // A view over every tab: the recent changes, or the jump; and how many jumps, so the panel gone to opens at its row.
  const [overlay, setOverlay] = useState<'changes' | 'jump' | 'profiles' | undefined>(undefined);
  const [jumps, setJumps] = useState(0);
  const [status, setStatus] = useState<Status>(() => (notice ? {tone: 'error', text: notice} : openingStatus(readOnly, readOnlyWhy)));

  const onExternal = useCallback((changes: readonly Change[]) => setStatus({tone: 'info', text: describeExternalChanges(changes)}), []);
  const {settings, servers, refresh} = useConfigData(store, onExternal, initial);
  // Read at each write: another program may switch the profile meanwhile.
  const guarded = useCallback(() => guardedProfile(store), [store]);
  const {write, undoLast, redoLast, question} = useWriter(store, setStatus, refresh, guarded);
  // The active profile, for the header on every screen; read again after each load of the data.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each load of the data, through the store
  const profile = useMemo(() => activeProfileBadge(store), [store, settings, servers]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each load of the data, through the store
  const profileKeys = useMemo(() => activeProfileKeys(store), [store, settings, servers]);
  const asking = question !== undefined;
  // A new object after every load of the data: the recent changes are read again then.
  const revision = useMemo(() => ({settings, servers}), [settings, servers]);
  const tabs = useMemo<Tab[]>(() => tabsOf(categoriesOf(settings)), [settings]);
  // One array per category, the same between reloads of the data: a tab's list is not rebuilt on every key.
  const byCategory = useMemo(() => {
    const groups = new Map<string, Setting[]>();
    for (const setting of settings) {
      const group = groups.get(setting.category);
      if (group) group.push(setting);
      else groups.set(setting.category, [setting]);
    }
    return groups;
  }, [settings]);
  // A filter that matches nothing here may match on another tab: say where ("1 in API Keys").
  const matchesElsewhere = useCallback(
    (filter: string, here: string) =>
      [...byCategory]
        .filter(([category]) => category !== here && tabs.some((t) => t.kind === 'category' && t.category === category))
        .map(([category, rows]) => [categoryLabel(category), filterSettings(rows, filter, settingsSearchTexts(rows)).length] as const)
        .filter(([, count]) => count > 0)
        .map(([label, count]) => `${count} in ${label}`)
        .join(', '),
    [byCategory, tabs],
  );
  const found = tabs.findIndex((t) => tabIdentity(t) === tabId);
  const active = found === -1 ? Math.min(lastIndex, tabs.length - 1) : found;
  const tab = tabs[active]!;

  const copy = useCallback((text: string) => (writeControl ?? ((s: string) => stdout.write(s)))(clipboardSequence(text)), [writeControl, stdout]);
  const panel: PanelContext = useMemo(
    () => ({store, readOnly, setStatus, refresh, copy, write, profile: profileKeys}),
    [store, readOnly, refresh, copy, write, profileKeys],
  );
  const goToTab = (index: number) => {
    if (index < 0 || index >= tabs.length) return setStatus({tone: 'info', text: `there is no tab ${index + 1}`});
    setTabId(tabIdentity(tabs[index]!));
    setLastIndex(index);
    // A message about the tab left behind is over (i still shows it); the opening hint is about no tab.
    setStatus((s) => (s.tone === 'info' && s.text && s.text !== openingStatus(false).text ? {...s, text: ''} : s));
  };
  const tests = useConnectionTest(panel);
  const say = useCallback((text: string) => setStatus({tone: 'info', text}), []);
  const [theme, setTheme] = useState<ThemeName>(themeChoice === 'auto' ? 'dark' : themeChoice);
  useEffect(() => {
    if (themeChoice !== 'auto') return;
    onBackground(setTheme);
    return () => onBackground(undefined);
  }, [themeChoice]);
  // At the start, what the panel beside us leaves open (its published API keys, an address we cannot use).
  // The header keeps a short warning while it holds; the status line says it in full at the start, over the opening hint.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it is read again after each load of the data, through the store
  const advice = useMemo(() => boxAdvice(store), [store, settings]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: said once, at the start, from the advice the header shows
  useEffect(() => {
    const first = advice[0];
    const hint = openingStatus(false).text;
    if (first) setStatus((s) => (s.text && s.text !== hint ? s : {tone: 'error', text: `${first.message}; ${first.fix}`}));
  }, [store]);
  // After every load of the data (a write of ours, another program's, the start): say when ~/.letta/.env lags behind.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs after each load of the data, which it reads through the store
  useEffect(() => {
    const drift = envFileDrift(store);
    if (!drift?.drifted) return;
    setStatus((s) => (s.tone === 'busy' || s.text.includes(envFileLag) ? s : {...s, text: s.text ? `${s.text}; ${envFileLag}` : envFileLag}));
  }, [store, settings, servers]);
  // Messages expire: information after 10 s, errors after 30 s; work in progress stays. i shows the last one in full.
  // Kept from the render that showed it: no second state, no second render per message.
  const lastMessage = useRef('');
  if (status.text && status.tone !== 'busy') lastMessage.current = status.text;
  useEffect(() => {
    if (status.tone === 'busy' || !status.text) return;
    const timer = setTimeout(() => setStatus({tone: 'info', text: ''}), status.tone === 'error' ? 30_000 : 10_000);
    return () => clearTimeout(timer);
  }, [status]);
  const shell: ShellControls = {
    nextTab: () => goToTab((active + 1) % tabs.length),
    previousTab: () => goToTab((active - 1 + tabs.length) % tabs.length),
    goToTab,
    goToServers: () => goToTab(tabs.length - 1),
    openHelp: () => {
      setHelpOffset(0);
      setHelp(true);
    },
    undoLast,
    redoLast,
    openChanges: () => setOverlay('changes'),
    openJump: () => setOverlay('jump'),
    openProfiles: () => setOverlay('profiles'),
    showDetails: () => setDetails(true),
    redraw: () => {
      // Clear it all and draw the frame whole (Ink's own write forgets the lines it drew, so none is skipped as unchanged).
      (writeControl ?? writeAroundFrame)('\u001b[2J\u001b[H');
      setStatus({tone: 'info', text: 'redrawn'});
    },
    syncEnvFile: () => setStatus(syncEnvFileNow(store)),
    quit: exit,
  };
  // After Ctrl-Z and fg the terminal shows the shell's screen: draw ours whole again.
  const redrawNow = useRef(shell.redraw);
  redrawNow.current = shell.redraw;
  useEffect(() => {
    onRedrawRequest(() => redrawNow.current());
    return () => onRedrawRequest(undefined);
  }, []);
  const helpTables = [shellKeys, ...(tab.kind === 'servers' ? serversKeyTables : settingsKeyTables), historyKeys] as KeyTable<never>[];
  const helpRoom = Math.max(1, Math.max(3, rows - 3 - (rows >= 12 ? 1 : 0)) - 1);
  const helpLast = Math.max(0, helpText(helpTables, readOnly).length - helpRoom);
  // Any key closes the message details.
  useKeys(() => setDetails(false), {isActive: screen === 'main' && details && !help});
  // Help scrolls with the arrows and pages; any other key closes it.
  useKeys(
    (input, key) => {
      const step = key.downArrow || input === 'j' ? 1 : key.upArrow || input === 'k' ? -1 : key.pageDown ? helpRoom : key.pageUp ? -helpRoom : 0;
      if (step === 0) return setHelp(false);
      setHelpOffset((o) => Math.max(0, Math.min(helpLast, o + step)));
    },
    {isActive: screen === 'main' && help},
  );

  // Too small to draw: the screen says so, and everything stays mounted (hidden) at the smallest size it can draw,
  // so an open editor, a form or the wizard, with what was typed, is there again when the terminal grows.
  const fits = screenLayout(columns, rows).fits;
  const drawn = {columns: Math.max(columns, minimumSize.columns), rows: Math.max(rows, minimumSize.rows)};
  const {width, compact, withContext, panelHeight} = screenLayout(drawn.columns, drawn.rows);
  const activeServer = servers.find((s) => s.active);
  useEffect(() => setInputGate(fits), [fits]);
  const tooSmall = (content: ReactElement) => {
    // Said in as few characters as the screen has.
    const need = `${minimumSize.columns}x${minimumSize.rows}`;
    const long = `too small: ${columns}x${rows} (need ${need})`;
    // One shape either way, so React keeps every component (and its state) across the change.
    return (
      <SayProvider value={say}>
        <ThemeProvider value={paletteOf(theme)}>
          {fits ? null : <Text>{clip(long.length <= columns ? long : `need ${need}`, columns)}</Text>}
          <Box display={fits ? 'flex' : 'none'} flexDirection="column">
            {content}
          </Box>
        </ThemeProvider>
      </SayProvider>
    );
  };

  if (screen === 'wizard') {
    return tooSmall(
      <Wizard
        store={store}
        start={wizardStart(
          proposedServer,
          servers.find((s) => s.active),
        )}
        width={width}
        height={drawn.rows - 1}
        onDone={(result) => {
          onWizardDone?.(result);
          if (result.report && result.serverId !== undefined) tests.remember(result.serverId, result.report);
          refresh();
          setStatus({tone: 'info', text: result.message});
          if (exitAfterWizard) exit();
          else setScreen('main');
        }}
      />,
    );
  }

  return tooSmall(
    <Box flexDirection="column" width={width} height={drawn.rows - 1}>
      <TabBar tabs={tabs} active={active} width={width} readOnly={readOnly} profile={profile} />
      {withContext ? (
        <ContextLine
          path={store.path}
          active={activeServer}
          result={activeServer ? currentResult(activeServer, tests.results) : undefined}
          testing={activeServer !== undefined && tests.testing === activeServer.id}
          readOnly={readOnly}
          width={width}
          warning={advice[0]?.headline}
        />
      ) : null}
      {help ? <HelpOverlay tables={helpTables} readOnly={readOnly} width={width} height={panelHeight} offset={helpOffset} /> : null}
      {details && !help ? (
        <Box flexDirection="column" height={panelHeight}>
          <Text bold>The last message in full</Text>
          <Text wrap="wrap">{printable(status.text || lastMessage.current || '(no message)')}</Text>
          <Box flexGrow={1} />
          <Text dimColor>{clip('any key closes this', width)}</Text>
        </Box>
      ) : null}
      {overlay === 'changes' && !help && !details ? (
        <HistoryView
          panel={panel}
          target={everyChange}
          revision={revision}
          width={width}
          height={panelHeight}
          isActive={!asking}
          onClose={() => setOverlay(undefined)}
        />
      ) : null}
      {overlay === 'profiles' && !help && !details ? (
        <ProfilesView panel={panel} revision={revision} width={width} height={panelHeight} isActive={!asking} onClose={() => setOverlay(undefined)} />
      ) : null}
      {overlay === 'jump' && !help && !details ? (
        <JumpView
          targets={jumpTargets(settings, servers)}
          width={width}
          height={panelHeight}
          isActive={!asking}
          say={(text) => setStatus({tone: 'info', text})}
          onClose={() => setOverlay(undefined)}
          onGo={(target) => {
            setOverlay(undefined);
            setJumps((n) => n + 1);
            if (target.kind === 'server') {
              serversMemory.current = {...(serversMemory.current ?? initialServersState), filter: '', anchor: target.id, mode: {kind: 'browse'}};
              return shell.goToServers();
            }
            settingsMemory.set(target.category, {...(settingsMemory.get(target.category) ?? initialSettingsState), filter: '', anchor: target.key});
            const index = tabs.findIndex((t) => t.kind === 'category' && t.category === target.category);
            if (index !== -1) goToTab(index);
          }}
        />
      ) : null}
      {/* Hidden, not unmounted, under the overlays: the selection and any filter survive. */}
      <Box display={help || details || overlay ? 'none' : 'flex'} flexDirection="column">
        {tab.kind === 'servers' ? (
          <ServersPanel
            key={jumps}
            panel={panel}
            shell={shell}
            tests={tests}
            servers={servers}
            width={width}
            height={panelHeight}
            compact={compact}
            isActive={!help && !details && !asking && !overlay}
            memory={serversMemory}
          />
        ) : (
          <SettingsPanel
            key={`${tab.category} ${jumps}`}
            panel={panel}
            shell={shell}
            category={tab.category}
            settings={byCategory.get(tab.category) ?? noSettings}
            elsewhere={matchesElsewhere}
            width={width}
            height={panelHeight}
            compact={compact}
            isActive={!help && !details && !asking && !overlay}
            memory={settingsMemory}
          />
        )}
      </Box>
      {question ? <QuestionLine question={question} width={width} /> : <StatusLine status={status} width={width} />}
    </Box>,
  );
}
