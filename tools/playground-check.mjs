#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground started by ./dev.sh without a browser, through the
// HTTP and WebSocket API its web page uses: installs the bot in a scope, sends one message as the
// configured current user and prints what the bot answered. Give --text more than once to hold a
// conversation (a question, then the answer to the bot's question back).
//
//   node tools/playground-check.mjs [--scope personal|team|groupchat] [--text help]... [--json]
//                                   [--playground http://localhost:56150] [--timeout 20]
//
// Exit code 0 when the bot answered the message, 1 when it did not, 2 when the Playground is not
// running. Playground routes used (package @microsoft/m365agentsplayground 0.2.28):
//   GET  /_internal/v1/config                           mock tenant, users, chats and team
//   WS   /_ws_conversation/v1/conversations/stream      everything the bot posts ("createMessage")
//   WS   /_ws/log/stream                                the Playground's own warnings and errors
//   POST /_debug/conversation/{id}/installation         installationUpdate + conversationUpdate
//   POST /_conversation/v1/conversations/{id}/messages  a message from a user

import { spawnSync } from 'node:child_process';

// Node 20 has WebSocket only behind a flag; Node 22 and later have it built in.
if (typeof WebSocket === 'undefined') {
  const run = spawnSync(process.execPath,
    ['--experimental-websocket', '--disable-warning=ExperimentalWarning', ...process.argv.slice(1)],
    { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const options = parseArguments(process.argv.slice(2));
const playground = options.playground.replace(/\/$/, '');
const quietAfterLastReply = 2000;
// A bot need not greet on installation, so that step waits less before moving on.
const installationWaitSeconds = 8;
const startedAt = Date.now();

async function check() {
  const config = await fetchConfig();
  if (!config) return 2;

  const target = conversationFor(config, options.scope);
  const replies = new BotReplies(config.bot.id);
  const conversations = await openSocket('/_ws_conversation/v1/conversations/stream', (event) => replies.add(event));
  const log = await openSocket('/_ws/log/stream', printPlaygroundProblem);
  try {
    replies.startCollecting(target.installId);
    await post(`/_debug/conversation/${encodeURIComponent(target.installId)}/installation`, {});
    const welcome = await replies.settle(Math.min(installationWaitSeconds, options.timeout));
    printReplies(`On installation in ${target.label} the bot sent`, welcome);

    // Each --text is sent in turn; in a channel the later ones reply in the post the first one started.
    let conversationId = target.messageId;
    let answered = true;
    for (const text of options.texts) {
      const mention = target.mentionBot ? `<at>${config.bot.name}</at> ` : '';
      const message = {
        from: { id: config.currentUser.id },
        text: mention + text,
        textFormat: 'plain',
        ...(mention && { mentions: [{ mentioned: { id: config.bot.id }, text: `<at>${config.bot.name}</at>` }] }),
      };
      replies.startCollecting(conversationId);
      const sent = await post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, message);
      if (sent.postConversationId) {
        replies.startCollecting(sent.postConversationId);
        conversationId = sent.postConversationId;
      }
      const answer = await replies.settle(options.timeout);
      printReplies(`${config.currentUser.name} said "${text}" in ${target.label}; the bot answered`, answer);
      answered &&= answer.length > 0;
    }
    return answered ? 0 : 1;
  } finally {
    conversations.close();
    log.close();
  }
}

function conversationFor(config, scope) {
  switch (scope) {
    case 'personal':
      return { label: 'the personal chat', installId: config.personalChat.id, messageId: config.personalChat.id, mentionBot: false };
    case 'groupchat': {
      const chat = config.groupChats[0];
      return { label: `group chat "${chat.name}"`, installId: chat.id, messageId: chat.id, mentionBot: true };
    }
    case 'team': {
      const team = config.teams[0];
      const channel = team.channels.find((c) => c.id !== team.id) ?? team.channels[0];
      return { label: `team "${team.name}", channel "${channel.name}"`, installId: team.id, messageId: channel.id, mentionBot: true };
    }
    default:
      throw new Error(`unknown scope "${scope}" (personal, team or groupchat)`);
  }
}

/** Collects what the bot posts to the conversations of the current step. */
class BotReplies {
  #botId;
  #conversations = new Set();
  #collected = [];
  #lastArrival = 0;

  constructor(botId) {
    this.#botId = botId;
  }

  startCollecting(conversationId) {
    this.#conversations.add(conversationId);
  }

  add(event) {
    if (!['createMessage', 'updateMessage'].includes(event.action) || event.message?.from?.id !== this.#botId) return;
    const conversation = event.message.postConversationId ?? event.actionConversationId;
    if (!this.#conversations.has(conversation)) return;
    this.#collected.push({ action: event.action, ...event.message });
    this.#lastArrival = Date.now();
  }

  /** Waits until the bot has been quiet for a moment (or the timeout passes), then hands over what came. */
  async settle(timeoutSeconds) {
    const started = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = Date.now();
      const quiet = this.#collected.length > 0 && now - this.#lastArrival >= quietAfterLastReply;
      if (quiet || now - started >= timeoutSeconds * 1000) break;
    }
    const collected = this.#collected;
    this.#collected = [];
    this.#conversations.clear();
    return collected;
  }
}

function printReplies(heading, replies) {
  console.log(`${heading}${replies.length === 0 ? ' nothing.' : ':'}`);
  for (const reply of replies) {
    if (options.json) {
      console.log(JSON.stringify(reply, null, 2));
      continue;
    }
    const verb = reply.action === 'updateMessage' ? 'updated' : 'message';
    if (reply.text) console.log(`  [${verb}] ${reply.text}`);
    for (const attachment of reply.attachments ?? []) {
      console.log(`  [${verb}] ${attachment.contentType}`);
      for (const line of describeCard(attachment.content)) console.log(`    ${line}`);
    }
  }
}

/** The words a person would read on an Adaptive Card, and its buttons. */
function describeCard(card) {
  if (!card || typeof card !== 'object') return [];
  const lines = [];
  const visit = (element) => {
    if (Array.isArray(element)) return element.forEach(visit);
    if (!element || typeof element !== 'object') return;
    switch (element.type) {
      case 'TextBlock': lines.push(element.text); break;
      case 'RichTextBlock': lines.push((element.inlines ?? []).map((i) => (typeof i === 'string' ? i : i.text)).join('')); break;
      case 'FactSet': (element.facts ?? []).forEach((f) => lines.push(`${f.title}: ${f.value}`)); break;
      case 'Input.Text': case 'Input.ChoiceSet': case 'Input.Toggle': case 'Input.Date': case 'Input.Number':
        lines.push(`<${element.type} ${element.id}${element.label ? ` "${element.label}"` : ''}>`); break;
      default:
        if (typeof element.type === 'string' && element.type.startsWith('Action.')) {
          lines.push(`[${element.title ?? element.type}]${element.verb ? ` (verb ${element.verb})` : ''}`);
        }
    }
    for (const key of ['body', 'items', 'columns', 'actions', 'card']) visit(element[key]);
  };
  visit(card);
  return lines;
}

/** The Playground's own warnings (bot unreachable, …) and requests the bot refused, from this run only. */
function printPlaygroundProblem({ log }) {
  if (!log || log.timestamp < startedAt) return;
  if (log.level === 'warning' || log.level === 'error') console.error(`Playground ${log.level}: ${log.displayText}`);
  const status = log.response?.statusCode;
  if (log.to === 'User Application' && status >= 400) {
    console.error(`The bot answered ${status} to a ${log.activityName} activity: ${JSON.stringify(log.response.body)}`);
  }
}

async function fetchConfig() {
  let response;
  try {
    response = await fetch(`${playground}/_internal/v1/config`);
  } catch {
    console.error(`The Playground is not running at ${playground}: start it with ./dev.sh`);
    return null;
  }
  if (!response.ok) throw new Error(`GET /_internal/v1/config answered ${response.status}`);
  return (await response.json()).config;
}

async function post(path, body) {
  const response = await fetch(playground + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : {};
}

function openSocket(path, onEvent) {
  const socket = new WebSocket(playground.replace(/^http/, 'ws') + path);
  socket.addEventListener('message', (message) => onEvent(JSON.parse(message.data)));
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot open ${path}`)), { once: true });
  });
}

function parseArguments(args) {
  const parsed = { scope: 'personal', texts: [], json: false, playground: 'http://localhost:56150', timeout: 20 };
  for (let i = 0; i < args.length; i++) {
    const name = args[i].replace(/^--/, '');
    if (name === 'json') parsed.json = true;
    else if (name === 'text' && i + 1 < args.length) parsed.texts.push(args[++i]);
    else if (name in parsed && i + 1 < args.length) parsed[name] = name === 'timeout' ? Number(args[++i]) : args[++i];
    else throw new Error(`unknown argument ${args[i]}`);
  }
  if (parsed.texts.length === 0) parsed.texts.push('help');
  return parsed;
}

try {
  process.exit(await check());
} catch (error) {
  console.error(`playground-check: ${error.message}`);
  process.exit(1);
}
