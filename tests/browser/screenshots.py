"""Screenshots of the main pages, for the README and docs/screenshots/ (`make screenshots`).

Not a test: it serves a freshly seeded site the way the browser tests do (a temporary SQLite
database, Daphne on loopback, Debian's Chromium) and saves each page at a desktop size and a
phone size, as `<page>-desktop.png` and `<page>-phone.png`.

    .venv/bin/python tests/browser/screenshots.py
"""

from __future__ import annotations

import signal
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, the project root is not on the path: tests.* would not import.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import Page, expect, sync_playwright

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    SCREENSHOTS,
    TIMEOUT_MS,
    sign_in,
)
from tests.live import DaphneServer, manage, project_env

# Seeding takes most of the time; a hung page or server must not hold `make` for ever.
TIME_LIMIT_S = 600
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
BOARD = "/en/b/juvenile-justice/general/"


def first_thread(page: Page) -> str:
    page.goto(BOARD)
    return page.locator("table.threads tbody a[href*='/t/']").first.get_attribute("href")


def shoot(page: Page, name: str, path: str, size: str) -> Path:
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    # Web fonts and images finish after "load" on slow machines; the picture waits for them.
    page.evaluate("async () => await document.fonts.ready")
    target = SCREENSHOTS / f"{name}-{size}.png"
    page.screenshot(path=str(target), animations="disabled", caret="hide")
    return target


def take_screenshots(site_url: str) -> list[Path]:
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for size, options in VIEWPORTS.items():
                context = browser.new_context(base_url=site_url, locale="en-US", **options)
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                # Signed in as a member: the thread shows its reply box, the header the account.
                sign_in(page, "member")
                pages = {
                    "home": "/en/",
                    "forum": "/en/forum/",
                    "board": BOARD,
                    "thread": first_thread(page),
                    "search": "/en/search/?q=diversion",
                    "program": "/en/programs/juvenile-justice/",
                    "home-ar": "/ar/",
                }
                for name, path in pages.items():
                    saved.append(shoot(page, name, path, size))
                context.close()
        finally:
            browser.close()
    return saved


def _out_of_time(signum, frame):
    raise TimeoutError(f"screenshots took longer than {TIME_LIMIT_S} s")


def main() -> None:
    signal.signal(signal.SIGALRM, _out_of_time)
    signal.alarm(TIME_LIMIT_S)
    started = time.monotonic()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
        env = project_env(
            DATABASE_URL=f"sqlite:///{Path(folder) / 'site.sqlite3'}",
            EMAIL_URL=f"filemail://{Path(folder) / 'mail'}",
            # The site of its own: no shared Redis cache or search index shows other data.
            REDIS_URL="",
            ELASTICSEARCH_URL="",
        )
        manage("migrate", "--noinput", env=env)
        manage("seed_demo", env=env)
        manage("run_worker", "--batch", "--no-schedule", env=env)  # the demo's search index
        server = DaphneServer(env).start()
        try:
            saved = take_screenshots(server.url)
        finally:
            server.stop()
    for path in saved:
        sys.stdout.write(f"{path.relative_to(SCREENSHOTS.parents[1])}\n")
    sys.stdout.write(f"{len(saved)} screenshots in {time.monotonic() - started:.0f} s\n")


if __name__ == "__main__":
    main()
