/*
 * Orienta's website chat widget. One tag puts it on any page:
 *
 *   <script src="https://WIDGET-HOST/orienta-widget.js" data-server="https://RASA-HOST:5005"
 *           data-lang="it" defer></script>
 *
 * data-server: the Rasa server (its socket.io channel, see credentials.yml). Required.
 * data-lang:   "it" or "en"; optional, else the page's <html lang>, else the browser's.
 * data-open:   "true" opens the chat when the page loads (the demo page does).
 *
 * Everything else (stylesheet, interface texts, the Socket.IO client) is loaded from the
 * folder this script came from: no CDN. The widget lives in a shadow root, so the host
 * page's CSS cannot break it and ours cannot leak out. The bot's text is never parsed as
 * HTML: it is rendered as text nodes, and only http(s) URLs become links (new tab, no
 * opener, no referrer). The conversation (session id + transcript) is kept in
 * localStorage, so a reload shows it again and goes on in the same Rasa conversation.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.OrientaWidget) return; // not a classic <script>, or already on the page

  var BASE = new URL(".", script.src).href;
  var SERVER = script.getAttribute("data-server");
  var MAX_INPUT = 1000; // the channel refuses more than 2000; a question needs far less
  var MAX_TRANSCRIPT = 300; // entries kept in localStorage; older ones are dropped
  var MAX_BUTTONS = 12;
  var TURN_TIMEOUT_MS = 90000; // stop showing "typing" if the turn-end event never comes
  var STORAGE_KEY = "orienta-widget:v1:" + SERVER;
  var URL_PATTERN = /\bhttps?:\/\/[^\s<>"'«»]+/g;
  var TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

  if (!SERVER) {
    console.error("Orienta widget: add data-server=\"https://your-rasa-host:5005\" to its <script> tag");
    return;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.async = true;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("Orienta widget: cannot load " + src)); };
      document.head.appendChild(tag);
    });
  }

  // Our Socket.IO client must not replace one the host page already uses as window.io.
  function loadSocketIo() {
    var hostIo = window.io;
    return loadScript(BASE + "vendor/socket.io.min.js").then(function () {
      var ours = window.io;
      if (hostIo !== undefined) window.io = hostIo;
      return ours;
    });
  }

  function pickLanguage(available) {
    var candidates = [script.getAttribute("data-lang"), document.documentElement.lang, navigator.language];
    for (var i = 0; i < candidates.length; i++) {
      var code = String(candidates[i] || "").slice(0, 2).toLowerCase();
      if (Object.prototype.hasOwnProperty.call(available, code)) return code;
    }
    return "it"; // Orienta's users are Lombard companies
  }

  // ---- the transcript, kept across reloads -------------------------------------------------

  function cleanButtons(buttons) {
    if (!Array.isArray(buttons)) return [];
    return buttons.filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string" && b.title && b.payload;
    }).slice(0, MAX_BUTTONS).map(function (b) { return { title: b.title, payload: b.payload }; });
  }

  function cleanEntry(entry) {
    if (!entry || (entry.from !== "bot" && entry.from !== "user") || typeof entry.text !== "string") return null;
    return { from: entry.from, text: entry.text, buttons: cleanButtons(entry.buttons) };
  }

  function loadState() {
    var empty = { sessionId: null, transcript: [], open: false };
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (!stored || !Array.isArray(stored.transcript)) return empty;
      return {
        sessionId: typeof stored.sessionId === "string" ? stored.sessionId : null,
        transcript: stored.transcript.map(cleanEntry).filter(Boolean),
        open: stored.open === true
      };
    } catch (err) {
      return empty; // storage disabled or corrupted: start afresh
    }
  }

  function saveState(state) {
    state.transcript = state.transcript.slice(-MAX_TRANSCRIPT);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (err) { /* private mode or full: the chat still works, it just won't survive a reload */ }
  }

  // ---- safe rendering ---------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hiddenLabel(text) {
    return element("span", "visually-hidden", text);
  }

  function safeLink(url, texts) {
    var parsed;
    try { parsed = new URL(url); } catch (err) { return null; }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    var link = element("a", null, url);
    link.href = parsed.href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.appendChild(hiddenLabel(" " + texts.new_tab));
    return link;
  }

  // Text nodes only; each http(s) URL becomes a link (trailing punctuation stays text).
  function appendLinkified(parent, text, texts) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var url = match[0].replace(TRAILING_PUNCTUATION, "");
      var link = url && safeLink(url, texts);
      if (!link) continue;
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      parent.appendChild(link);
      last = match.index + url.length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // ---- the widget -------------------------------------------------------------------------

  function Widget(io, allTexts) {
    this.lang = pickLanguage(allTexts);
    this.texts = allTexts[this.lang];
    this.state = loadState();
    this.online = false;
    this.everOnline = false;
    this.waitingTimer = null;
    this.build();
    this.renderTranscript();
    this.setOpen(this.state.open || script.getAttribute("data-open") === "true");
    this.connect(io);
  }

  Widget.prototype.build = function () {
    var t = this.texts;
    var self = this;
    var host = element("div");
    host.id = "orienta-widget";
    host.lang = this.lang;
    var root = host.attachShadow({ mode: "open" });
    var style = element("link");
    style.rel = "stylesheet";
    style.href = BASE + "orienta-widget.css";
    root.appendChild(style);

    var launcher = element("button", "launcher", t.launcher);
    launcher.type = "button";
    launcher.setAttribute("aria-controls", "orienta-panel");
    launcher.setAttribute("aria-expanded", "false");

    var panel = element("section", "panel");
    panel.id = "orienta-panel";
    panel.setAttribute("aria-label", t.title);
    panel.hidden = true;

    var header = element("header", "header");
    var heading = element("div", "heading");
    heading.appendChild(element("h2", "title", t.title));
    heading.appendChild(element("p", "subtitle", t.subtitle));
    var restart = element("button", "restart", t.restart);
    restart.type = "button";
    var close = element("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", t.close);
    close.title = t.close;
    header.append(heading, restart, close);

    var status = element("p", "status");
    status.setAttribute("role", "status");
    var offline = element("p", "offline", t.unreachable);
    offline.setAttribute("role", "alert");
    offline.hidden = true;

    var log = element("div", "log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", t.log_label);
    log.tabIndex = 0; // scrollable with the keyboard

    var typing = element("p", "typing", t.typing);
    typing.hidden = true;

    var quickReplies = element("div", "quick-replies");
    quickReplies.setAttribute("role", "group");
    quickReplies.setAttribute("aria-label", t.quick_replies_label);
    quickReplies.hidden = true;

    var form = element("form", "composer");
    var label = element("label", "visually-hidden", t.input_label);
    label.htmlFor = "orienta-input";
    var input = element("textarea", "input");
    input.id = "orienta-input";
    input.rows = 1;
    input.maxLength = MAX_INPUT;
    input.placeholder = t.input_placeholder;
    input.autocomplete = "off";
    var send = element("button", "send", t.send);
    send.type = "submit";
    form.append(label, input, send);

    // The privacy notice, served beside the widget (bot/web/server.py, /privacy).
    var footer = element("p", "footer");
    var privacy = element("a", "privacy", t.privacy);
    privacy.href = BASE + "privacy?lang=" + this.lang;
    privacy.target = "_blank";
    privacy.rel = "noopener noreferrer";
    privacy.appendChild(hiddenLabel(" " + t.new_tab));
    footer.appendChild(privacy);

    panel.append(header, status, offline, log, typing, quickReplies, form, footer);
    root.append(launcher, panel);
    document.body.appendChild(host);

    this.ui = { host: host, launcher: launcher, panel: panel, status: status, offline: offline, log: log,
                typing: typing, quickReplies: quickReplies, input: input, send: send };

    launcher.addEventListener("click", function () { self.setOpen(panel.hidden); });
    close.addEventListener("click", function () { self.setOpen(false); launcher.focus(); });
    restart.addEventListener("click", function () { self.restart(); });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { self.setOpen(false); launcher.focus(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (self.send(input.value)) input.value = "";
    });
    input.addEventListener("keydown", function (event) {
      // Enter sends, Shift+Enter starts a new line (as in most chats).
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
      }
    });
  };

  Widget.prototype.setOpen = function (open) {
    this.ui.panel.hidden = !open;
    this.ui.launcher.setAttribute("aria-expanded", String(open));
    this.ui.host.classList.toggle("open", open);
    this.state.open = open;
    saveState(this.state);
    if (open) {
      this.scrollToEnd();
      this.ui.input.focus();
    }
  };

  Widget.prototype.messageNode = function (entry) {
    var node = element("div", "message " + entry.from);
    node.appendChild(hiddenLabel((entry.from === "bot" ? this.texts.bot : this.texts.you) + " "));
    appendLinkified(node, entry.text, this.texts);
    return node;
  };

  Widget.prototype.renderTranscript = function () {
    var log = this.ui.log;
    log.textContent = "";
    log.appendChild(this.messageNode({ from: "bot", text: this.texts.welcome }));
    var self = this;
    this.state.transcript.forEach(function (entry) { log.appendChild(self.messageNode(entry)); });
    this.renderQuickReplies();
    this.scrollToEnd();
  };

  // Only the buttons of the latest bot message are offered, and only until the user answers.
  Widget.prototype.renderQuickReplies = function () {
    var box = this.ui.quickReplies;
    var self = this;
    var last = this.state.transcript[this.state.transcript.length - 1];
    var buttons = last && last.from === "bot" ? last.buttons : [];
    box.textContent = "";
    buttons.forEach(function (choice) {
      var button = element("button", "quick-reply", choice.title);
      button.type = "button";
      button.disabled = !self.online;
      button.addEventListener("click", function () { self.send(choice.payload, choice.title); });
      box.appendChild(button);
    });
    box.hidden = buttons.length === 0;
  };

  Widget.prototype.addEntry = function (entry) {
    this.state.transcript.push(entry);
    saveState(this.state);
    this.ui.log.appendChild(this.messageNode(entry));
    this.renderQuickReplies();
    this.scrollToEnd();
  };

  Widget.prototype.scrollToEnd = function () {
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
  };

  Widget.prototype.setWaiting = function (waiting) {
    var self = this;
    clearTimeout(this.waitingTimer);
    this.ui.typing.hidden = !waiting;
    // aria-busy holds back the screen reader until the whole reply is there.
    this.ui.log.setAttribute("aria-busy", String(waiting));
    if (waiting) this.waitingTimer = setTimeout(function () { self.setWaiting(false); }, TURN_TIMEOUT_MS);
  };

  Widget.prototype.setOnline = function (online) {
    var wasOnline = this.online;
    this.online = online;
    this.ui.host.classList.toggle("offline", !online);
    this.ui.offline.hidden = online;
    this.ui.send.disabled = !online;
    this.ui.quickReplies.querySelectorAll("button").forEach(function (b) { b.disabled = !online; });
    if (online && !wasOnline) {
      this.ui.status.textContent = this.everOnline ? this.texts.online_again : "";
      this.everOnline = true;
    } else if (!online) {
      this.ui.status.textContent = "";
      this.setWaiting(false);
    }
  };

  Widget.prototype.connect = function (io) {
    var self = this;
    this.ui.status.textContent = this.texts.connecting;
    this.ui.send.disabled = true;
    // Reconnects forever, at most every 5 s, so the widget recovers by itself.
    var socket = io(SERVER, { path: "/socket.io", reconnectionDelayMax: 5000, timeout: 10000 });
    this.socket = socket;
    socket.on("connect", function () {
      socket.emit("session_request", { session_id: self.state.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      if (typeof sessionId !== "string") return;
      self.state.sessionId = sessionId;
      saveState(self.state);
      self.setOnline(true);
    });
    socket.on("connect_error", function () { self.setOnline(false); });
    socket.on("disconnect", function (reason) {
      self.setOnline(false);
      // The client retries by itself except when the server closed the socket on purpose.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("bot_uttered", function (message) { self.receive(message); });
    socket.on("bot_turn_end", function () { self.setWaiting(false); });
  };

  Widget.prototype.receive = function (message) {
    if (!message || typeof message !== "object") return;
    var text = typeof message.text === "string" ? message.text : "";
    var buttons = cleanButtons(message.quick_replies || message.buttons);
    if (!text && buttons.length === 0) return; // images, custom payloads: not used by Orienta
    this.addEntry({ from: "bot", text: text, buttons: buttons });
  };

  // `shown` is what the transcript shows (a button's title); `message` is what the bot gets.
  Widget.prototype.send = function (message, shown) {
    var text = String(message || "").trim().slice(0, MAX_INPUT);
    if (!text || !this.online || !this.state.sessionId) return false;
    this.socket.emit("user_uttered", {
      message: text,
      session_id: this.state.sessionId,
      metadata: { language: this.lang }
    });
    this.addEntry({ from: "user", text: shown || text, buttons: [] });
    this.setWaiting(true);
    return true;
  };

  Widget.prototype.restart = function () {
    this.state.sessionId = null;
    this.state.transcript = [];
    saveState(this.state);
    this.renderTranscript();
    this.setWaiting(false);
    if (this.online) this.socket.emit("session_request", { session_id: null });
    this.ui.input.focus();
  };

  function start() {
    Promise.all([loadSocketIo(), loadScript(BASE + "orienta-widget-texts.js")])
      .then(function (loaded) {
        var io = loaded[0];
        var texts = window.OrientaWidgetTexts;
        if (typeof io !== "function" || !texts) throw new Error("Orienta widget: its files did not load");
        window.OrientaWidget = new Widget(io, texts);
      })
      .catch(function (err) { console.error(err); });
  }

  window.OrientaWidget = "loading"; // a second copy of the tag does nothing
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
