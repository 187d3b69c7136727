import type {Command} from 'commander';

export const completionDescription = 'print the shell completion script: bash, zsh or fish';
export const completionHelp =
  '\nInstall:\n  bash: sanctum-config completion bash > ~/.local/share/bash-completion/completions/sanctum-config\n' +
  '  zsh:  sanctum-config completion zsh > "${fpath[1]}/_sanctum-config"\n' +
  '  fish: sanctum-config completion fish > ~/.config/fish/completions/sanctum-config.fish';

/** Whether this command line is about completion: only then is the completion library loaded. */
export const wantsCompletion = (argv: readonly string[]) => argv.slice(2).some((a) => a === 'completion' || a === 'complete');

/**
 * The completion command as --help lists it, without loading the library:
 * every other command starts without it (see main, which loads the real one
 * when the command line asks for completion).
 */
export function registerCompletionHelp(program: Command): void {
  program.command('completion').argument('<shell>', 'bash, zsh or fish').description(completionDescription).addHelpText('after', completionHelp);
}
