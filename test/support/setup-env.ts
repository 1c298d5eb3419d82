// Keep the developer's own Slack and credential variables out of every test.
for (const name of Object.keys(process.env)) {
  if (/^(SLACK_|AUTHHELP_)/.test(name) || /_PROXY$/i.test(name))
    Reflect.deleteProperty(process.env, name);
}
