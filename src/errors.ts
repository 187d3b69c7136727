/**
 * Errors every layer may throw. Each carries the exit code the CLI uses and a
 * one-line message fit to show a person as it is: no stack, no secret.
 */
/** Where an error keeps the names of its classes, the same symbol in every copy of this module. */
const kinds = Symbol.for('sanctum-config.error-kinds');

export class ConfigError extends Error {
  /** 2 for usage and validation errors, 3 for a conflict, 1 for everything else. */
  readonly exitCode: 1 | 2 | 3;

  /**
   * The commands bundle and the app bundle each carry a copy of these
   * classes, and an error may cross from one to the other (the app uses the
   * store the commands opened): instanceof matches by class name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const names = typeof value === 'object' && value !== null ? (value as {[kinds]?: unknown})[kinds] : undefined;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was asked about (a subclass too)
    return Array.isArray(names) && names.includes(this.name);
  }

  constructor(message: string, exitCode: 1 | 2 | 3 = 1) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    const names: string[] = [];
    for (let c: (abstract new (...args: never[]) => unknown) | null = new.target; c && c !== Error; c = Object.getPrototypeOf(c)) names.push(c.name);
    Object.defineProperty(this, kinds, {value: names});
  }
}

/** A value or argument broke a rule; `field` names what, `rule` says which. */
export class ValidationError extends ConfigError {
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string) {
    super(`${field}: ${rule}`, 2);
    this.field = field;
    this.rule = rule;
  }
}

/** A setting key or server id that does not exist. */
export class NotFoundError extends ConfigError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The command line itself is wrong (unknown flag, missing argument). */
export class UsageError extends ConfigError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The database cannot be used: not SQLite, newer schema, read-only, locked. */
export class StoreError extends ConfigError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** The file carries triggers or views we did not make: it may be read, never written. */
export class UntrustedSchemaError extends StoreError {}

/** A compare-and-set write found the row changed since the caller read it; nothing was written. */
export class ConflictError extends ConfigError {
  /** The value as it is now, for a person, masked when secret. */
  readonly current: string;

  constructor(message: string, current: string) {
    super(message, 3);
    this.current = current;
  }
}
