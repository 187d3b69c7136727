import type {Database, Statement} from 'better-sqlite3';
import {ConflictError, NotFoundError, ValidationError} from '../errors.js';
import {type BaseValues, checkProfileName, isGuardedName, parseBase, type ProfileValues, serverKey} from './profile-values.js';
import {preparedOnUse} from './prepared-on-use.js';
import {type EffectiveValues, type ProfileDifference, profileDifferences} from './profile-differences.js';
import {isServerMirrorKey} from './server-fields.js';
import type {ServersRepo} from './servers-repo.js';
import type {SettingsRepo} from './settings-repo.js';
import {storedText} from './stored-value.js';
import {quoted} from './value-codec.js';
import type {WriteContext} from './write-context.js';

/** The setting that names the active profile (the design's own). */
const environmentKey = 'environment';
const guardKey = 'guarded_profiles';
const guardDefault = 'prod*,live*';

export type SwitchResult = {
  readonly from: string | null;
  readonly to: string | null;
  readonly changed: boolean;
  /** Keys the profile holds that the file no longer has: left alone. */
  readonly skipped: readonly string[];
};

type ValueRow = {profile: unknown; kind: unknown; key: unknown; value: unknown};

/**
 * Environment profiles (migration 015): named sets of values that differ
 * from the base. The design's tables hold the active profile's values, so a
 * switch rewrites them, in one transaction, and is one history entry.
 */
export class ProfilesRepo {
  readonly #db: Database;
  readonly #writes: WriteContext;
  readonly #settings: SettingsRepo;
  readonly #servers: ServersRepo;
  readonly #state: () => Statement<[], {active: unknown; base: unknown}>;
  readonly #values: () => Statement<[], ValueRow>;

  constructor(db: Database, writes: WriteContext, settings: SettingsRepo, servers: ServersRepo) {
    this.#db = db;
    this.#writes = writes;
    this.#settings = settings;
    this.#servers = servers;
    this.#state = preparedOnUse(db, `SELECT active, base FROM sanctum_profile_state WHERE id = 1`);
    this.#values = preparedOnUse(db, `SELECT profile, kind, key, value FROM sanctum_profile_value ORDER BY profile, kind, key`);
  }

  /** The active profile's name; null when none is (the base). */
  active(): string | null {
    const row = this.#state().get();
    return row ? storedText(row.active) : null;
  }

  #base(): BaseValues {
    return parseBase(storedText(this.#state().get()?.base ?? null));
  }

  /** The guarded names' patterns (the `guarded_profiles` setting, else its default). */
  guardPatterns(): string {
    return this.#settings.get(guardKey)?.value ?? guardDefault;
  }

  isGuarded(name: string | null): boolean {
    return isGuardedName(name, this.guardPatterns());
  }

  /** Every profile, by name, as stored (an active profile's values as they were when it was switched to or set). */
  list(): ProfileValues[] {
    const names = (this.#db.prepare(`SELECT name FROM sanctum_profile ORDER BY name`).pluck().all() as unknown[]).map((n) => storedText(n) ?? '');
    const profiles = new Map(names.map((n) => [n, {name: n, settings: new Map<string, string>(), server: undefined as string | undefined}]));
    for (const row of this.#values().all()) {
      const profile = profiles.get(storedText(row.profile) ?? '');
      const key = storedText(row.key);
      const value = storedText(row.value);
      if (!profile || key === null || value === null) continue;
      if (row.kind === 'setting') profile.settings.set(key, value);
      else if (row.kind === 'server' && key === 'active') profile.server = value;
    }
    return [...profiles.values()];
  }

  get(name: string): ProfileValues | undefined {
    return this.list().find((p) => p.name === name);
  }

  require(name: string): ProfileValues {
    const profile = this.get(name);
    if (!profile) throw new NotFoundError(`no profile ${quoted(name)}; 'sanctum-config profile list' shows them`);
    return profile;
  }

  /**
   * A profile's values as they are now: the active one's are the live
   * values of the keys it holds (an edit made while it is active is its own).
   */
  current(name: string): ProfileValues {
    const stored = this.require(name);
    if (name !== this.active()) return stored;
    const settings = new Map([...stored.settings.keys()].map((k) => [k, this.#settings.get(k)?.value ?? stored.settings.get(k) ?? '']));
    const server = stored.server === undefined ? undefined : (this.#servers.active()?.name ?? stored.server);
    return {name, settings, server};
  }

  /** Add a profile: empty (all from the base), or a copy of another's values (`current`: the active one's). */
  create(name: string, from?: string): boolean {
    checkProfileName(name);
    return this.#writes.run(() => {
      const source = from === undefined ? undefined : from === 'current' ? (this.active() ?? undefined) : this.require(from).name;
      if (this.get(name)) {
        if (from !== undefined) throw new ValidationError('profile', `${quoted(name)} exists already; nothing changed`);
        return false;
      }
      this.#db.prepare(`INSERT INTO sanctum_profile (name) VALUES (?)`).run(name);
      if (source !== undefined) this.#store(name, this.current(source));
      return true;
    });
  }

  #store(name: string, values: Pick<ProfileValues, 'settings' | 'server'>): void {
    const put = this.#db.prepare(`INSERT OR REPLACE INTO sanctum_profile_value (profile, kind, key, value) VALUES (?, ?, ?, ?)`);
    for (const [key, value] of values.settings) put.run(name, 'setting', key, value);
    if (values.server !== undefined) put.run(name, 'server', 'active', values.server);
  }

  /**
   * Set one value of a profile: a setting (checked by its type) or `server`
   * (a server's name). In the active profile it takes effect at once.
   */
  set(name: string, key: string, input: string): boolean {
    return this.#writes.run(() => {
      const profile = this.require(name);
      const live = name === this.active();
      if (key === serverKey) {
        const server = this.#servers.named(input);
        if (!server?.name) throw new NotFoundError(`no server named ${quoted(input)}; 'sanctum-config server list' shows them`);
        if (profile.server === server.name && (!live || this.#servers.active()?.id === server.id)) return false;
        if (live && profile.server === undefined) this.#keepBase({...this.#base(), server: this.#servers.active()?.id ?? null});
        this.#put(name, 'server', 'active', server.name);
        if (live) this.#servers.activate(server.id);
        return true;
      }
      const stored = this.#checkSettingKey(key, input);
      const now = live ? this.#settings.get(key)?.value : profile.settings.get(key);
      if (profile.settings.has(key) && now === stored) return false;
      if (live && !profile.settings.has(key)) {
        const base = this.#base();
        this.#keepBase({...base, settings: {...base.settings, [key]: this.#settings.get(key)?.value ?? ''}});
      }
      this.#put(name, 'setting', key, stored);
      if (live) this.#settings.set(key, stored);
      return true;
    });
  }

  /** Remove one value from a profile: the base's value holds again (at once in the active profile). */
  unset(name: string, key: string): boolean {
    return this.#writes.run(() => {
      const profile = this.require(name);
      const live = name === this.active();
      const kind = key === serverKey ? 'server' : 'setting';
      if (kind === 'server' ? profile.server === undefined : !profile.settings.has(key)) return false;
      this.#db.prepare(`DELETE FROM sanctum_profile_value WHERE profile = ? AND kind = ? AND key = ?`).run(name, kind, kind === 'server' ? 'active' : key);
      if (!live) return true;
      const base = this.#base();
      if (kind === 'server') {
        this.#restoreServer(base.server);
        this.#keepBase({settings: base.settings});
      } else {
        const {[key]: was, ...rest} = base.settings;
        if (was !== undefined && this.#settings.get(key)) this.#settings.set(key, was);
        this.#keepBase({...base, settings: rest});
      }
      return true;
    });
  }

  /** Remove a profile that is not active. */
  remove(name: string): void {
    this.#writes.run(() => {
      this.require(name);
      if (name === this.active()) throw new ValidationError('profile', `${quoted(name)} is active; switch to another first (nothing changed)`);
      this.#db.prepare(`DELETE FROM sanctum_profile_value WHERE profile = ?`).run(name);
      this.#db.prepare(`DELETE FROM sanctum_profile WHERE name = ?`).run(name);
    });
  }

  /** A value a profile may hold for a setting: one the file has, checked by its type; never the name itself, nor the panel's server keys. */
  #checkSettingKey(key: string, input: string): string {
    if (key === environmentKey) throw new ValidationError(key, `names the active profile; a switch sets it`);
    if (isServerMirrorKey(key)) throw new ValidationError(key, `follows the active server; set '${serverKey}' to a server's name instead`);
    return this.#settings.validate(key, input);
  }

  #put(profile: string, kind: 'setting' | 'server', key: string, value: string): void {
    this.#db.prepare(`INSERT OR REPLACE INTO sanctum_profile_value (profile, kind, key, value) VALUES (?, ?, ?, ?)`).run(profile, kind, key, value);
  }

  #keepBase(base: BaseValues): void {
    this.#db.prepare(`UPDATE sanctum_profile_state SET base = ? WHERE id = 1`).run(JSON.stringify(base));
  }

  #restoreServer(id: number | null | undefined): void {
    if (id === undefined) return;
    if (id === null) this.#servers.deactivateAll();
    else if (this.#servers.get(id)) this.#servers.activate(id);
  }

  /** The base's value of a setting now: kept aside while the active profile overrides it, else the live one. */
  #baseValue(key: string, active: ProfileValues | undefined, base: BaseValues): string | undefined {
    if (active && (active.settings.has(key) || key === environmentKey) && key in base.settings) return base.settings[key];
    return this.#settings.get(key)?.value ?? undefined;
  }

  /** The value of each setting and the server under a profile (null: the base), for the keys any profile in play holds. */
  effective(name: string | null, keys: ReadonlySet<string>): EffectiveValues & {settings: Map<string, string | undefined>} {
    const activeName = this.active();
    const active = activeName === null ? undefined : this.get(activeName);
    const base = this.#base();
    const target = name === null ? undefined : this.require(name);
    const settings = new Map<string, string | undefined>();
    for (const key of keys) {
      if (name !== null && name === activeName) settings.set(key, this.#settings.get(key)?.value ?? undefined);
      else if (target && key === environmentKey) settings.set(key, target.name);
      else settings.set(key, target?.settings.get(key) ?? this.#baseValue(key, active, base));
    }
    const liveServer = this.#servers.active()?.id ?? null;
    const baseServer = active?.server !== undefined && base.server !== undefined ? base.server : liveServer;
    let server: number | null | undefined = name !== null && name === activeName ? liveServer : baseServer;
    if (target && name !== activeName && target.server !== undefined) server = this.#servers.named(target.server)?.id;
    return {settings, server};
  }

  /** The keys that matter when comparing these profiles: every key any of them (or the active one) holds, and the name's setting. */
  #keysInPlay(names: readonly (string | null)[]): Set<string> {
    const keys = new Set<string>();
    const active = this.active();
    for (const name of names) if (name !== null) for (const key of this.require(name).settings.keys()) keys.add(key);
    // The active one as the file says it: another program may have removed its row.
    for (const key of active === null ? [] : (this.get(active)?.settings.keys() ?? [])) keys.add(key);
    if (this.#settings.get(environmentKey)) keys.add(environmentKey);
    return keys;
  }

  /** What differs between two profiles (null: the base), as each would set the file; a setting the file lacks is left out. */
  diff(a: string | null, b: string | null): ProfileDifference[] {
    const keys = this.#keysInPlay([a, b]);
    return profileDifferences(keys, this.effective(a, keys), this.effective(b, keys), this.#settings, this.#servers);
  }

  /**
   * Make `to` the active profile (null: the base), in one transaction: the
   * active profile keeps the values it was edited to, the base keeps what
   * `to` overrides, the live values become `to`'s, `environment` names it,
   * and one history entry records the switch.
   */
  switch(to: string | null, options: {readonly expectActive?: string | null} = {}): SwitchResult {
    return this.#writes.run(() => {
      const from = this.active();
      if (options.expectActive !== undefined && options.expectActive !== from) {
        const now = from === null ? 'the base is' : `${quoted(from)} is`;
        throw new ConflictError(`another switch since: ${now} active now; nothing changed (--force switches anyway)`, 'switched since');
      }
      const target = to === null ? undefined : this.require(to);
      if (to === from) return {from, to, changed: false, skipped: []};
      const keys = this.#keysInPlay([to]);
      const wanted = this.effective(to, keys);
      if (target?.server !== undefined && wanted.server === undefined) {
        throw new ValidationError(`profile ${to}`, `chooses server ${quoted(target.server)}, which this file does not have; nothing changed`);
      }
      const oldBase = this.#base();
      const active = from === null ? undefined : this.get(from);
      // What the base holds of the keys `to` overrides: kept aside while it is active.
      const newBase: {settings: Record<string, string>; server?: number | null} = {settings: {}};
      if (target) {
        for (const key of [...target.settings.keys(), environmentKey]) {
          const value = this.#baseValue(key, active, oldBase);
          if (value !== undefined) newBase.settings[key] = value;
        }
        if (target.server !== undefined) {
          newBase.server = active?.server !== undefined && oldBase.server !== undefined ? oldBase.server : (this.#servers.active()?.id ?? null);
        }
      }
      // The profile being left keeps what its values were edited to while it was active.
      if (active) this.#store(active.name, this.current(active.name));
      const skipped: string[] = [];
      for (const [key, value] of wanted.settings) {
        if (!this.#settings.get(key)) skipped.push(key);
        else if (value !== undefined) this.#settings.set(key, value);
      }
      if (target?.server !== undefined) this.#restoreServer(wanted.server);
      else if (active?.server !== undefined) this.#restoreServer(oldBase.server);
      this.#db
        .prepare(`UPDATE sanctum_profile_state SET active = ?, base = ?, switched_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = 1`)
        .run(to, target ? JSON.stringify(newBase) : null);
      this.#db
        .prepare(
          `INSERT INTO config_history (table_name, row_key, action, old_value, new_value, source, sensitive)
           VALUES ('sanctum_profile', ?, 'switch', ?, ?, COALESCE((SELECT source FROM sanctum_write_source WHERE id = 1), 'other'), 0)`,
        )
        .run(to ?? '', from, to);
      return {from, to, changed: true, skipped};
    });
  }
}
