import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoSetup, DEMO } from './demo.js';
import { startEmulator } from './server.js';

const USAGE = 'npm run emulator -- [--port N]';
const PORT_RULE = '--port must be a whole number from 0 to 65535';

/** A bad command line: one line on stderr and exit code 2, as the CLI's usage errors. */
class UsageError extends Error {}

/** `--port N`, a whole number 0–65535 (0: any free port); 8787 when absent. */
function portFrom(args: readonly string[]): number {
  let values: { port?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { port: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    // parseArgs' own message is several lines of advice; one line says what is wrong.
    const code = (err as { code?: unknown }).code;
    const option = /'(--?[\w-]+)/.exec(err instanceof Error ? err.message : '')?.[1];
    throw new UsageError(
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `${PORT_RULE}, not a missing or dash-led value (write --port=VALUE)`
        : option === undefined
          ? 'bad arguments'
          : `unknown option ${option}`,
    );
  }
  if (values.port === undefined) return 8787;
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port <= 65535)) throw new UsageError(`${PORT_RULE}, not ${JSON.stringify(values.port)}`);
  return port;
}

/** `npm run emulator [-- --port N]`: start the demo endpoints and print how to use them. */
async function main(): Promise<void> {
  const port = portFrom(process.argv.slice(2));
  const demo = await createDemoSetup();
  const emulator = await startEmulator({ config: demo.config, port });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'authhelp-emulator-')), 'netsuite-demo-key.pem');
  writeFileSync(keyFile, demo.privateKeyPem, { mode: 0o600 });
  const u = emulator.url;
  const lines = [
    `authhelp token-endpoint emulator on ${u} (loopback only; demo values, not secrets)`,
    '',
    'Workday',
    `  token URL      ${u}/ccx/oauth2/${DEMO.workdayTenant}/token   (tenant acme_disabled: API clients disabled)`,
    `  client id      ${DEMO.workdayClient}   (also wd-client-s22, wd-client-scope, wd-client-raw)`,
    `  client secret  ${DEMO.workdaySecret}   (wd-client-raw: p+ss:w/rd%)`,
    `  refresh token  ${DEMO.workdayRefresh}   (wd-refresh-s22, wd-refresh-scope, wd-refresh-raw)`,
    `  API URL        ${u}/ccx/api/v1/${DEMO.workdayTenant}/workers`,
    '',
    'NetSuite',
    `  account id     ${DEMO.netsuiteAccount}`,
    `  token URL      ${u}/${DEMO.netsuiteAccount}/services/rest/auth/oauth2/v1/token`,
    `  client id      ${DEMO.netsuiteClient}   client secret ${DEMO.netsuiteSecret}`,
    `  certificate id ${DEMO.netsuiteCertificate}   private key ${keyFile}`,
    `  refresh token  ${demo.netsuiteRefresh.valid}`,
    `  REST URL       ${u}/${DEMO.netsuiteAccount}/services/rest/record/v1/customer`,
    '',
    'Generic OAuth 2.0',
    `  token URL      ${u}/oauth2/token   client ${DEMO.oauth2Client} / ${DEMO.oauth2Secret}   scopes api.read api.write`,
    `  API URL        ${u}/api/resource`,
    '',
    'Try:',
    `  AUTHHELP_ALLOW_LOCAL_TARGETS=1 AUTHHELP_CLIENT_SECRET=${DEMO.workdaySecret} AUTHHELP_REFRESH_TOKEN=${DEMO.workdayRefresh} \\`,
    `    npx authhelp check workday --token-url ${u}/ccx/oauth2/${DEMO.workdayTenant}/token --client-id ${DEMO.workdayClient}`,
    `  AUTHHELP_ALLOW_LOCAL_TARGETS=1 npx authhelp check netsuite --account-id ${DEMO.netsuiteAccount} \\`,
    `    --token-url ${u}/${DEMO.netsuiteAccount}/services/rest/auth/oauth2/v1/token --client-id ${DEMO.netsuiteClient} \\`,
    `    --certificate-id ${DEMO.netsuiteCertificate} --private-key ${keyFile}`,
    '',
    `Recorded events (with NetSuite Login Audit Trail codes): ${u}/_emulator/events`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`emulator: ${err.message} (usage: ${USAGE})\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
