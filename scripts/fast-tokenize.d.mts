import type {Plugin} from 'esbuild';

export function fastTokenizeSource(source: string): string;
export const fastTokenize: Plugin;
