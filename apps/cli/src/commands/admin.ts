import { Command, Option } from 'commander';
import { provisionAccount, provisionToken } from '@spineqc/api-server';
import {
  API_TOKEN_ROLES,
  USER_ROLES,
  createAccountRequestSchema,
  createTokenRequestSchema,
  type CreateTokenRequest,
  type UserRole,
} from '@spineqc/contracts';
import { DatabaseError } from '@spineqc/database';
import { hashPassword } from '@spineqc/auth';
import { withAdminDatabase, type DatabaseFlags } from '../admin/admin-database.js';
import { cliActor } from '../admin/cli-actor.js';
import { generatePassword, readPasswordFromStdin } from '../admin/password-input.js';
import { UsageError, parsePositiveInt } from '../errors.js';

const databaseOptions = (command: Command) =>
  command
    .option('--data-dir <dir>', 'the embedded server’s data folder (SPINEQC_DATA_DIR)')
    .option('--database-url <url>', 'postgresql://… of a distributed deployment (SPINEQC_DATABASE_URL)');

function checked<T>(
  parse:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (parse.success) return parse.data;
  throw new UsageError(
    parse.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
  );
}

function refusal(error: unknown): never {
  if (error instanceof DatabaseError && ['USERNAME_TAKEN', 'LAST_ADMIN', 'NOT_FOUND'].includes(error.code)) {
    throw new UsageError(error.message);
  }
  throw error;
}

interface CreateUserFlags extends DatabaseFlags {
  role: UserRole;
  displayName?: string;
  passwordStdin?: boolean;
}

function createUserCommand(): Command {
  return databaseOptions(
    new Command('create-user')
      .description(
        'create an account (the first administrator, or anyone); prints a generated password unless ' +
          '--password-stdin',
      )
      .argument('<username>')
      .addOption(
        new Option('--role <role>', 'technologist | qa_manager | admin')
          .choices([...USER_ROLES])
          .makeOptionMandatory(),
      )
      .option('--display-name <name>', 'the name shown in the dashboard (default: the username)')
      .option('--password-stdin', 'read the password from standard input instead of generating one'),
  ).action(async (username: string, flags: CreateUserFlags) => {
    const generated = flags.passwordStdin ? null : generatePassword();
    const password = generated ?? (await readPasswordFromStdin());
    const input = checked(
      createAccountRequestSchema.safeParse({
        username,
        displayName: flags.displayName ?? username,
        role: flags.role,
        password,
      }),
    );
    await withAdminDatabase(flags, async (db) => {
      const account = await provisionAccount(db, input).catch(refusal);
      await db.audit.record({
        action: 'account.created',
        actor: cliActor(),
        target: `account ${account.username}`,
        detail: { role: account.role },
      });
      process.stdout.write(`created ${account.role} ${account.username}\n`);
      if (generated)
        process.stdout.write(`password: ${generated}\n(shown once; change it after signing in)\n`);
    });
  });
}

interface SetPasswordFlags extends DatabaseFlags {
  passwordStdin?: boolean;
}

function setPasswordCommand(): Command {
  return databaseOptions(
    new Command('set-password')
      .description(
        "reset an account's password (ends its sessions); prints a generated one unless --password-stdin",
      )
      .argument('<username>')
      .option('--password-stdin', 'read the password from standard input instead of generating one'),
  ).action(async (username: string, flags: SetPasswordFlags) => {
    const generated = flags.passwordStdin ? null : generatePassword();
    const password = generated ?? (await readPasswordFromStdin());
    await withAdminDatabase(flags, async (db) => {
      const account = await db.accounts.findByUsername(username.trim().toLowerCase());
      if (!account) throw new UsageError(`no account ${username}`);
      await db.accounts.update(account.id, { passwordHash: await hashPassword(password), disabled: false });
      await db.tokens.revokeForAccount(account.id, new Date());
      await db.audit.record({
        action: 'account.updated',
        actor: cliActor(),
        target: `account ${account.username}`,
        detail: { passwordReset: true },
      });
      process.stdout.write(`password of ${account.username} reset; its sessions ended\n`);
      if (generated) process.stdout.write(`password: ${generated}\n`);
    });
  });
}

function listUsersCommand(): Command {
  return databaseOptions(new Command('list-users').description('every account with its role')).action(
    async (flags: DatabaseFlags) => {
      await withAdminDatabase(flags, async (db) => {
        for (const account of await db.accounts.list()) {
          const state = account.disabled ? 'disabled' : 'active';
          process.stdout.write(`${account.username}\t${account.role}\t${state}\t${account.displayName}\n`);
        }
      });
    },
  );
}

interface CreateTokenFlags extends DatabaseFlags {
  role: CreateTokenRequest['role'];
  name: string;
  station?: string;
  expiresDays?: number;
}

function createTokenCommand(): Command {
  return databaseOptions(
    new Command('create-token')
      .description(
        'create an API token (integrations: role ingest for STOW-RS/upload; or a person’s role) or a room tablet ' +
          'pairing token (--role device --station NAME); prints only the token, once',
      )
      .addOption(
        new Option('--role <role>', 'technologist | qa_manager | admin | ingest | device')
          .choices([...API_TOKEN_ROLES, 'device'])
          .makeOptionMandatory(),
      )
      .requiredOption('--name <name>', 'what it is for, e.g. "PACS router" or "DR-1 tablet"')
      .option('--station <station>', 'the DR room a device token is bound to')
      .addOption(
        new Option('--expires-days <days>', 'days until it stops working').argParser(
          parsePositiveInt('--expires-days'),
        ),
      ),
  ).action(async (flags: CreateTokenFlags) => {
    const input = checked(
      createTokenRequestSchema.safeParse(
        flags.role === 'device'
          ? { role: 'device', name: flags.name, station: flags.station }
          : {
              role: flags.role,
              name: flags.name,
              ...(flags.expiresDays ? { expiresInDays: flags.expiresDays } : {}),
            },
      ),
    );
    await withAdminDatabase(flags, async (db) => {
      const { record, token } = await provisionToken(db, input, cliActor());
      await db.audit.record({
        action: 'token.created',
        actor: cliActor(),
        target: `token ${record.name} (${record.prefix}…)`,
        detail: { role: record.role, station: record.station },
      });
      // Only the token on stdout, so scripts can capture it.
      process.stdout.write(`${token}\n`);
    });
  });
}

function listTokensCommand(): Command {
  return databaseOptions(
    new Command('list-tokens').description('API tokens and tablet pairings (never the tokens)'),
  ).action(async (flags: DatabaseFlags) => {
    await withAdminDatabase(flags, async (db) => {
      for (const t of await db.tokens.list({ kinds: ['api', 'device'] })) {
        const state = t.revokedAt
          ? 'revoked'
          : t.expiresAt && t.expiresAt < new Date()
            ? 'expired'
            : 'active';
        process.stdout.write(`${t.id}\t${t.prefix}…\t${t.role}\t${t.station ?? '-'}\t${state}\t${t.name}\n`);
      }
    });
  });
}

function revokeTokenCommand(): Command {
  return databaseOptions(
    new Command('revoke-token').description('revoke a token by its id (see list-tokens)').argument('<id>'),
  ).action(async (id: string, flags: DatabaseFlags) => {
    await withAdminDatabase(flags, async (db) => {
      const record = await db.tokens.revoke(id, new Date()).catch(refusal);
      if (!record) throw new UsageError(`no token ${id}`);
      await db.audit.record({
        action: 'token.revoked',
        actor: cliActor(),
        target: `token ${record.name} (${record.prefix}…)`,
      });
      process.stdout.write(`revoked ${record.name}\n`);
    });
  });
}

export function adminCommand(): Command {
  const admin = new Command('admin').description(
    'accounts and tokens, straight in the database (stop `spineqc serve` first when it uses the embedded one)',
  );
  for (const command of [
    createUserCommand(),
    setPasswordCommand(),
    listUsersCommand(),
    createTokenCommand(),
    listTokensCommand(),
    revokeTokenCommand(),
  ]) {
    admin.addCommand(command.exitOverride());
  }
  return admin;
}
