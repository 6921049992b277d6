// Quote a selection: select words in a post, and a "Quote selection" button appears under it;
// it puts those words in the reply box as the server's quotes are written (forum/markup.py's
// quote: who wrote it, a link to the post, which tells its author), after what is there.
// Only on posts that may be quoted (they carry a Quote link); keyboard users reach the button
// with Tab after selecting (shift and the arrow keys). Without script, the Quote link remains.

const form = document.querySelector("#reply form[data-quote-label]");
const box = form?.elements.body;
const SPECIAL = /([\\`*_{}[\]()#+\-.!<>|~])/g;
let button = null;
let chosen = null; // { id, name, text } of the selection the button would quote

function selectedPost() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
  const text = selection.toString().trim();
  const within = (node) => (node?.nodeType === 1 ? node : node?.parentElement)?.closest(
    "#posts article[data-post-id] .body",
  );
  const start = within(selection.anchorNode);
  if (!text || !start || start !== within(selection.focusNode)) return null;
  const article = start.closest("article");
  if (!article.querySelector("[data-slot=quote]")) return null;
  const name = article.querySelector(".author")?.textContent.trim() || "";
  return { id: article.dataset.postId, name, text, body: start };
}

function hide() {
  button?.remove();
  chosen = null;
}

function offer() {
  const found = selectedPost();
  if (!found) {
    // Focus on the button itself (Tab after selecting) keeps it.
    if (document.activeElement !== button) hide();
    return;
  }
  chosen = found;
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "quote-selection";
    button.textContent = form.dataset.quoteLabel;
    button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
    button.addEventListener("click", insert);
  }
  found.body.after(button);
}

function insert() {
  if (!chosen) return;
  const lines = chosen.text.split(/\r?\n/).map((line) => (line.trim() ? `> ${line}` : ">"));
  const name = chosen.name.replace(SPECIAL, "\\$1");
  const quote = `> **${name}** [wrote](/posts/${chosen.id}/):\n>\n${lines.join("\n")}\n\n`;
  const before = box.value.trimEnd();
  box.value = before ? `${before}\n\n${quote}` : quote;
  box.dispatchEvent(new Event("input", { bubbles: true })); // drafts.js saves it, the preview draws it
  hide();
  document.getSelection()?.removeAllRanges();
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
  box.scrollIntoView({ block: "center" });
}

if (box) {
  let timer = null;
  document.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = setTimeout(offer, 150);
  });
}
