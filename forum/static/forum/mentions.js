// @mention suggestions in a post form's message box: after "@" and a letter or more, the
// members who may read where the post goes (forum/views/mentions.py) are offered in a list
// under the box (a listbox the box controls; the chosen name is its aria-activedescendant: a
// textarea keeps its own role). Down and Up move through the names, Enter or Tab put
// "@username " in place of what was typed, Escape closes; a click does the same. Without
// script, typing "@username" works as before.

const PAUSE_MS = 200;
// As the server reads mentions (forum/markup.py's MENTION): letters of any script, digits, _.+-
const TYPED = /(?:^|[^\p{L}\p{N}_/@.])@([\p{L}\p{N}_.+-]{1,50})$/u;
let count = 0;

function attach(form) {
  const box = form.elements.body;
  if (!box) return;
  const id = `mention-list-${++count}`;
  const list = document.createElement("ul");
  list.id = id;
  list.className = "mention-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.dataset.mentionsLabel);
  list.hidden = true;
  (box.closest("p") || box).after(list);
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", id);

  let timer = null;
  let pending = null;
  let active = -1;
  let start = -1; // where the "@" being completed is

  function close() {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    box.removeAttribute("aria-activedescendant");
  }

  function choose(index) {
    const option = list.children[index];
    if (!option || start < 0) return;
    const end = box.selectionStart;
    const name = `@${option.dataset.username} `;
    box.setRangeText(name, start, end, "end");
    box.dispatchEvent(new Event("input", { bubbles: true })); // drafts.js and the preview hear it
    close();
    box.focus();
  }

  function highlight(index) {
    const options = [...list.children];
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach((option, n) => option.setAttribute("aria-selected", String(n === active)));
    box.setAttribute("aria-activedescendant", options[active].id);
  }

  function show(members) {
    list.replaceChildren();
    members.forEach((member, n) => {
      const option = document.createElement("li");
      option.id = `${id}-${n}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.username = member.username;
      option.textContent = member.name === member.username
        ? `@${member.username}`
        : `${member.name} (@${member.username})`;
      option.addEventListener("mousedown", (event) => {
        event.preventDefault(); // keep the focus (and the caret) in the box
        choose(n);
      });
      list.append(option);
    });
    if (!members.length) return close();
    list.hidden = false;
    highlight(0);
  }

  async function suggest() {
    const before = box.value.slice(0, box.selectionStart);
    const match = TYPED.exec(before);
    if (!match) return close();
    start = box.selectionStart - match[1].length - 1;
    pending?.abort();
    pending = new AbortController();
    const url = `${form.dataset.mentionsUrl}?q=${encodeURIComponent(match[1])}`;
    try {
      const response = await fetch(url, { credentials: "same-origin", signal: pending.signal });
      if (!response.ok) return close(); // signed out, too many: typing goes on as it was
      show((await response.json()).members);
    } catch {
      // Aborted by newer typing, or offline.
    }
  }

  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, PAUSE_MS);
  });
  box.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") highlight(active + 1);
    else if (event.key === "ArrowUp") highlight(active - 1);
    else if (event.key === "Enter" || event.key === "Tab") choose(active);
    else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
  });
  box.addEventListener("blur", () => setTimeout(close, 150));
}

for (const form of document.querySelectorAll("form[data-mentions-url]")) attach(form);
