import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import type {KeyTable} from '../bindings/binding.js';
import {footerText} from '../bindings/binding.js';
import {useKeyTable} from '../bindings/use-key-table.js';
import {LineInput} from '../components/line-input.js';
import {clip} from '../text-fit.js';
import {findTargets, type JumpTarget} from './jump-targets.js';

type Props = {
  readonly targets: readonly JumpTarget[];
  readonly width: number;
  readonly height: number;
  readonly isActive: boolean;
  readonly onGo: (target: JumpTarget) => void;
  readonly onClose: () => void;
  readonly say: (text: string) => void;
};

type Ctx = {
  readonly found: readonly JumpTarget[];
  readonly selected: number;
  readonly move: (delta: number) => void;
  readonly go: () => void;
  readonly close: () => void;
};

const jumpKeys: KeyTable<Ctx> = {
  title: 'Finding anywhere',
  typing: 'type a key, a description, a value, a server name or address',
  bindings: [
    {keys: ['Enter'], label: 'go', help: 'go to the highlighted setting or server', footer: true, run: (ctx) => ctx.go()},
    {keys: ['Esc'], label: 'cancel', help: 'back to where you were', footer: true, run: (ctx) => ctx.close()},
    {keys: ['↑', 'C-p'], label: 'up', help: 'previous match', run: (ctx) => ctx.move(-1)},
    {keys: ['↓', 'C-n'], label: 'down', help: 'next match', run: (ctx) => ctx.move(1)},
  ],
};

/** Find a setting or a server on any tab and go there. Renders only the visible matches. */
export function JumpView({targets, width, height, isActive, onGo, onClose, say}: Props) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const found = useMemo(() => findTargets(targets, query), [targets, query]);
  const current = Math.min(selected, Math.max(0, found.length - 1));
  const ctx: Ctx = {
    found,
    selected: current,
    move: (delta) => setSelected(Math.max(0, Math.min(found.length - 1, current + delta))),
    go: () => {
      const target = found[current];
      if (target) onGo(target);
      else say(query.trim() ? `nothing matches "${query.trim()}"` : 'type what to find');
    },
    close: onClose,
  };
  useKeyTable(jumpKeys, ctx, {readOnly: false, say}, isActive);
  const rows = Math.max(1, height - 4);
  const first = Math.max(0, Math.min(current - rows + 1, found.length - rows));
  const visible = found.slice(first, first + rows);
  const summary = !query.trim() ? 'every tab: settings by key, description and value (secrets by key), servers by name and address' : `${found.length} found`;
  return (
    <Box height={height} flexDirection="column">
      <Text bold>{clip(`Find anywhere · ${summary}`, width)}</Text>
      <Box height={1} overflow="hidden">
        <Text>{'> '}</Text>
        <LineInput
          value={query}
          focus={isActive}
          room={width - 2}
          placeholder="(type to find)"
          onChange={(q) => {
            setQuery(q);
            setSelected(0);
          }}
        />
      </Box>
      {visible.map((target, i) => {
        const isSelected = first + i === current;
        return (
          <Text key={target.kind === 'setting' ? `s ${target.key}` : `v ${target.id}`} inverse={isSelected}>
            {clip(`${isSelected ? '> ' : '  '}${target.label}`, width)}
          </Text>
        );
      })}
      {query.trim() && found.length === 0 ? <Text dimColor>{clip('  nothing matches', width)}</Text> : null}
      <Box flexGrow={1} />
      <Text dimColor>{clip(footerText(jumpKeys, ctx, false, width), width)}</Text>
    </Box>
  );
}
