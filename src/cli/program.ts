import {screenReaderOf, themeOf} from './app-options.js';
import {Command} from 'commander';
import {UsageError} from '../errors.js';
import {registerDoctorCommand} from './commands/doctor.js';
import {registerEnvFileCommands} from './commands/env-file.js';
import {registerHistoryCommands} from './commands/history.js';
import {registerCompletionHelp} from './completion-command.js';
import {registerInitCommand} from './commands/init.js';
import {registerProfileCommands} from './commands/profile.js';
import {registerServerCommands} from './commands/server.js';
import {registerServerTestCommand} from './commands/server-test.js';
import {registerSettingCommands} from './commands/settings.js';
import {registerTransferCommands} from './commands/transfer.js';
import {hasTerminal} from './terminal.js';
import {packageVersion} from './version.js';
import {databasePathOf} from './with-store.js';
import {writeErr, writeOut} from './stdio.js';

/** Commander's words, made into our one line: `sanctum-config: unknown option '--x' (see --help)`. */
function usageLine(message: string): string {
  // One line, also when commander adds a suggestion on a line of its own ("(Did you mean --name?)").
  return `sanctum-config: ${message
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')} (see --help)\n`;
}

/**
 * The command tree. `completion` is a placeholder for --help unless `withCompletion`
 * registers the real one (main does so, loading the library, only when asked for).
 */
export function buildProgram(withCompletion?: (program: Command) => void): Command {
  const program = new Command('sanctum-config')
    .description('Configuration of a Sanctum box: Letta server connections and system settings.\nWith no command on a terminal, opens the interactive app.')
    .version(packageVersion(), '-V, --version')
    .option('--db <path>', 'database file (default: $SANCTUM_CONFIG_DB, else ~/.config/sanctum/config.db)')
    .option('--read-only', 'open the app without any editing; a command that would write refuses (exit 2)')
    .option('--screen-reader', 'for a screen reader: one plain line per key, no drawn screen (also SANCTUM_CONFIG_SCREEN_READER=1, INK_SCREEN_READER=true)')
    .option('--theme <theme>', "the app's colours: auto (asks the terminal), dark, light or mono (default: $SANCTUM_CONFIG_THEME, else auto)")
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      '\nExamples:\n  $ sanctum-config                       # the interactive app\n' +
        '  $ sanctum-config list\n  $ sanctum-config set flask_port 5001\n' +
        '  $ eval "$(sanctum-config export --format env --reveal)"',
    )
    .action(async (options: {db?: string; readOnly?: boolean}, command: Command) => {
      if (command.args.length) throw new UsageError(`unknown command '${command.args[0]}' (see --help)`);
      if (!hasTerminal()) {
        writeErr(program.helpInformation());
        throw new UsageError('the interactive app needs a terminal; use a command above when scripting');
      }
      const {launchApp} = await import('./launch-app.js');
      await launchApp({dbPath: databasePathOf(command), readOnly: Boolean(options.readOnly), theme: themeOf(command), screenReader: screenReaderOf(command)});
    });
  program.allowExcessArguments(true);
  // `sanctum-config help set`, as git and npm take it (the root has an action, so commander adds none by itself).
  program.helpCommand('help [command]', 'show the help of a command');

  registerInitCommand(program);
  registerSettingCommands(program);
  registerTransferCommands(program);
  const server = registerServerCommands(program);
  registerServerTestCommand(server);
  registerDoctorCommand(program);
  registerEnvFileCommands(program);
  registerProfileCommands(program);
  registerHistoryCommands(program);
  if (withCompletion) withCompletion(program);
  else registerCompletionHelp(program);
  // Every command reports usage errors our way: one line, exit 2 (see main).
  const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];
  for (const command of everyCommand(program)) {
    command.exitOverride().configureOutput({writeOut, writeErr, outputError: (message, write) => write(usageLine(message))});
    // An argument too many is a usage error (`unset a1 a2` does not remove only a1); the root says "unknown command" itself.
    if (command !== program) command.allowExcessArguments(false);
  }
  return program;
}
