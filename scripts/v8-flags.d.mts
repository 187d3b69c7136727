export declare const appV8Flags: string[];
export declare function checkV8Flags(flags?: string[], node?: string): {v8: string; flags: string[]};
