// Drafts: what a member types into a post form stays in this browser until the server has it.
//
// Every form marked data-draft (reply, new thread, edit) is saved to localStorage as it is
// typed, under the member and the form's address without its language prefix (the thread
// page's reply box and the full reply page share one draft). A form that comes up empty, after
// a session that expired, a failed connection, a closed tab or Back, gets its draft back. The
// draft is dropped only when the page the server sends after a successful post names its
// token (?sent=<submission token>), so text is never lost to a post that did not land.
// A submitted form's button is disabled until the next page: a double click sends one request
// (and the submission token would make the server keep one post even if two arrived).
// Signing out forgets every draft in this browser.

const viewer = document.body.dataset.viewer;
const PREFIX = `draft:${viewer}:`;

function keyOf(form) {
  const path = new URL(form.action || location.href, location.href).pathname;
  return PREFIX + path.replace(/^\/[a-z]{2}(-[a-z]+)?\//, "/");
}

function fieldsOf(form) {
  return [...form.querySelectorAll("textarea, input[type=text], select")].filter((f) => f.name);
}

function tokenOf(form) {
  const token = form.elements.submission_token || form.elements.seen_edit_count;
  return token ? token.value : "";
}

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key));
  } catch {
    return null;
  }
}

function save(form, extra = {}) {
  const values = {};
  for (const field of fieldsOf(form)) values[field.name] = field.value;
  if (!values.body || !values.body.trim()) return localStorage.removeItem(keyOf(form));
  localStorage.setItem(keyOf(form), JSON.stringify({ values, token: tokenOf(form), ...extra }));
}

function forgetSent() {
  // The server redirected here after taking a post: drop the draft that was sent with it.
  const params = new URLSearchParams(location.search);
  const sent = params.get("sent");
  if (!sent) return;
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(PREFIX)) continue;
    const draft = load(key);
    if (draft && draft.sending && draft.token === sent) localStorage.removeItem(key);
  }
  params.delete("sent");
  const query = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

function restore(form) {
  const draft = load(keyOf(form));
  const body = form.elements.body;
  if (!draft || !draft.values || !body) return;
  // Text the server put in the form (a quote, a form sent back with its errors) is kept unless
  // the draft goes on from it.
  const current = body.value.trim();
  const saved = (draft.values.body || "").trim();
  if (current && (saved === current || !saved.startsWith(current))) return;
  for (const field of fieldsOf(form)) {
    if (draft.values[field.name] !== undefined) field.value = draft.values[field.name];
  }
  const notice = form.querySelector("[data-draft-restored]");
  if (notice) notice.hidden = false;
}

// Forms on their way to the server keep the draft marked as sending; after sign-out nothing
// is saved again.
const leaving = new WeakSet();
let signingOut = false;

function watch(form) {
  restore(form);
  form.addEventListener("input", () => save(form));
  form.addEventListener("submit", () => {
    leaving.add(form);
    save(form, { sending: true });
    for (const button of form.querySelectorAll("button[type=submit]")) {
      // Disabled after this event, so the click that submits still counts; enabled again if
      // no page came (a dropped connection), so the member can send once more.
      setTimeout(() => { button.disabled = true; });
      setTimeout(() => { button.disabled = false; }, 10000);
    }
  });
}

function forgetAll() {
  // Signing out on a shared computer leaves none of the member's unsent text behind.
  signingOut = true;
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("draft:")) localStorage.removeItem(key);
  }
}

if (viewer && "localStorage" in window) {
  forgetSent();
  // Signing out, and deleting the account (forum/delete_account.html).
  for (const form of document.querySelectorAll("form[data-sign-out]")) {
    form.addEventListener("submit", forgetAll);
  }
  for (const form of document.querySelectorAll("form[data-draft]")) watch(form);
  // Text typed before this module ran (the page still loading) fired no input event it heard:
  // it is saved when the page is left too (a reload, a link, the tab closed), if it differs
  // from what the server put in the form (a quote, the post being edited is no draft).
  window.addEventListener("pagehide", () => {
    if (signingOut) return;
    for (const form of document.querySelectorAll("form[data-draft]")) {
      const typed = fieldsOf(form).some(
        (f) => f.defaultValue !== undefined && f.value !== f.defaultValue,
      );
      if (typed && !leaving.has(form)) save(form);
    }
  });
  // Back to a page kept whole in memory: its buttons were disabled by the submit that left it.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const button of document.querySelectorAll("form[data-draft] button[type=submit]")) {
      button.disabled = false;
    }
  });
}
