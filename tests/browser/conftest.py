"""Browser tests: Debian's Chromium, driven by Playwright, against the site as Daphne serves it.

One site for the browser tests (a migrated, seeded database; Daphne on a free loopback port; its
e-mail written to files the tests read), one Chromium, and a fresh browser context (cookies,
storage) per test. Every browser test joins the xdist group "browser", so one worker runs them
all against one site while the other worker runs the rest of the suite (Makefile: `--dist
loadgroup`). Tests give the accounts and threads they create unique names, so they do not
depend on each other's order.

Chromium comes from Debian (`make test` installs it); Playwright's own browser download does
not work on these machines. axe-core comes from the npm registry (tests/browser/package.json).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import subprocess
import sys
import time
from email import message_from_string
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests.live import ROOT, DaphneServer, Service, postgres_site, project_env, sqlite_site

CHROMIUM = "/usr/bin/chromium"
# As the machines require: no sandbox (root), and no background connections to Google's hosts,
# which this closed network refuses.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 15_000
BOARD = "/en/b/juvenile-justice/general/"  # a public board of the demo site

# The demo accounts seed_demo creates (cms/demo_content/forum.py).
PASSWORDS = {
    "member": "member-demo-pass",
    "moderator": "moderator-demo-pass",
    "areamod": "areamod-demo-pass",
    "editor": "editor-demo-pass",
    "reviewer": "reviewer-demo-pass",
    "admin": "admin-demo-pass",
}

_names = itertools.count(1)


def unique(prefix: str) -> str:
    """A name no other test of this session uses."""
    return f"{prefix}{os.getpid()}x{next(_names)}"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.xdist_group("browser"))


def _database(folder: Path) -> str:
    """The site's database, migrated and seeded: on PostgreSQL when the suite runs on it (a
    database of its own, copied afresh), else an SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return sqlite_site(folder, seeded=True)
    return postgres_site(url, f"forum_browser_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}")


# Package scope, not session: Playwright's sync API keeps an event loop running in this thread
# while the browser is open, and the async tests that run on this worker after the browser
# tests need the thread's loop free. xdist's loadgroup runs the group's tests one after the
# other, so the site and the browser are set up once and closed after the last of them.
@pytest.fixture(scope="package")
def site(tmp_path_factory):
    """The seeded site on Daphne; ``site.mail`` is the folder its e-mails are written to."""
    folder = tmp_path_factory.mktemp("browser-site")
    variables = {
        "DATABASE_URL": _database(folder),
        "EMAIL_URL": f"filemail://{folder / 'mail'}",
        # The journeys post often as the same demo member; the limits have their own tests.
        "RATE_LIMITS": "off",
    }
    if os.environ.get("REDIS_URL"):
        # A Redis database of its own: no other test's site shares its streams and groups.
        variables["REDIS_URL"] = "redis://127.0.0.1:6379/5"
        subprocess.run(["redis-cli", "-n", "5", "flushdb"], check=True, capture_output=True)
    env = project_env(**variables)
    # The worker beside Daphne, as make run and production have it: confirmation e-mails and
    # the search index come from it (forum/worker/). At the servers' priority: here the browser
    # and the suite's other process take the CPU a visitor's machine would, not pages.
    args = [sys.executable, "manage.py", "run_worker", "--niceness", "0"]
    worker = Service("worker", args, env).start()
    server = DaphneServer(env).start()
    server.mail = folder / "mail"
    yield server
    server.stop()
    worker.terminate()
    worker.stop()


@pytest.fixture(scope="package")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci in tests/browser)")
    # Playwright's sync API keeps an event loop running in this thread; Django's guard
    # against ORM calls from async code would then trip in the tests that follow on this
    # worker. Browser tests do not touch the ORM (the site is another process).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield chromium
    chromium.close()
    playwright.stop()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_context(browser, site):
    """Make a fresh browser (cookies, storage); all are closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        options.setdefault("base_url", site.url)
        options.setdefault("locale", "en-US")
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        # A page may be mid-navigation (a moderator's page reloads when a post is hidden): CI
        # saw context.close() wait forever on one. Each page is first sent to a blank page,
        # bounded, so the context closes with nothing in flight.
        for open_page in context.pages:
            with contextlib.suppress(PlaywrightError):
                open_page.goto("about:blank", timeout=5_000)
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


def sign_in(page: Page, username: str, password: str | None = None, language: str = "en"):
    """Sign in through the login form, as a person does."""
    page.goto(f"/{language}/accounts/login/")
    page.get_by_label(re.compile("Username|Email", re.I)).first.fill(username)
    page.get_by_label(re.compile("Password", re.I)).first.fill(password or PASSWORDS[username])
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    # Attached, not visible: on a phone the sign-out button sits in the folded header menu.
    expect(page.locator("form[action*='logout'] button, a[href*='logout']").first).to_be_attached()


def start_thread(page: Page, title: str, body: str) -> str:
    """Start a thread from the board page; returns the thread's address."""
    page.goto(BOARD)
    page.get_by_role("link", name="New thread").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Message").fill(body)
    page.get_by_role("button", name="Start thread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    # The heading shows while the page is still parsing: wait for its scripts to have run, so
    # what a test types next is heard by them.
    page.wait_for_load_state("load")
    return re.sub(r"[?#].*$", "", page.url)


def wait_until(page: Page, condition, timeout_ms: int = 15_000) -> None:
    for _ in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("timed out")


def reply(page: Page, body: str) -> None:
    """Post a reply from the reply box at the foot of the thread page."""
    box = page.locator("#reply")
    box.get_by_label("Message").fill(body)
    # Wait for the page the server answers with, not only for the post: the live stream can
    # show the new post on the page being left before the answer has come (and with it the
    # drafts module dropping the draft that was sent).
    with page.expect_navigation():
        box.get_by_role("button", name="Post reply").click()
    expect(page.locator("#posts article", has_text=body)).to_have_count(1)


def last_mail(site, to: str, timeout: float = 10) -> str:
    """The body of the newest e-mail the site wrote to this address."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(site.mail.glob("*.log"), key=lambda path: path.stat().st_mtime)
        for path in reversed(files):
            text = path.read_text()
            for chunk in reversed(text.split("-" * 79)):
                message = message_from_string(chunk.strip())
                if to in (message.get("To") or ""):
                    if message.is_multipart():  # a text part and an HTML part: the text
                        message = next(
                            part
                            for part in message.walk()
                            if part.get_content_type() == "text/plain"
                        )
                    if message.get("Content-Transfer-Encoding", "").lower() == "8bit":
                        return str(message.get_payload())  # read as text: already decoded
                    body = message.get_payload(decode=True)
                    if not isinstance(body, bytes):
                        return str(message.get_payload())
                    return body.decode(message.get_content_charset() or "utf-8")
        time.sleep(0.2)
    raise AssertionError(f"no e-mail to {to} within {timeout} s")


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """axe-core's violations of these impacts on the page as it is now."""
    # Evaluated, not added as a <script>: the site's Content Security Policy refuses inline
    # scripts, and Playwright's evaluation is not bound by it. ";0": nothing to serialize back.
    page.evaluate(AXE.read_text() + "\n;0")
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]
