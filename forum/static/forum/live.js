// Live updates over the page's one WebSocket (protocol: docs/realtime.md). No framework.
// The page says what to follow in <body data-streams="thread:12 user">; the chrome of a new
// post comes from the page's own <template id="post-template">, so events carry only data.

const body = document.body;
const wanted = (body.dataset.streams || "").split(" ").filter(Boolean);
const lastIds = JSON.parse(sessionStorage.getItem("live:last") || "{}");
let socket = null;
let delay = 1000;
let unseen = 0;

function remember(stream, id) {
  lastIds[stream] = id;
  sessionStorage.setItem("live:last", JSON.stringify(lastIds));
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws/`);
  socket.addEventListener("open", () => {
    delay = 1000;
    for (const stream of wanted) {
      const name = stream === "user" ? (body.dataset.userStream || "user") : stream;
      const message = { type: "subscribe", stream };
      if (lastIds[name] !== undefined) message.last_id = lastIds[name];
      socket.send(JSON.stringify(message));
    }
  });
  socket.addEventListener("message", (frame) => handle(JSON.parse(frame.data)));
  socket.addEventListener("close", () => {
    // Back off (1 s, 2 s, 4 s … 30 s, with jitter) and resubscribe with the last ids.
    setTimeout(connect, delay + Math.random() * 500);
    delay = Math.min(delay * 2, 30000);
  });
}

function handle(message) {
  if (message.type === "subscribed") {
    if (message.stream.startsWith("user:")) body.dataset.userStream = message.stream;
    remember(message.stream, message.last_id);
    if (message.readers !== undefined) showReaders(message.readers);
  } else if (message.type === "resync") {
    remember(message.stream, message.last_id);
    location.reload();
  } else if (message.type === "presence") {
    showReaders(message.readers);
  } else if (message.type === "event") {
    remember(message.stream, message.id);
    if (message.stream === "moderation") return refreshQueue();
    const handler = handlers[message.kind];
    if (handler) handler(message.payload);
  }
}

function showReaders(count) {
  const presence = document.getElementById("presence");
  if (!presence) return;
  presence.textContent = presence.dataset.label.replace("%s", count);
  presence.hidden = count < 2;  // "1 reading" is only the reader themself
}

let refreshing = null;
function refreshQueue() {
  // A queue changed: fetch the list as the server renders it for this moderator (at most one
  // request at a time, coalescing bursts of events).
  const list = document.querySelector("[data-live-list]");
  if (!list || refreshing) return;
  refreshing = fetch(list.dataset.fragmentUrl, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.text() : null))
    .then((html) => { if (html !== null) list.innerHTML = html; })
    .finally(() => { refreshing = null; });
}

function closePosting(reason) {
  // Locked, suspended or moved while the page was open: the reply form goes, its text stays
  // in the browser's draft (the server would refuse it now, and says why).
  const notice = document.getElementById("posting-closed");
  if (!notice) return;
  notice.textContent = notice.dataset[reason];
  notice.hidden = false;
  const reply = document.getElementById("reply");
  if (reply) reply.querySelector("button[type=submit]").disabled = true;
}

function localTime(iso) {
  return new Intl.DateTimeFormat(document.documentElement.lang, {
    dateStyle: "short", timeStyle: "short",
  }).format(new Date(iso));
}

function renderPost(payload) {
  const template = document.getElementById("post-template");
  const article = template.content.firstElementChild.cloneNode(true);
  article.id = `post-${payload.position}`;
  article.dataset.postId = payload.post_id;
  article.lang = payload.language;
  const author = article.querySelector(".author");
  author.textContent = payload.author_name || author.dataset.deleted;  // no name: account deleted
  const link = article.querySelector(".permalink");
  link.href = link.href.replace("/0/", `/${payload.post_id}/`);
  const time = article.querySelector("time");
  time.dateTime = payload.created_at;
  time.textContent = localTime(payload.created_at);
  article.querySelector(".position").textContent = `#${payload.position}`;
  article.querySelector(".body").innerHTML = payload.html || "";  // sanitized by the server
  for (const own of article.querySelectorAll("[data-own]")) {
    if (String(payload.author_id) !== body.dataset.viewer) own.remove();
    else own.href = own.href.replace("/0/", `/${payload.post_id}/`);
  }
  for (const quote of article.querySelectorAll("[data-quote]")) {
    quote.href = quote.href.replace("quote=0", `quote=${payload.post_id}`);
  }
  return article;
}

function nearBottom() {
  return window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
}

function showNewReplies() {
  const banner = document.getElementById("new-replies");
  if (!banner) return;
  unseen += 1;
  banner.querySelector("span").textContent = banner.dataset.label.replace("%s", unseen);
  banner.hidden = false;
}

const handlers = {
  "post.created"(payload) {
    const posts = document.getElementById("posts");
    if (!posts || document.getElementById(`post-${payload.position}`)) return;
    if (posts.dataset.lastPage !== "1") return showNewReplies();
    const stay = nearBottom();
    posts.appendChild(renderPost(payload));
    if (!stay) showNewReplies();
  },
  "post.edited"(payload) {
    const article = document.getElementById(`post-${payload.position}`);
    if (article && payload.html !== undefined) {
      article.querySelector(".body").innerHTML = payload.html;
      article.classList.add("edited");
    }
  },
  "post.deleted"(payload) {
    const article = document.getElementById(`post-${payload.position}`);
    if (!article) return;
    const placeholder = document.createElement("p");
    placeholder.className = "placeholder";
    placeholder.textContent = document.getElementById("posts").dataset.deletedLabel;
    article.querySelector(".body")?.replaceWith(placeholder);
    article.querySelector(".actions")?.remove();
    article.classList.add("deleted");
  },
  "post.hidden"(payload) {
    // Members' copies lose the text (the event never carries it); the author's page reloads.
    const article = document.getElementById(`post-${payload.position}`);
    if (!article) return;
    const moderating = document.getElementById("posts").dataset.moderating === "1";
    if (moderating || String(payload.author_id) === body.dataset.viewer) return location.reload();
    article.remove();
  },
  "post.restored"(payload) {
    const article = document.getElementById(`post-${payload.position}`);
    if (article) article.querySelector(".body").innerHTML = payload.html || "";
    else handlers["post.created"](payload);
  },
  "thread.locked"(payload) {
    if (document.getElementById("posts")) closePosting("locked");
    else handlers["thread.updated"](payload);
  },
  "thread.unlocked"() { if (document.getElementById("posts")) location.reload(); },
  "thread.pinned"() { showBoardActivity(); },
  "thread.unpinned"() { showBoardActivity(); },
  "thread.moved"() {
    if (document.getElementById("posts")) closePosting("moved");
    else showBoardActivity();
  },
  "thread.merged"(payload) {
    if (document.getElementById("posts")) {
      location.href = location.pathname.replace(/\/t\/\d+\//, `/t/${payload.merged_into}/`);
    }
    else showBoardActivity();
  },
  "thread.split"(payload) {
    for (const id of payload.posts) {
      document.querySelector(`[data-post-id="${id}"]`)?.remove();
    }
  },
  "account.suspended"() { closePosting("suspended"); },
  "account.restored"() { location.reload(); },
  "thread.created"() { showBoardActivity(); },
  "thread.updated"(payload) {
    const cell = document.querySelector(`[data-thread="${payload.thread_id}"] .replies`);
    if (cell) cell.textContent = payload.reply_count;
    else showBoardActivity();
  },
  "notification.created"() {
    const count = document.getElementById("notification-count");
    if (!count) return;
    count.textContent = Number(count.textContent || 0) + 1;
    count.hidden = false;
  },
};

function showBoardActivity() {
  const banner = document.getElementById("board-activity");
  if (banner) banner.hidden = false;
}

document.getElementById("new-replies")?.addEventListener("click", () => {
  unseen = 0;
  document.getElementById("new-replies").hidden = true;
  const posts = document.getElementById("posts");
  if (posts.dataset.lastPage === "1") window.scrollTo(0, document.body.scrollHeight);
  else location.href = posts.dataset.lastPageUrl;
});

if (wanted.length && "WebSocket" in window) connect();
