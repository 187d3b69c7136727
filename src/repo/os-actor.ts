import {userInfo} from 'node:os';

let actor: string | undefined;

/**
 * Who runs this process, for the history: the OS user, and the person behind
 * sudo first (`alice as root`), so two operators' edits are told apart. A user
 * without a passwd entry (a container) is named by $USER, else by uid.
 */
export function osActor(env: NodeJS.ProcessEnv = process.env): string {
  if (actor !== undefined && env === process.env) return actor;
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = env.USER || env.LOGNAME || (typeof process.getuid === 'function' ? `uid ${process.getuid()}` : 'unknown');
  }
  const found = (env.SUDO_USER && env.SUDO_USER !== name ? `${env.SUDO_USER} as ${name}` : name).slice(0, 100);
  if (env === process.env) actor = found;
  return found;
}
