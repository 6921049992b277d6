// Preview: what a post form's text will look like, drawn by the server with the post's own
// Markdown and sanitizer (forum/views/preview.py), shortly after typing stops. Every form with
// data-preview-url gets a region below its message box, announced politely to screen readers;
// without script nothing changes. A failed preview says why in the region and loses nothing.

const PAUSE_MS = 400;

function attach(form) {
  const body = form.elements.body;
  const token = form.elements.csrfmiddlewaretoken;
  if (!body || !token) return;
  const region = document.createElement("section");
  region.className = "preview";
  region.hidden = true;
  region.setAttribute("aria-live", "polite");
  const heading = document.createElement("h2");
  heading.textContent = form.dataset.previewLabel;
  const content = document.createElement("div");
  content.className = "body";
  region.append(heading, content);
  (body.closest("p") || body).after(region);

  let timer = null;
  let pending = null;
  let shown = "";

  async function update() {
    const text = body.value.trim();
    if (text.length < 2) {
      region.hidden = true;
      content.replaceChildren();
      shown = "";
      return;
    }
    if (text === shown) return;
    pending?.abort();
    pending = new AbortController();
    const data = new FormData();
    data.append("body", body.value);
    data.append("csrfmiddlewaretoken", token.value);
    try {
      const response = await fetch(form.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: pending.signal,
      });
      const answer = await response.text();
      if (response.ok) {
        content.innerHTML = answer; // sanitized by the server, as every post is
        shown = text;
      } else {
        content.textContent = answer; // the reason, as plain text
        shown = "";
      }
      region.hidden = false;
    } catch {
      // Aborted by newer text, or offline: the next pause tries again.
    }
  }

  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, PAUSE_MS);
  });
  // Text already there (a post being edited, a draft brought back, a quote): shown at once.
  // drafts.js puts a draft back when it runs: after it, on the next turn.
  setTimeout(update, 0);
}

for (const form of document.querySelectorAll("form[data-preview-url]")) attach(form);
