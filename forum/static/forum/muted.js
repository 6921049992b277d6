// Posts by members the reader muted (their profile page's "Muted members") fold away: the
// header stays, with a button that shows the post. The server names them in <body
// data-muted="…">; posts carry data-author. Without this script posts show as they are.
const muted = new Set((document.body.dataset.muted || "").split(" ").filter(Boolean));

function fold(post) {
  if (!muted.has(post.dataset.author) || post.classList.contains("muted-author")) return;
  post.classList.add("muted-author");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link-button muted-toggle";
  button.textContent = document.body.dataset.mutedShow;
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", () => {
    const shown = post.classList.toggle("muted-shown");
    button.setAttribute("aria-expanded", String(shown));
  });
  post.querySelector("header")?.append(button);
}

if (muted.size) {
  for (const post of document.querySelectorAll("article.post[data-author]")) fold(post);
}
