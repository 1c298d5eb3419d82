import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoSetup, DEMO } from './demo.js';
import { startEmulator } from './server.js';

/** `npm run emulator [-- --port N]`: start the demo endpoints and print how to use them. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 8787 : Number(values.port);
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
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
