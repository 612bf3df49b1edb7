// Test oracle for Adaptive Cards, run by tests/TeamsPolicyBot.Tests/Cards (one process per test class).
//   NODE_PATH=tools/node_modules node tests/oracles/cards.js < requests.json > results.json
// stdin:  [{ "id": "...", "template": {...}, "data": {...}, "card": {...} }, ...]  (template/data and card are each optional)
// stdout: [{ "id": "...",
//            "expanded": {...} | "expandError": "...",         official adaptivecards-templating: template bound to data
//            "version": "1.5", "events": [{ "phase", "event", "message" }],   official adaptivecards: parse + validateProperties of card
//            "text": "...", "tags": ["div", ...], "links": [{ "href", "text" }] }]  card rendered to HTML in jsdom
'use strict';

const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (!(name in globalThis)) {
    try { globalThis[name] = dom.window[name]; } catch { /* read-only window members are not needed */ }
  }
}
globalThis.window = dom.window;
globalThis.document = dom.window.document;
// jsdom has no layout, so no innerText; the renderer writes plain text through it.
Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
  get() { return this.textContent; },
  set(value) { this.textContent = value; },
  configurable: true,
});

const AC = require('adaptivecards/dist/adaptivecards.js');
const { Template } = require('adaptivecards-templating');

// Stands in for the host's markdown processor (Teams renders markdown in TextBlock): HTML is escaped,
// then [text](url) becomes a link. Text the renderer sends here can become a link; TextRun text never comes here.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  result.outputHtml = escaped.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '<a href="$2">$1</a>');
  result.didProcess = true;
};

function expand(request, result) {
  try {
    const expanded = new Template(request.template).expand({ $root: request.data });
    result.expanded = expanded === undefined ? null : expanded;
  } catch (error) {
    result.expandError = String(error && error.message ? error.message : error);
  }
}

function parseAndRender(json, result) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  result.version = card.version ? card.version.toString() : null;
  result.events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    result.events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  for (const e of card.validateProperties().validationEvents) {
    result.events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }

  const element = card.render();
  if (!element) {
    result.renderError = 'the card rendered nothing';
    return;
  }
  result.text = element.textContent;
  result.tags = [...new Set([element, ...element.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort();
  result.links = [...element.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((request) => {
    const result = { id: request.id };
    if ('template' in request) {
      expand(request, result);
    }
    if ('card' in request) {
      try {
        parseAndRender(request.card, result);
      } catch (error) {
        result.renderError = String(error && error.stack ? error.stack : error);
      }
    }
    return result;
  });
  process.stdout.write(JSON.stringify(results));
});
