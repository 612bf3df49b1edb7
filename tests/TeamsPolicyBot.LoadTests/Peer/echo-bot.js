// The peer for the load benchmark: the official botbuilder-js echo bot (CloudAdapter, no app id so no auth,
// no storage) on 127.0.0.1:<port>, replying through each activity's serviceUrl.
// Run: NODE_PATH=tools/node_modules node tests/TeamsPolicyBot.LoadTests/Peer/echo-bot.js <port>
const http = require('http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: echo-bot.js <port>');
  process.exit(2);
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

// The minimal express-like request/response CloudAdapter.process expects, on plain node http.
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const response = {
      status: (code) => { res.statusCode = code; },
      header: (name, value) => res.setHeader(name, value),
      send: (body) => {
        if (typeof body === 'object') {
          res.setHeader('Content-Type', 'application/json');
          res.write(JSON.stringify(body));
        } else {
          res.write(String(body));
        }
      },
      end: () => res.end(),
    };
    adapter.process(req, response, (context) => bot.run(context));
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`echo bot listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
