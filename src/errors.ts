/**
 * Errors every layer may throw. Each carries the exit code the CLI uses and a
 * one-line message fit to show a person as it is: no stack, no secret.
 */
export class ConfigError extends Error {
  /** 2 for usage and validation errors, 3 for a conflict, 1 for everything else. */
  readonly exitCode: 1 | 2 | 3;

  constructor(message: string, exitCode: 1 | 2 | 3 = 1) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
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

/** A compare-and-set write found the row changed since the caller read it; nothing was written. */
export class ConflictError extends ConfigError {
  /** The value as it is now, for a person, masked when secret. */
  readonly current: string;

  constructor(message: string, current: string) {
    super(message, 3);
    this.current = current;
  }
}
