import type {Metafile, Plugin} from 'esbuild';

export type Patch = {name: string; package: string; file: string; transform: (source: string) => string};
export const appPatches: Patch[];
export function patchPlugin(patches: Patch[]): {plugin: Plugin; report: () => {name: string; copies: number}[]};
export function checkOneScheduler(metafile: Metafile): void;
