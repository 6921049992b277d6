// Reactions on a thread page (forum/_post.html): for a reader who may react, each kind's link
// (marked data-toggle) becomes a toggle button, pressed for the kinds they gave
// (#reactions-state data-given); a press sends the reactions page's own form and shows the
// answer's counts. Without script the link leads to that page. Counts others change arrive
// live (live.js, post.reacted).

const state = document.getElementById("reactions-state");
const posts = document.getElementById("posts");
const given = new Map(
  Object.entries(JSON.parse(state?.dataset.given || "{}"))
    .map(([id, kinds]) => [id, new Set(kinds)]),
);
const format = new Intl.NumberFormat(document.documentElement.lang);

function pressed(article) {
  const mine = given.get(article.dataset.postId) || new Set();
  for (const link of article.querySelectorAll(".reaction[data-toggle]")) {
    link.setAttribute("role", "button");
    link.setAttribute("aria-pressed", String(mine.has(link.dataset.kind)));
  }
}

function counted(article, counts) {
  for (const link of article.querySelectorAll(".reactions .reaction")) {
    const count = counts[link.dataset.kind] || 0;
    link.querySelector(".count").textContent = count ? format.format(count) : "";
  }
}

function say(article, text) {
  // Why a press was refused (over the limit, suspended meanwhile), read out once.
  const group = article.querySelector(".reactions");
  let note = group.querySelector(".reaction-error");
  if (!note) {
    note = document.createElement("span");
    note.className = "reaction-error";
    note.setAttribute("role", "status");
    group.append(note);
  }
  note.textContent = text;
}

async function toggle(link) {
  const article = link.closest("article");
  if (!article || link.getAttribute("aria-busy") === "true") return;
  const data = new FormData();
  data.append("kind", link.dataset.kind);
  data.append("csrfmiddlewaretoken", state.dataset.csrf);
  link.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(link.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    const answer = await response.json();
    if (!response.ok) return say(article, answer.error || "");
    given.set(article.dataset.postId, new Set(answer.mine));
    counted(article, answer.reactions);
    pressed(article);
    article.querySelector(".reaction-error")?.remove();
  } catch {
    location.href = link.href;  // no answer: the page that works without script
  } finally {
    link.removeAttribute("aria-busy");
  }
}

if (state && posts) {
  for (const article of posts.querySelectorAll("article")) pressed(article);
  // Posts arriving or drawn again live (live.js) keep the reader's pressed buttons.
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node.tagName === "ARTICLE") pressed(node);
    }
  }).observe(posts, { childList: true });
  posts.addEventListener("click", (event) => {
    const link = event.target.closest(".reaction[data-toggle]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    toggle(link);
  });
  posts.addEventListener("keydown", (event) => {
    const link = event.target.closest?.(".reaction[data-toggle]");
    if (!link || event.key !== " ") return;  // a button presses on Space too
    event.preventDefault();
    toggle(link);
  });
}
