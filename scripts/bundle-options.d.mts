import type {BuildOptions} from 'esbuild';

export const root: string;
export const shared: BuildOptions;
export function ownSchemaObjects(): Record<string, string[]>;
