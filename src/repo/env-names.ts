import type {Database} from 'better-sqlite3';
import {ValidationError} from '../errors.js';
import {preparedOnUse} from './prepared-on-use.js';
import {storedParameter, storedText} from './stored-value.js';
import {printable} from './value-codec.js';
import type {WriteContext} from './write-context.js';

/** A setting exported under an env name: the catalogue's, or one an operator chose. */
export type EnvBinding = {
  readonly key: string;
  readonly name: string;
  readonly chosenBy: 'catalogue' | 'operator';
  /** The design's placeholder (OLLAMA_BASE_URL's localhost): a value equal to it is written commented out. */
  readonly placeholder?: string;
};

const envName = /^[A-Z][A-Z0-9_]*$/;

/**
 * Names whose value steers a program that may run with this environment
 * (bash, dash, the dynamic loader, Node, Python, OpenSSL, git, less, vim,
 * tar, curl, wget, gpg, ssh, locale and terminal handling): exact names, then
 * prefixes. An operator may not choose them, and a stored choice of one is
 * refused again on every export.
 */
const steeringNames = new Set([
  'PATH',
  'HOME',
  'SHELL',
  'USER',
  'LOGNAME',
  'PWD',
  'OLDPWD',
  'IFS',
  'ENV',
  'CDPATH',
  'GLOBIGNORE',
  'SHELLOPTS',
  'PS0',
  'PS1',
  'PS2',
  'PS3',
  'PS4',
  'PROMPT_COMMAND',
  'PROMPT_DIRTRIM',
  'TMOUT',
  'FCEDIT',
  'EXECIGNORE',
  'FIGNORE',
  'HOSTFILE',
  'INPUTRC',
  'MAIL',
  'MAILCHECK',
  'MAILPATH',
  'OPTERR',
  'OPTIND',
  'POSIXLY_CORRECT',
  'SHLVL',
  'TIMEFORMAT',
  'TMPDIR',
  'TZ',
  'TZDIR',
  'TERM',
  'TERMINFO',
  'TERMINFO_DIRS',
  'TERMCAP',
  'COLUMNS',
  'LINES',
  'LANG',
  'LANGUAGE',
  'NLSPATH',
  'LOCPATH',
  'GCONV_PATH',
  'HOSTALIASES',
  'RESOLV_HOST_CONF',
  'LOCALDOMAIN',
  'RES_OPTIONS',
  'MALLOC_CHECK_',
  'MALLOC_PERTURB_',
  'GLIBC_TUNABLES',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'MANPAGER',
  'MANOPT',
  'MANPATH',
  'BROWSER',
  'SUDO_ASKPASS',
  'SSH_ASKPASS',
  'DISPLAY',
  'XAUTHORITY',
  'EXINIT',
  'VIMINIT',
  'MYVIMRC',
  'GVIMINIT',
  'VIMRUNTIME',
  'VIM',
  'WGETRC',
  'CURL_HOME',
  'CURL_CA_BUNDLE',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'GNUPGHOME',
  'GPG_AGENT_INFO',
  'KRB5_CONFIG',
  'KRB5CCNAME',
  'ZDOTDIR',
  'FPATH',
  'CLASSPATH',
  'CC',
  'CXX',
  'CPP',
  'CFLAGS',
  'CXXFLAGS',
  'CPPFLAGS',
  'LDFLAGS',
  'MAKEFLAGS',
  'MAKEFILES',
  'MFLAGS',
  'COMPILER_PATH',
  'GCC_EXEC_PREFIX',
  'DEBUGINFOD_URLS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'FTP_PROXY',
  'SANCTUM_CONFIG_DB',
  'UV_INDEX_URL',
  'UV_PYTHON',
  'VIRTUAL_ENV',
  'SECURE',
  '_',
]);
const steeringPrefixes = [
  'BASH',
  'LD_',
  'DYLD_',
  'LC_',
  'NODE_',
  'NPM_',
  'COREPACK_',
  'PYTHON',
  'PIP_',
  'OPENSSL_',
  'SSL_',
  'GIT_',
  'LESS',
  'TAR_',
  'CURL_',
  'SSH_',
  'SUDO_',
  'XDG_',
  'DOCKER_',
  'PERL',
  'RUBY',
  'GEM_',
  'BUNDLE_',
  'JAVA_',
  '_JAVA_',
  'JDK_',
  'GCONV_',
  'PKG_CONFIG',
  'SYSTEMD_',
  'DBUS_',
  'KSH_',
  'ZSH',
  'HIST',
  'COMP_',
  'READLINE',
  'GPG_',
  'GNUPG',
  'MALLOC_',
  'UV_',
  'CONDA',
  'VIM',
  'EMACS',
  'GIO_',
  'GTK_',
  'QT_',
  'SOCKS',
];
/** The active server's names: written from the server, never from a setting. */
const serverEnvNames = ['LETTA_SERVER_URL', 'LETTA_BASE_URL', 'LETTA_SERVER_PASSWORD', 'LETTA_API_KEY'] as const;

/** Why `name` may not carry a setting, or undefined when it may. */
function refusedEnvName(name: string): string | undefined {
  if (!envName.test(name)) return 'is not a variable name (A-Z, 0-9 and _, starting with a letter)';
  const upper = name.toUpperCase();
  if (steeringNames.has(upper) || steeringPrefixes.some((p) => upper.startsWith(p)) || upper.endsWith('_PROXY')) {
    return 'would steer a shell or another program that runs with this environment';
  }
  if ((serverEnvNames as readonly string[]).includes(upper)) return 'is written from the active Letta server';
  return undefined;
}

/**
 * Which settings go into env files and under which names: the catalogue's
 * names (the ones real readers use), overridden by an operator's choice made
 * through this program ('' = never). A name is checked again here, whoever
 * stored it, and one name carries one setting: the catalogue's first, then
 * the operator's in key order; the rest are reported.
 */
export class EnvNamesRepo {
  readonly #writes: WriteContext;
  readonly #catalogue;
  readonly #chosen;
  readonly #choose;
  readonly #forget;
  readonly #db: Database;

  constructor(db: Database, writes: WriteContext) {
    this.#db = db;
    this.#writes = writes;
    this.#catalogue = preparedOnUse(
      db,
      `SELECT config_key, env_name, CASE WHEN env_skip_default = 1 THEN default_value END AS placeholder
       FROM sanctum_setting_catalogue WHERE env_name IS NOT NULL ORDER BY rowid`,
    );
    this.#chosen = preparedOnUse(db, `SELECT config_key, env_name FROM sanctum_env_names ORDER BY config_key`);
    this.#choose = preparedOnUse(db, `INSERT OR REPLACE INTO sanctum_env_names (config_key, env_name) VALUES (?, ?)`);
    this.#forget = preparedOnUse(db, `DELETE FROM sanctum_env_names WHERE config_key = ?`);
  }

  bindings(): {bindings: EnvBinding[]; problems: string[]} {
    const chosen = new Map<string, string>();
    for (const row of this.#chosen().all() as {config_key: unknown; env_name: unknown}[]) {
      const key = storedText(row.config_key);
      if (key !== null) chosen.set(key, storedText(row.env_name) ?? '');
    }
    const problems: string[] = [];
    const taken = new Map<string, string>();
    const bindings: EnvBinding[] = [];
    const add = (binding: EnvBinding) => {
      const holder = taken.get(binding.name.toUpperCase());
      if (holder !== undefined) {
        problems.push(`${printable(binding.key)}: left out, ${binding.name} already carries ${printable(holder)}`);
        return;
      }
      const why = refusedEnvName(binding.name);
      if (why) {
        problems.push(`${printable(binding.key)}: left out, ${printable(binding.name)} ${why}`);
        return;
      }
      taken.set(binding.name.toUpperCase(), binding.key);
      bindings.push(binding);
    };
    for (const row of this.#catalogue().all() as {config_key: unknown; env_name: unknown; placeholder: unknown}[]) {
      const key = storedText(row.config_key);
      const name = storedText(row.env_name);
      if (key === null || !name || chosen.has(key)) continue;
      const placeholder = storedText(row.placeholder);
      add({key, name, chosenBy: 'catalogue', ...(placeholder ? {placeholder} : {})});
    }
    for (const [key, name] of chosen) if (name) add({key, name, chosenBy: 'operator'});
    return {bindings, problems};
  }

  /** Export `key` as `name` from now on ('' = never); checked as every export checks it. */
  choose(key: string, name: string): void {
    if (name) {
      const why = refusedEnvName(name);
      if (why) throw new ValidationError('name', `${printable(name)} ${why}`);
      const holder = this.bindings().bindings.find((b) => b.name.toUpperCase() === name.toUpperCase() && b.key !== key);
      if (holder) throw new ValidationError('name', `${name} already carries ${printable(holder.key)}`);
    }
    this.#writes.run(() => this.#choose().run(storedParameter(key), name));
  }

  /** Back to the catalogue's name, or none. */
  forget(key: string): boolean {
    return this.#writes.run(() => this.#forget().run(storedParameter(key)).changes > 0);
  }

  /** Whether the file has the tables this needs (a read-only file of an older version may not). */
  available(): boolean {
    return this.#db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sanctum_env_names'`).get() !== undefined;
  }
}
