// wagtail-modeltranslation's language toggles, made readable (cms/wagtail_hooks.py): each names
// its language ("Español", not "es"), says whether it is pressed, and one button shows them all.
// The toggles keep their text (the language code): the library reads it back to know which
// languages are shown, so the name is drawn by the stylesheet and given as the accessible name.
(() => {
  const data = document.getElementById("cms-language-toggles");
  if (!data) return;
  const config = JSON.parse(data.textContent);

  function enhance(picker) {
    picker.classList.add("cms-locale-picker");
    const toggles = [...picker.querySelectorAll("button.locale-toggle")];
    for (const button of toggles) {
      const code = button.textContent.trim();
      const name = config.languages[code];
      if (!name) continue;
      button.dataset.languageName = name;
      button.setAttribute("aria-label", name);
      button.setAttribute("lang", code);
      const sync = () =>
        button.setAttribute("aria-pressed", String(button.classList.contains("showing-locale")));
      sync();
      new MutationObserver(sync).observe(button, { attributes: true, attributeFilter: ["class"] });
    }
    const heading = picker.querySelector("h2");
    if (heading) {
      const hint = document.createElement("p");
      hint.className = "cms-locale-hint";
      hint.textContent = config.hint;
      heading.after(hint);
    }
    const showAll = document.createElement("button");
    showAll.type = "button";
    showAll.className = "button button-small button-secondary cms-show-all";
    showAll.textContent = config.showAll;
    showAll.addEventListener("click", () => {
      for (const button of toggles) {
        if (!button.classList.contains("showing-locale")) button.click();
      }
    });
    picker.append(showAll);
  }

  // The library builds its picker when jQuery is ready, after this script has run.
  function found() {
    const picker = document.querySelector(".locale-picker");
    if (!picker || !picker.querySelector("button.locale-toggle")) return false;
    enhance(picker);
    return true;
  }
  if (!found()) {
    const observer = new MutationObserver(() => {
      if (found()) observer.disconnect();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
})();
