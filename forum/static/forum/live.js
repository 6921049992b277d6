// Live updates over the page's one WebSocket (protocol: docs/realtime.md). No framework.
// The page says what to follow in <body data-streams="thread:12 user">; the chrome of a new
// post comes from the page's own <template id="post-template"> (forum/_post.html, the same
// template as the server's posts), so events carry only data, the same for every reader.

const body = document.body;
const wanted = (body.dataset.streams || "").split(" ").filter(Boolean);
const lastIds = JSON.parse(sessionStorage.getItem("live:last") || "{}");
// The log's position the page was drawn at: what happened after it and before the socket
// subscribed is replayed, so a reply posted in that moment is not lost on a first visit.
const since = /^\d+$/.test(body.dataset.since || "") ? Number(body.dataset.since) : undefined;
let socket = null;
let delay = 1000;
let unseen = 0;
let firstUnseen = null;  // the first post that arrived below the reader's view

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
      // The later of the two: an id remembered from an earlier page of this tab is older than
      // what this page shows; one from this page's socket, or a resync, is newer.
      const last = lastIds[name];
      if (last !== undefined || since !== undefined) {
        message.last_id = Math.max(last ?? 0, since ?? 0);
      }
      socket.send(JSON.stringify(message));
    }
  });
  socket.addEventListener("message", (frame) => handle(JSON.parse(frame.data)));
  socket.addEventListener("close", (event) => {
    // 1012: that server is restarting (config/daphne.py); another one answers at once, so
    // reconnect soon, spread over a second so its sockets do not all arrive together.
    if (event.code === 1012) delay = 100;
    // Back off (1 s, 2 s, 4 s … 30 s, with jitter) and resubscribe with the last ids.
    setTimeout(connect, delay + Math.random() * (event.code === 1012 ? 1000 : 500));
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
    // The moderators' queues and a consultation's messages: the page fetches its list as the
    // server draws it for this reader (the events carry ids only).
    if (message.stream === "moderation" || message.stream.startsWith("consultation:")) {
      return refreshQueue();
    }
    // The server sends again the few events just before a cursor (one may have committed
    // after a later one): a page drawn after such an event shows it already, and must not
    // reload for it again and again.
    if (RELOADS.has(message.kind) && since !== undefined && message.id <= since) return;
    const handler = handlers[message.kind];
    if (handler) handler(message.payload);
  }
}

// The kinds a thread page reloads for (what it shows is drawn by the server).
const RELOADS = new Set(["thread.unlocked", "thread.solved"]);

function showReaders(count) {
  const presence = document.getElementById("presence");
  if (!presence) return;
  presence.textContent = presence.dataset.label.replace("%s", count);
  presence.hidden = count < 2;  // "1 reading" is only the reader themself
}

let refreshing = null;
function refreshQueue() {
  // A queue changed, or a consultation has a new message: fetch the list as the server renders
  // it for this reader (at most one request at a time, coalescing bursts of events).
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

// Dates as the server prints them (forum/templatetags/forum_dates.py): the page gives the
// locale and the reader's time zone on <html data-date-locale data-time-zone>.
const root = document.documentElement;
const dateLocale = root.dataset.dateLocale || root.lang;
const timeZone = root.dataset.timeZone || "UTC";

function localTime(iso) {
  return new Intl.DateTimeFormat(dateLocale, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23", timeZone,
  }).format(new Date(iso));
}

const RELATIVE_UNITS = [["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];

function refreshRelativeTimes() {
  // "5 minutes ago" goes stale on an open page, and on the copies cached for visitors.
  const relative = new Intl.RelativeTimeFormat(root.lang, { numeric: "auto" });
  for (const time of document.querySelectorAll("time[data-relative]")) {
    const seconds = (Date.parse(time.dateTime) - Date.now()) / 1000;
    if (Number.isNaN(seconds)) continue;
    if (-seconds >= 86400) {
      time.textContent = localTime(time.dateTime);
      continue;
    }
    const [unit, size] = RELATIVE_UNITS.find(([, size]) => -seconds >= size) || ["second", 1];
    time.textContent = relative.format(Math.min(0, Math.round(seconds / size)), unit);
  }
}

function fill(element, id) {
  // An address of the <template> is in data-href with 0 for the id: the template itself holds
  // no link a link checker would follow.
  element.href = element.dataset.href.replace("/0/", `/${id}/`).replace("quote=0", `quote=${id}`);
  delete element.dataset.href;
}

// The links of a post's footer, by their data-slot names in forum/_post.html.
const POST_ACTIONS = [
  "quote", "reply", "edit", "delete", "hide", "restore", "approve", "member", "flag", "bookmark",
  "accept",
];

function renderPost(payload) {
  // The <template> is forum/_post.html rendered blank: every part is there, marked data-slot;
  // fill what this post has and remove what it lacks, as the server's rendering would.
  const template = document.getElementById("post-template");
  const article = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => article.querySelector(`[data-slot="${name}"]`);
  const drop = (name) => slot(name)?.remove();
  article.id = `post-${payload.position}`;
  article.dataset.postId = payload.post_id;
  if (payload.author_id) article.dataset.author = String(payload.author_id);  // muted.js
  article.dataset.revision = String(payload.edit_count || 0);  // a translation names the version
  article.lang = payload.language;
  if (payload.state === "pending") article.classList.add("held");
  if (payload.state === "hidden") article.classList.add("hidden-post");
  if (payload.author_avatar) slot("avatar").src = payload.author_avatar;
  else drop("avatar");
  const author = article.querySelector(".author");
  const profile = author.querySelector("a");
  if (payload.author_username && profile) {  // the name links to the member's profile
    profile.textContent = payload.author_name;
    fill(profile, payload.author_id);
  } else {
    author.textContent = payload.author_name || author.dataset.deleted;  // account deleted
  }
  delete author.dataset.deleted;
  const username = article.querySelector(".username");
  if (username && payload.author_username) username.textContent = `@${payload.author_username}`;
  else username?.remove();
  if (payload.author_organization) slot("organization").textContent = payload.author_organization;
  else drop("organization");
  const permalink = slot("permalink");
  fill(permalink, payload.post_id);
  const time = document.createElement("time");
  time.dateTime = payload.created_at;
  time.textContent = localTime(payload.created_at);
  slot("created").replaceWith(time);
  slot("position").textContent = `#${payload.position}`;
  if (payload.state !== "pending") drop("pending");
  if (payload.state !== "hidden") drop("hidden");
  slot("body").innerHTML = payload.html || "";  // sanitized by the server
  showAttachments(slot("attachments"), payload.attachments || []);
  // The reader's links: the policy's answers for a new post in this thread, by the reader or by
  // someone else, as the page gives them (#posts data-own-actions / data-others-actions); a post
  // arriving live is published (held and hidden ones never come with their text).
  const posts = document.getElementById("posts");
  const own = String(payload.author_id) === body.dataset.viewer;
  const given = own ? posts.dataset.ownActions : posts.dataset.othersActions;
  const allowed = new Set(given.split(" "));
  if (payload.edit_count && allowed.has("edited")) fill(slot("edited"), payload.post_id);
  else drop("edited");
  for (const name of POST_ACTIONS) {
    const link = slot(name);
    if (!link) continue;
    if (!allowed.has(name)) link.remove();
    else if (link.dataset.href) fill(link, name === "member" ? payload.author_id : payload.post_id);
  }
  const reply = slot("reply");
  if (reply && payload.author_username) reply.dataset.mention = payload.author_username;
  const reactions = slot("reactions");
  if (reactions) {
    for (const link of reactions.querySelectorAll(".reaction")) {
      fill(link, payload.post_id);
      if (!allowed.has("react")) delete link.dataset.toggle;  // counts only
    }
    showReactions(article, payload.reactions || {});
  }
  return article;
}

function showAttachments(list, files) {
  // As forum/_attachments.html draws them: a picture's thumbnail linking to it, a document's
  // name, kind and size. Names are set as text, never as markup.
  if (!list) return;
  if (!files.length) return list.remove();
  const size = new Intl.NumberFormat(root.lang, {maximumFractionDigits: 1});
  for (const file of files) {
    const item = document.createElement("li");
    item.className = `attachment ${file.kind}`;
    const link = document.createElement("a");
    link.href = file.url;
    if (file.thumbnail) {
      const image = document.createElement("img");
      image.src = file.thumbnail;
      image.width = file.width;
      image.height = file.height;
      image.loading = "lazy";
      image.alt = file.name;
      link.append(image);
      item.append(link);
    } else {
      link.download = "";
      const name = document.createElement("bdi");
      name.textContent = file.name;
      link.append(name);
      const meta = document.createElement("span");
      meta.className = "meta";
      const megabytes = file.size / (1024 * 1024);
      const shown = megabytes >= 1 ? `${size.format(megabytes)} MB` : `${size.format(file.size / 1024)} KB`;
      meta.textContent = `${list.dataset[`label${file.kind[0].toUpperCase()}${file.kind.slice(1)}`] || ""}, ${shown}`;
      item.append(link, " ", meta);
    }
    list.append(item);
  }
  for (const name of ["labelImage", "labelPdf", "labelDocument"]) delete list.dataset[name];
  list.hidden = false;
}

function showReactions(article, counts) {
  // A post's counts by kind; a kind nobody gave shows only where the reader may give it.
  const format = new Intl.NumberFormat(root.lang);
  for (const link of article.querySelectorAll(".reactions .reaction")) {
    const count = counts[link.dataset.kind] || 0;
    link.querySelector(".count").textContent = count ? format.format(count) : "";
    link.hidden = !count && link.dataset.toggle === undefined;
  }
}

function nearBottom() {
  return window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
}

function hideNewReplies() {
  unseen = 0;
  firstUnseen = null;
  const banner = document.getElementById("new-replies");
  if (banner) banner.hidden = true;
}

// The "New replies" pill goes once the reader has the new posts on screen.
const onScreen = "IntersectionObserver" in window ? new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    onScreen.unobserve(entry.target);
    if (entry.target === document.getElementById("posts")?.lastElementChild) hideNewReplies();
  }
}) : null;

function showNewReplies(article) {
  const banner = document.getElementById("new-replies");
  if (!banner) return;
  unseen += 1;
  banner.querySelector("span").textContent = banner.dataset.label.replace("%s", unseen);
  banner.hidden = false;
  if (article && !firstUnseen) firstUnseen = article;
  if (article && onScreen) onScreen.observe(article);
}

const handlers = {
  "post.created"(payload) {
    const posts = document.getElementById("posts");
    if (!posts || document.getElementById(`post-${payload.position}`)) return;
    if (posts.dataset.lastPage !== "1") return showNewReplies();
    const stay = nearBottom();
    const article = renderPost(payload);
    posts.appendChild(article);
    if (!stay) showNewReplies(article);
  },
  "post.edited"(payload) {
    // Rendered afresh: the text, and the "edited" link to its history.
    const article = document.getElementById(`post-${payload.position}`);
    if (article && payload.html !== undefined) article.replaceWith(renderPost(payload));
  },
  "post.translated"(payload) {
    // A translation the page was waiting for (forum/_post.html's "on its way" note), into this
    // page's language and of the version shown: the label, the translation, the original kept.
    const article = document.querySelector(`#posts article[data-post-id="${payload.post_id}"]`);
    const pending = article?.querySelector("[data-slot=mt-pending]");
    if (!pending || payload.target !== root.lang || !payload.html_translated) return;
    if (article.dataset.revision !== String(payload.revision)) return;
    const current = article.querySelector(".body");
    const original = current.cloneNode(true);
    original.classList.add("original");
    original.lang = article.lang;
    original.hidden = true;
    const translated = document.createElement("div");
    translated.className = "body";
    translated.dataset.slot = "body";
    translated.lang = payload.target;
    translated.innerHTML = payload.html_translated;  // sanitized by the server, like a post
    const label = document.createElement("template");
    label.innerHTML = payload.label;
    pending.replaceWith(label.content);
    current.replaceWith(translated, original);
  },
  "post.reacted"(payload) {
    const article = document.querySelector(`#posts article[data-post-id="${payload.post_id}"]`);
    if (article) showReactions(article, payload.reactions || {});
  },
  "post.deleted"(payload) {
    const article = document.getElementById(`post-${payload.position}`);
    if (!article) return;
    const placeholder = document.createElement("p");
    placeholder.className = "placeholder";
    placeholder.lang = root.lang;
    placeholder.textContent = document.getElementById("posts").dataset.deletedLabel;
    article.querySelector(".body")?.replaceWith(placeholder);
    article.querySelector(".actions")?.remove();
    article.classList.add("deleted");
  },
  "post.hidden"(payload) {
    // Members' copies lose the text (the event never carries it); the author's page reloads.
    const article = document.getElementById(`post-${payload.position}`);
    if (!article) return;
    const keeps = document.getElementById("posts").dataset.keepsHidden === "1";  // moderators'
    if (keeps || String(payload.author_id) === body.dataset.viewer) return location.reload();
    article.remove();
  },
  "post.restored"(payload) {
    const article = document.getElementById(`post-${payload.position}`);
    if (article) article.replaceWith(renderPost(payload));
    else handlers["post.created"](payload);
  },
  "thread.locked"(payload) {
    if (document.getElementById("posts")) closePosting("locked");
    else handlers["thread.updated"](payload);
  },
  "thread.unlocked"() { if (document.getElementById("posts")) location.reload(); },
  "thread.solved"(payload) {
    // An answer accepted or taken back: the thread page draws it under the question.
    if (document.getElementById("posts")) location.reload();
    else showBoardActivity(payload);
  },
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
  "thread.created"(payload) {
    // A thread the list already shows: replayed from just before the page was drawn.
    if (!document.querySelector(`[data-thread="${payload.thread_id}"]`)) showBoardActivity(payload);
  },
  "thread.updated"(payload) {
    const cell = document.querySelector(`[data-thread="${payload.thread_id}"] .replies`);
    if (cell) cell.textContent = payload.reply_count;
    else showBoardActivity(payload);
  },
  "notification.created"() {
    const count = document.getElementById("notification-count");
    if (!count) return;
    count.textContent = Number(count.textContent || 0) + 1;
    count.hidden = false;
  },
};

const active = new Set();  // threads with new activity since the list was drawn

function showBoardActivity(payload) {
  const banner = document.getElementById("board-activity");
  if (!banner) return;
  // A list filtered by program area or language counts only what is in it.
  const boards = banner.dataset.boards?.split(" ");
  if (payload && boards && !boards.includes(String(payload.board_id))) return;
  if (payload && banner.dataset.language && payload.language !== banner.dataset.language) return;
  if (payload?.thread_id) active.add(payload.thread_id);
  if (banner.dataset.label && active.size) {
    banner.querySelector("a").textContent = banner.dataset.label.replace(
      "%s", active.size.toLocaleString(root.lang),
    );
  }
  banner.hidden = false;
}

document.getElementById("new-replies")?.addEventListener("click", () => {
  const posts = document.getElementById("posts");
  if (posts.dataset.lastPage !== "1") {
    hideNewReplies();
    location.href = posts.dataset.lastPageUrl;
    return;
  }
  // To the first of the new posts, with the keyboard's focus on it.
  const first = firstUnseen || posts.lastElementChild;
  hideNewReplies();
  first?.scrollIntoView();
  first?.focus({ preventScroll: true });
});

function focusNamedPost() {
  // After posting, the server sends the reader to #post-N: the keyboard's focus goes there too
  // (the article has tabindex="-1"), not back to the top of the page.
  const match = /^#post-\d+$/.exec(location.hash);
  const article = match && document.getElementById(location.hash.slice(1));
  if (article) article.focus();
}

document.addEventListener("click", (event) => {
  // "Reply": to the reply box at the foot of the thread, the cursor in it, and for a post's own
  // Reply, its author @mentioned.
  const link = event.target.closest?.("a[href='#reply']");
  const box = document.querySelector("#reply textarea");
  if (!link || !box) return;
  event.preventDefault();
  const mention = link.dataset.mention ? `@${link.dataset.mention} ` : "";
  if (mention && !box.value.includes(mention)) box.value = mention + box.value;
  document.getElementById("reply").scrollIntoView();
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
});

focusNamedPost();
window.addEventListener("hashchange", focusNamedPost);
refreshRelativeTimes();
setInterval(refreshRelativeTimes, 60000);

if (wanted.length && "WebSocket" in window) connect();
