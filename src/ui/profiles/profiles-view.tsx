import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {printable} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {footerText} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {confirmKeys, type Question} from '../list/list-keys.js';
import {attempt} from '../outcome.js';
import {keyEnvOf, type PanelContext} from '../shell/panel-context.js';
import {envFileDrift, syncEnvFileNow} from '../shell/env-file-status.js';
import {clip} from '../text-fit.js';
import {choiceLabel, differenceLines, type ProfileChoice, profileChoices} from './profile-choices.js';

type Props = {
  readonly panel: PanelContext;
  /** A new value after every load of the data: the profiles and the differences are read again. */
  readonly revision: unknown;
  readonly width: number;
  readonly height: number;
  readonly isActive: boolean;
  readonly onClose: () => void;
};

type Ctx = Question & {readonly move: (delta: number) => void; readonly choose: () => void; readonly close: () => void};

const profileKeys: KeyTable<Ctx> = {
  title: 'Profiles',
  bindings: [
    {
      keys: ['Enter'],
      label: 'switch',
      help: 'switch to the highlighted profile (after a y/n, the changes shown)',
      footer: true,
      edits: true,
      run: (ctx) => ctx.choose(),
    },
    {keys: ['Esc', 'p'], label: 'close', help: 'back to where you were', footer: true, run: (ctx) => ctx.close()},
    {keys: ['↑', 'k'], label: 'up', help: 'previous profile', run: (ctx) => ctx.move(-1)},
    {keys: ['↓', 'j'], label: 'down', help: 'next profile', run: (ctx) => ctx.move(1)},
  ],
};
const switchConfirmKeys = confirmKeys('Switching profiles', 'switch');

const nameOf = (choice: ProfileChoice) => (choice.name === null ? 'the base' : printable(choice.name));

/** The profile picker: every profile, and what switching to the highlighted one would change, before it does. */
export function ProfilesView({panel, revision, width, height, isActive, onClose}: Props) {
  const {store} = panel;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each load of the data (revision)
  const choices = useMemo(() => profileChoices(store), [store, revision]);
  const [selected, setSelected] = useState(() =>
    Math.max(
      0,
      choices.findIndex((c) => c.active),
    ),
  );
  const [asking, setAsking] = useState(false);
  const current = Math.min(selected, choices.length - 1);
  const highlighted = choices[current]!;
  const active = choices.find((c) => c.active) ?? choices[0]!;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each load of the data (revision)
  const changes = useMemo(() => differenceLines(store.profiles.diff(active.name, highlighted.name)), [store, revision, active.name, highlighted.name]);
  const ctx: Ctx = {
    move: (delta) => setSelected(Math.max(0, Math.min(choices.length - 1, current + delta))),
    choose: () => {
      if (highlighted.active) return panel.setStatus({tone: 'info', text: `${nameOf(highlighted)} is active already`});
      setAsking(true);
    },
    close: onClose,
    answer: (yes) => {
      setAsking(false);
      if (!yes) return panel.setStatus({tone: 'info', text: `stayed on ${nameOf(active)}`});
      panel.write(
        () =>
          attempt(() => {
            store.profiles.switch(highlighted.name);
            return `switched ${nameOf(active)} -> ${nameOf(highlighted)} (${changes.length} value${changes.length === 1 ? '' : 's'}); u undoes it`;
          }, store.path),
        (outcome) => {
          if (!outcome.ok) return;
          // ~/.letta/.env follows the switch when it is in use, as the CLI's switch does.
          const envFile = envFileDrift(store) ? syncEnvFileNow(store) : undefined;
          panel.setStatus({tone: envFile?.tone ?? 'info', text: envFile ? `${outcome.message}; ${envFile.text}` : outcome.message});
          onClose();
        },
        {asked: true},
      );
    },
  };
  useKeyTable(asking ? switchConfirmKeys : profileKeys, ctx, keyEnvOf(panel), isActive);

  const listRows = Math.max(1, Math.min(choices.length, Math.floor((height - 4) / 2)));
  const first = Math.max(0, Math.min(current - listRows + 1, choices.length - listRows));
  const diffRows = Math.max(0, height - 5 - listRows);
  const heading = highlighted.active
    ? `${nameOf(highlighted)} is active`
    : changes.length
      ? `switching to ${nameOf(highlighted)} changes ${changes.length} value${changes.length === 1 ? '' : 's'}:`
      : `switching to ${nameOf(highlighted)} changes no value`;
  const more = changes.length > diffRows ? changes.length - diffRows + 1 : 0;
  const shownChanges = more ? [...changes.slice(0, diffRows - 1), `... and ${more} more`] : changes;
  const question = `Switch ${nameOf(active)} -> ${nameOf(highlighted)}${highlighted.guarded ? ' (guarded)' : ''}? y / n`;
  return (
    <Box height={height} flexDirection="column">
      <Text bold>{clip(`Profiles · * active, ! guarded · the changes a switch makes, before it does`, width)}</Text>
      {choices.slice(first, first + listRows).map((choice, i) => {
        const isSelected = first + i === current;
        return (
          <Text key={choice.name ?? ' base'} inverse={isSelected} color={choice.guarded ? 'red' : undefined}>
            {clip(`${isSelected ? '> ' : '  '}${choiceLabel(choice)}`, width)}
          </Text>
        );
      })}
      <Text dimColor>{clip(heading, width)}</Text>
      {highlighted.active ? null : shownChanges.map((line) => <Text key={line}>{clip(`  ${line}`, width)}</Text>)}
      <Box flexGrow={1} />
      <Text bold={asking}>{clip(asking ? question : ' ', width)}</Text>
      <Text dimColor>{clip(footerText(asking ? switchConfirmKeys : profileKeys, ctx, panel.readOnly, width), width)}</Text>
    </Box>
  );
}
