"""Issue 24: a passkey as the second sign-in step, in Chromium with its virtual authenticator
(the DevTools WebAuthn domain: the same browser code a phone or a security key talks to).

A fresh verified member turns on two-step sign-in with an authenticator app (the code computed
from the key the page shows, as an app does), adds a passkey, signs out, and signs in with the
password and the passkey, no code typed. WebAuthn refuses an IP address as the site's name, so
this browser reaches the site as "localhost"."""

from __future__ import annotations

import re
from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.conftest import TIMEOUT_MS, unique
from tests.live import manage

PASSWORD = "passkey-journey-pass"

MAKE_MEMBER = """
from django.contrib.auth import get_user_model
from forum.models import Profile
user = get_user_model().objects.create_user({name!r}, {name!r} + "@example.org", {password!r})
Profile.objects.update_or_create(user=user, defaults={{"verification": "verified"}})
"""


def app_code(key: str) -> str:
    """What an authenticator app shows now for the key the set-up page shows."""
    secret = key.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return f"{TOTP(b32decode(secret)).token():06d}"


def sign_in_with_password(page, name: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label(re.compile("Username|Email", re.I)).first.fill(name)
    page.get_by_label(re.compile("Password", re.I)).first.fill(PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()


def test_a_member_adds_a_passkey_and_signs_in_with_it(site, new_context):
    name = unique("passkeyholder")
    manage("shell", "-c", MAKE_MEMBER.format(name=name, password=PASSWORD), env=site.env)
    context = new_context(base_url=site.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    sign_in_with_password(page, name)
    page.goto("/en/accounts/two-step/")
    page.get_by_role("button", name="Set up two-step sign-in").click()
    key = page.locator(".secret-key").inner_text()
    page.get_by_role("textbox", name=re.compile("code", re.I)).fill(app_code(key))
    page.get_by_role("button", name=re.compile("Turn on|Confirm|Check", re.I)).first.click()
    expect(page.get_by_text("Two-step sign-in is on.", exact=True)).to_be_visible()

    page.goto("/en/accounts/two-step/")
    page.get_by_label("Name it (for example, the device)").fill("Laptop")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_text("The passkey “Laptop” was added.")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.locator(".passkeys")).to_contain_text("Laptop")
    page.get_by_role("button", name="Sign out").first.click()

    sign_in_with_password(page, name)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    page.get_by_role("button", name="Sign in with a passkey").click()

    expect(page.get_by_role("link", name=f"Signed in as {name}")).to_be_attached(timeout=TIMEOUT_MS)
    page.goto("/en/accounts/two-step/")
    expect(page.locator(".passkeys")).to_contain_text("last used")
