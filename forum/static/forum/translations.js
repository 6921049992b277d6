// Machine-translated posts: each one's "Show original" switch, and the thread's "Show all
// originals". Both versions are in the page (forum/_post.html); this only swaps which is shown.

function showOriginal(article, original) {
  const translated = article.querySelector(".body:not(.original)");
  const source = article.querySelector(".body.original");
  const button = article.querySelector("[data-toggle-original]");
  if (!translated || !source || !button) return;
  translated.hidden = original;
  source.hidden = !original;
  button.setAttribute("aria-pressed", String(original));
  button.textContent = original ? button.dataset.hideLabel : button.dataset.showLabel;
}

document.addEventListener("click", (event) => {
  const one = event.target.closest("[data-toggle-original]");
  if (one) {
    const article = one.closest("article");
    showOriginal(article, one.getAttribute("aria-pressed") !== "true");
    return;
  }
  const all = event.target.closest("[data-toggle-all-originals]");
  if (!all) return;
  const original = all.getAttribute("aria-pressed") !== "true";
  for (const article of document.querySelectorAll("#posts article")) showOriginal(article, original);
  all.setAttribute("aria-pressed", String(original));
  all.textContent = original ? all.dataset.hideLabel : all.dataset.showLabel;
});
