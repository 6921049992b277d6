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
//
// Forms with data-draft-url (the reply box and page, the new-thread form) also keep the draft
// in the member's account (forum/views/drafts.py), two seconds after typing stops and when the
// page is left, so that it follows them to another device: a form that comes up empty there,
// or holding an older copy, gets the account's copy back (whichever was saved last wins). A
// save the server refuses or never hears of leaves the browser's copy, which is enough here.

const viewer = document.body.dataset.viewer;
let signingOut = false;  // set by forgetAll: the page is signing out
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
  // Signed out: nothing is written again (the account's copy, fetched late, included).
  if (signingOut) return;
  const values = {};
  for (const field of fieldsOf(form)) values[field.name] = field.value;
  if (!values.body || !values.body.trim()) return localStorage.removeItem(keyOf(form));
  const kept = load(keyOf(form));
  // The same text again (the page left without typing since): its time and sync stay.
  const same = kept && JSON.stringify(kept.values) === JSON.stringify(values);
  const draft = same
    ? { ...kept, token: tokenOf(form), ...extra }
    : { values, token: tokenOf(form), at: Date.now(), ...extra };
  localStorage.setItem(keyOf(form), JSON.stringify(draft));
}

// --- The account's copy -------------------------------------------------------------------

const SAVE_AFTER_MS = 2000;
const timers = new WeakMap();

function sendToAccount(form, { keepalive = false } = {}) {
  clearTimeout(timers.get(form));
  const token = form.elements.csrfmiddlewaretoken;
  if (!form.dataset.draftUrl || !token) return;
  const data = new FormData();
  for (const name of ["body", "title", "language", "submission_token"]) {
    if (form.elements[name]) data.append(name, form.elements[name].value);
  }
  data.append("csrfmiddlewaretoken", token.value);
  const sent = load(keyOf(form));
  fetch(form.dataset.draftUrl, {
    method: "POST", body: data, credentials: "same-origin", keepalive,
    headers: { Accept: "application/json" },
  }).then((response) => {
    // The account has this copy: if it is gone from there later, a post took it elsewhere.
    const current = load(keyOf(form));
    if (response.ok && sent && current && current.at === sent.at) {
      localStorage.setItem(keyOf(form), JSON.stringify({ ...current, synced: true }));
    }
  }).catch(() => {});  // offline: the browser's copy stays
}

function sendSoon(form) {
  clearTimeout(timers.get(form));
  timers.set(form, setTimeout(() => sendToAccount(form), SAVE_AFTER_MS));
}

async function fromAccount(form, local) {
  // The account's draft, if it is newer than this browser's and the box holds nothing typed.
  if (!form.dataset.draftUrl) return;
  let draft = null;
  try {
    const response = await fetch(form.dataset.draftUrl, {
      credentials: "same-origin", headers: { Accept: "application/json" },
    });
    if (response.ok) draft = (await response.json()).draft;
  } catch {
    return;
  }
  const body = form.elements.body;
  if (!draft || !draft.body) {
    // This browser's copy reached the account, which no longer has it: sent from another
    // device (or emptied there). It goes here too, unless typed on since.
    if (local?.synced && body.value.trim() === (local.values.body || "").trim()) {
      localStorage.removeItem(keyOf(form));
      for (const field of fieldsOf(form)) field.value = field.defaultValue;
      form.querySelector("[data-draft-restored]")?.setAttribute("hidden", "");
    }
    return;
  }
  if (local && local.at && local.at >= Date.parse(draft.updated_at)) return;
  const current = body.value.trim();
  // The box already holds the account's text (this browser's copy, saved there since): it
  // stays as it is, with the notice that says where it came from.
  const title = form.elements.title;
  if (current === draft.body.trim() && (!title || !draft.title || title.value === draft.title)) {
    return;
  }
  const shown = local?.values?.body?.trim() || body.defaultValue.trim();
  if (current && current !== shown && !draft.body.trim().startsWith(current)) return;
  body.value = draft.body;
  if (form.elements.title && draft.title) form.elements.title.value = draft.title;
  const language = form.elements.language;
  if (language && [...language.options].some((option) => option.value === draft.language)) {
    language.value = draft.language;
  }
  save(form);
  form.querySelector("[data-draft-restored]")?.setAttribute("hidden", "");
  const notice = form.querySelector("[data-draft-from-account]");
  if (notice) notice.hidden = false;
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
  if (!draft || !draft.values || !body) return null;
  // Text the server put in the form (a quote, a form sent back with its errors) is kept unless
  // the draft goes on from it.
  const current = body.value.trim();
  const saved = (draft.values.body || "").trim();
  if (current && (saved === current || !saved.startsWith(current))) return draft;
  for (const field of fieldsOf(form)) {
    if (draft.values[field.name] !== undefined) field.value = draft.values[field.name];
  }
  const notice = form.querySelector("[data-draft-restored]");
  if (notice) notice.hidden = false;
  return draft;
}

// Forms on their way to the server keep the draft marked as sending; after sign-out nothing
// is saved again.
const leaving = new WeakSet();

function watch(form) {
  fromAccount(form, restore(form));
  form.addEventListener("input", () => {
    save(form);
    sendSoon(form);
  });
  form.addEventListener("submit", () => {
    clearTimeout(timers.get(form));  // the post takes the account's draft with it
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
      if (typed && !leaving.has(form)) {
        save(form);
        // Only text the account does not have yet: a copy it has may since have been sent
        // from another device, and must not come back.
        if (!load(keyOf(form))?.synced) sendToAccount(form, { keepalive: true });
      }
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
