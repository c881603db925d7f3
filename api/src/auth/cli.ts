import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { engineOptionsFromEnv, openEngine, ROLES, type Engine, type OneTimePassword } from '@terep/db';
import { ApiError } from '../http/api-error.ts';
import { Accounts, roleOf } from './accounts.ts';

const USAGE = `Usage:
  npm run users -- add NAME --role ROLE [--county CODE ...]
                                   create a user; ROLE is one of ${ROLES.join(', ')};
                                   regional users need at least one county (e.g. --county 02),
                                   the other roles take none
  npm run users -- list            list the users
  npm run users -- passwd NAME     give NAME a new one-time password (their sessions end)
  npm run users -- disable NAME    disable NAME (their sessions end)
add and passwd print, as their last line, {"username": ..., "password": ...} with a one-time
password to hand over; it must be changed at the first sign-in.
The database is DATABASE_URL when set, else the embedded one in TEREP_DATA_DIR (default .terep/pgdata).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      county: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, name, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const needsName = command === 'add' || command === 'passwd' || command === 'disable';
  if (!['add', 'list', 'passwd', 'disable'].includes(command) || (needsName && !name) || rest.length > 0) {
    console.error(`Unknown or incomplete command: ${positionals.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  if (command === 'add' && !values.role) {
    console.error(`add needs --role (one of ${ROLES.join(', ')}).`);
    return 2;
  }
  // Before opening the database (seconds for the embedded one): a mistyped role fails at once.
  if (command === 'add') roleOf(values.role ?? '');
  const engine = await openEngine(engineOptionsFromEnv());
  try {
    return await run(engine, command, name ?? '', values.role ?? '', values.county ?? []);
  } finally {
    await engine.close();
  }
}

async function run(engine: Engine, command: string, name: string, role: string, counties: string[]): Promise<number> {
  const accounts = new Accounts(engine);
  // The audit trail names a command-line run by the system user who ran it.
  const actor = { userId: null, username: `cli:${userInfo().username}` };
  const handOver = (secret: OneTimePassword, what: string) => {
    console.log(`${what} Hand over this one-time password; it must be changed at the first sign-in.`);
    console.log(JSON.stringify(secret));
  };
  switch (command) {
    case 'add':
      handOver(await accounts.addUser({ username: name, role, counties }, actor), `User ${name.toLowerCase()} (${role}${counties.length ? `, counties ${counties.join(', ')}` : ''}) created.`);
      return 0;
    case 'passwd':
      handOver(await accounts.resetPassword(name, actor), `New password for ${name}; their sessions ended.`);
      return 0;
    case 'disable':
      await accounts.changeUser(name, { disabled: true }, actor);
      console.log(`User ${name} disabled; their sessions ended.`);
      return 0;
    default: {
      const users = await accounts.listUsers();
      if (users.length === 0) console.log('No users yet (npm start creates the first admin).');
      for (const user of users) {
        const flags = [user.disabled ? 'disabled' : '', user.mustChangePassword ? 'one-time password' : ''].filter(Boolean).join(', ');
        console.log(`${user.username}\t${user.role}${user.counties.length ? ` [${user.counties.join(', ')}]` : ''}${flags ? `\t(${flags})` : ''}`);
      }
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ApiError ? error.message : `users: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
