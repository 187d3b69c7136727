import {isDesignDefaultServer} from '../../letta/find-local-letta.js';
import {proposedServer} from '../../repo/index.js';

/**
 * Where the setup wizard starts, drawn or read aloud: a Letta found answering
 * on this box, else the server already chosen; a server nobody chose yet (the
 * design's localhost:8080) starts at Sanctum's port, as the wizard's hint says.
 */
export function wizardStart(
  found: {readonly address: string; readonly port: number} | undefined,
  active: {readonly address: string; readonly port: number} | undefined,
): {readonly address: string; readonly port: number} {
  if (found) return found;
  return active && !isDesignDefaultServer(active) ? active : {address: active?.address ?? proposedServer.address, port: proposedServer.port};
}
