export function fastTokenizeSource(source: string): string;
