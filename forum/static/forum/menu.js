// The header's menu on narrow screens: the site's pages, search, account and languages fold
// behind one button (site.css hides them while the button says aria-expanded="false"). Without
// this script the button stays hidden and everything is shown, as on a wide screen.
const header = document.querySelector(".site-header");
const toggle = header?.querySelector(".menu-toggle");
const menu = document.getElementById("site-menu");

if (header && toggle && menu) {
  const isOpen = () => toggle.getAttribute("aria-expanded") === "true";
  const setOpen = (open) => toggle.setAttribute("aria-expanded", String(open));

  header.dataset.menu = "collapsible";
  toggle.hidden = false;
  toggle.addEventListener("click", () => setOpen(!isOpen()));
  // Escape closes the menu from anywhere inside it and gives the focus back to its button.
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      toggle.focus();
    }
  });

  // The unread count is inside the folded menu: the button shows it too, kept in step with the
  // one live.js updates.
  const source = document.getElementById("notification-count");
  const mirror = toggle.querySelector("[data-menu-count]");
  if (source && mirror) {
    const copy = () => {
      mirror.textContent = source.textContent.trim();
      mirror.hidden = source.hidden || mirror.textContent === "";
    };
    copy();
    new MutationObserver(copy).observe(source, {
      attributes: true,
      characterData: true,
      childList: true,
      subtree: true,
    });
  }
}
