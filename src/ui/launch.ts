export type LaunchOptions = {readonly dbPath: string; readonly readOnly?: boolean; readonly wizard?: boolean};

export async function launchApp(_options: LaunchOptions): Promise<void> {
  throw new Error('the interactive app is not built yet');
}
