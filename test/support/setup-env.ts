// Keep the developer's own Slack, credential and database variables out of every test
// (AUTHHELP_TEST_* are the test run's own settings, e.g. which PostgreSQL to test against).
for (const name of Object.keys(process.env)) {
  if (
    (/^(SLACK_|AUTHHELP_)/.test(name) && !name.startsWith('AUTHHELP_TEST_')) ||
    name === 'DATABASE_URL' ||
    /_PROXY$/i.test(name)
  )
    Reflect.deleteProperty(process.env, name);
}
