"""Two-step sign-in: setting it up, signing in with a code, backup codes, turning it off, the
admins, the pending step's limits, and the member's data. Codes are real: computed from the
device's key as an authenticator app would (django_otp.oath), never mocked."""

import json
import re
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from forum import limits
from forum.services import two_factor
from forum.services.privacy import delete_account, export_member_data
from forum.signin import NO_DEVICE, PENDING
from tests.config.test_headers import EVENT_HANDLER, INLINE_SCRIPT, STYLE_ATTRIBUTE, policy

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # tests.factories.UserFactory's
LOGIN = "/en/accounts/login/"
CODE = "/en/accounts/login/code/"
PAGE = "/en/accounts/two-step/"
SETUP = "/en/accounts/two-step/set-up/"
BACKUP = "/en/accounts/two-step/backup-codes/"
TURN_OFF = "/en/accounts/two-step/turn-off/"
PROFILE = "/en/accounts/profile/"
WRONG = "Enter the code your app shows now, or an unused backup code."
NOT_A_CODE = "Enter the 6-digit code your authenticator app shows"


# --- Codes, as an authenticator app computes them --------------------------------------------


def current_step(device: TOTPDevice) -> int:
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()


def code_at(device: TOTPDevice, step: int) -> str:
    return f"{hotp(device.bin_key, step, device.digits):0{device.digits}d}"


def fresh_code(device: TOTPDevice) -> str:
    """A code the device has not taken yet: now, or the step after the last one it accepted."""
    device.refresh_from_db()
    return code_at(device, max(current_step(device), device.last_t + 1))


def wrong_code(device: TOTPDevice) -> str:
    """Six digits that no step near now gives."""
    device.refresh_from_db()
    now = current_step(device)
    near = {code_at(device, step) for step in range(now - 3, now + 4)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in near)


@pytest.fixture
def no_slowdown(settings):
    # django-otp waits 1, 2, 4 ... seconds after each wrong code; tests that give a right code
    # right after a wrong one turn the wait off (one test shows it on).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    """An authenticator already confirmed, and its backup codes (the set-up is tested below)."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device, two_factor.regenerate_backup_codes(user=user)


def password_step(client, user, next_url=None):
    data = {"username": user.get_username(), "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    return client.post(LOGIN, data)


def sign_in(client, user, code, next_url=None):
    response = password_step(client, user, next_url)
    assert response.status_code == 302
    assert response["Location"] == CODE
    return client.post(CODE, {"code": code})


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


# --- Who is offered it ------------------------------------------------------------------------


def test_verified_members_and_roles_are_offered_it_and_pending_members_are_not(
    client, member, moderator, staff, pending
):
    for user in (member, moderator, staff):
        client.force_login(user)
        assert f'href="{PAGE}"' in client.get(PROFILE).text
        assert client.get(PAGE).status_code == 200

    client.force_login(pending)
    assert f'href="{PAGE}"' not in client.get(PROFILE).text
    page = client.get(PAGE)
    refused = client.post(SETUP, {"start": "1"})

    assert page.status_code == 403
    assert "once a moderator has verified your membership" in page.text
    assert refused.status_code == 403
    assert not TOTPDevice.objects.filter(user=pending).exists()


def test_a_visitor_is_sent_to_sign_in_for_the_page(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# --- Setting it up ----------------------------------------------------------------------------


def test_setting_up_needs_a_right_code_and_then_shows_ten_backup_codes(
    client, moderator, no_slowdown
):
    client.force_login(moderator)
    assert "Set up two-step sign-in" in client.get(PAGE).text

    assert client.post(SETUP, {"start": "1"}).headers["Location"] == SETUP
    device = TOTPDevice.objects.get(user=moderator)
    page = client.get(SETUP)
    wrong = client.post(SETUP, {"code": wrong_code(device)})

    assert not device.confirmed
    assert two_factor.secret_key(device) in page.text
    assert "<svg" in page.text
    assert 'role="img"' in page.text
    assert wrong.status_code == 200
    assert WRONG in wrong.text
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticDevice.objects.filter(user=moderator).exists()

    done = client.post(SETUP, {"code": fresh_code(device)})

    assert done.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = list(StaticToken.objects.filter(device__user=moderator).values_list("token", flat=True))
    assert len(codes) == limits.TWO_FACTOR_BACKUP_CODES == 10
    assert all(f"<code>{code}</code>" in done.text for code in codes)
    assert done["Cache-Control"].startswith("max-age=0")  # never_cache: shown once
    # This session has just given a code: it stays signed in, verified.
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/en/forum/").status_code == 200
    assert "Two-step sign-in:" in client.get(PAGE).text
    assert "10 backup codes left" in client.get(PAGE).text


def test_the_set_up_page_draws_the_qr_code_under_the_strict_policy(client, member):
    client.force_login(member)
    client.post(SETUP, {"start": "1"})

    response = client.get(SETUP)

    directives = policy(response)
    assert directives["img-src"] == ["'self'"]  # inline SVG: no data: URL, no image request
    assert directives["script-src"] == ["'self'"]
    html = response.text
    assert not INLINE_SCRIPT.search(html)
    assert not EVENT_HANDLER.search(html)
    assert not STYLE_ATTRIBUTE.search(html)
    assert "data:" not in html
    device = TOTPDevice.objects.get(user=member)
    assert "otpauth://" not in html  # the key is drawn, and written once, grouped
    assert device.key not in html


def test_starting_again_replaces_an_unfinished_set_up(client, member):
    client.force_login(member)
    client.post(SETUP, {"start": "1"})
    first = TOTPDevice.objects.get(user=member)

    client.post(SETUP, {"start": "1"})

    assert list(TOTPDevice.objects.filter(user=member)) != [first]
    assert TOTPDevice.objects.filter(user=member).count() == 1


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "abcdef",
        "12345",
        "1234567",
        "9" * 5000,
        "²³⁴⁵⁶⁷",
        "12\x0034",
        "\uff11\uff12\uff13 \uff14\uff15x",
    ],
)
def test_setting_up_with_something_that_is_not_a_code_says_so(client, member, typed):
    client.force_login(member)
    client.post(SETUP, {"start": "1"})

    response = client.post(SETUP, {"code": typed})

    assert response.status_code == 200
    assert NOT_A_CODE in response.text
    assert not TOTPDevice.objects.get(user=member).confirmed


# --- Signing in -------------------------------------------------------------------------------


def test_the_password_alone_does_not_sign_in_a_member_with_an_authenticator(client, member):
    device, _codes = enrol(member)

    response = password_step(client, member, next_url="/en/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"] == CODE
    assert not signed_in(client)
    protected = client.get(PROFILE)
    assert protected.status_code == 302
    assert protected["Location"].startswith(LOGIN)
    assert "Enter your code" in client.get(CODE).text

    response = client.post(CODE, {"code": fresh_code(device)})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    assert signed_in(client)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(PROFILE).status_code == 200


def test_members_without_an_authenticator_sign_in_with_the_password_as_before(client, member):
    response = password_step(client, member, next_url="/en/forum/")

    assert response["Location"] == "/en/forum/"
    assert signed_in(client)
    assert client.get(PROFILE).status_code == 200


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil"]
)
def test_a_next_address_on_another_site_is_ignored(client, member, next_url):
    device, _codes = enrol(member)

    response = sign_in(client, member, fresh_code(device), next_url=next_url)

    assert response.status_code == 302
    assert response["Location"] == "/en/forum/"
    assert signed_in(client)


def test_signing_in_follows_the_preferred_language(client, member):
    member.profile.preferred_language = "es"
    member.profile.save()
    device, _codes = enrol(member)

    response = sign_in(client, member, fresh_code(device), next_url="/en/forum/")

    assert response["Location"] == "/es/forum/"


def test_a_code_is_refused_the_second_time(client, member):
    device, _codes = enrol(member)
    code = fresh_code(device)
    sign_in(client, member, code)
    client.post("/en/accounts/logout/")

    response = sign_in(client, member, code)

    assert response.status_code == 200
    assert WRONG in response.text
    assert not signed_in(client)


def test_a_backup_code_signs_in_once(client, member, no_slowdown):
    _device, codes = enrol(member)

    first = sign_in(client, member, codes[0].upper())  # typed in capitals: still the code
    client.post("/en/accounts/logout/")
    again = sign_in(client, member, codes[0])

    assert first.status_code == 302
    assert again.status_code == 200
    assert WRONG in again.text
    assert not signed_in(client)
    assert StaticToken.objects.filter(device__user=member).count() == len(codes) - 1


def test_digits_of_another_script_are_read_as_the_digits_they_are(client, member):
    device, _codes = enrol(member)
    arabic = fresh_code(device).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    response = sign_in(client, member, f" {arabic[:3]} {arabic[3:]} ")

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "abc",
        "12345",
        "x" * 10_000,
        "²³⁴⁵⁶⁷",
        "\uff11\uff12\uff13\uff14\uff15",
        "code\x00",
        "abcd-efgh-ij",
    ],
)
def test_something_that_is_not_a_code_gets_a_clear_error_and_does_not_count(client, member, typed):
    enrol(member)
    password_step(client, member)

    response = client.post(CODE, {"code": typed})

    assert response.status_code == 200
    assert NOT_A_CODE in response.text
    assert client.session[PENDING]["failures"] == 0
    assert not AccessAttempt.objects.filter(username="member").exists()


def test_right_after_a_wrong_code_the_device_asks_to_wait(client, member, settings):
    # django-otp's wait after one wrong code is this factor (1 second in production): a minute
    # here, so a slow test machine still gives the right code inside the wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device, _codes = enrol(member)
    password_step(client, member)
    client.post(CODE, {"code": wrong_code(device)})

    response = client.post(CODE, {"code": fresh_code(device)})

    assert response.status_code == 200
    assert re.search(r"codes are refused for a moment: wait (59|60) seconds", response.text)
    assert not signed_in(client)
    assert client.session[PENDING]["failures"] == 1  # the refused right code is no failure


def test_wrong_codes_send_back_to_the_password_and_count_as_failed_sign_ins(
    client, member, no_slowdown
):
    device, _codes = enrol(member)
    password_step(client, member, next_url="/en/forum/")
    for _ in range(limits.TWO_FACTOR_FAILURES_PER_SIGN_IN - 1):
        response = client.post(CODE, {"code": wrong_code(device)})
        assert response.status_code == 200
        assert WRONG in response.text

    response = client.post(CODE, {"code": wrong_code(device)})

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/en/forum/"
    assert PENDING not in client.session
    assert client.get(CODE)["Location"] == LOGIN  # the right code now needs the password first
    attempt = AccessAttempt.objects.get(username="member")
    assert attempt.failures_since_start == limits.TWO_FACTOR_FAILURES_PER_SIGN_IN
    assert wrong_code(device) not in attempt.post_data  # axes masks the code

    # With the wrong passwords (django-axes), they pause signing in from this address.
    password_step(client, member)
    remaining = limits.LOGIN_FAILURES_BEFORE_LOCKOUT - limits.TWO_FACTOR_FAILURES_PER_SIGN_IN
    for _ in range(remaining):
        response = client.post(CODE, {"code": wrong_code(device)})

    assert response.status_code == 429
    assert "Signing in is paused" in response.text
    assert password_step(client, member).status_code == 429
    assert not signed_in(client)


def test_codes_for_one_account_are_limited_across_addresses(member, no_slowdown):
    device, _codes = enrol(member)
    per_browser = limits.TWO_FACTOR_FAILURES_PER_SIGN_IN - 1
    browsers = -(-limits.TWO_FACTOR_CODES_PER_WINDOW // per_browser)  # rounded up
    for n in range(browsers):
        browser = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        password_step(browser, member)
        for _ in range(per_browser):
            browser.post(CODE, {"code": wrong_code(device)})

    browser = Client(REMOTE_ADDR="10.0.1.1")
    password_step(browser, member)
    response = browser.post(CODE, {"code": fresh_code(device)})

    assert response.status_code == 429
    assert "Many codes were tried for this account" in response.text
    assert "Retry-After" in response
    assert not signed_in(browser)


def test_the_code_step_expires(client, member):
    device, _codes = enrol(member)
    password_step(client, member)
    session = client.session
    session[PENDING] = session[PENDING] | {
        "started": int(time.time()) - limits.TWO_FACTOR_PENDING_SECONDS - 1
    }
    session.save()

    response = client.post(CODE, {"code": fresh_code(device)})

    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert not signed_in(client)
    assert PENDING not in client.session


def test_the_code_step_without_the_password_step_sends_to_sign_in(client, member):
    device, _codes = enrol(member)

    response = client.post(CODE, {"code": fresh_code(device)})

    assert response["Location"] == LOGIN
    assert not signed_in(client)


def test_a_password_changed_meanwhile_voids_the_code_step(client, member):
    device, _codes = enrol(member)
    password_step(client, member)
    member.set_password("a new and different passphrase")
    member.save()

    response = client.post(CODE, {"code": fresh_code(device)})

    assert response["Location"] == LOGIN
    assert not signed_in(client)


# --- A session signed in some other way -------------------------------------------------------


@pytest.mark.parametrize("admin_url", ["/admin/", "/django-admin/"])
def test_the_admins_refuse_a_session_of_a_device_owner_that_gave_no_code(client, staff, admin_url):
    device, _codes = enrol(staff)
    client.force_login(staff)  # signed in without a code

    response = client.get(admin_url)

    assert response.status_code == 302
    assert response["Location"] == CODE
    assert not signed_in(client)

    response = client.post(CODE, {"code": fresh_code(device)})

    assert response["Location"] == admin_url
    assert client.get(admin_url).status_code == 200


@pytest.mark.parametrize("login_url", ["/admin/login/", "/django-admin/login/"])
def test_the_admins_own_sign_in_forms_ask_for_the_code_too(client, staff, login_url):
    device, _codes = enrol(staff)
    admin_url = login_url.removesuffix("login/")

    response = client.post(
        login_url, {"username": "staff", "password": PASSWORD, "next": admin_url}
    )

    assert response.status_code == 302
    assert response["Location"] == CODE
    assert not signed_in(client)
    assert client.get(admin_url).status_code == 302
    assert client.post(CODE, {"code": fresh_code(device)})["Location"] == admin_url
    assert client.get(admin_url).status_code == 200


def test_a_session_opened_before_the_authenticator_was_added_is_asked_for_a_code(client, member):
    earlier = Client()
    earlier.force_login(member)
    assert earlier.get(PROFILE).status_code == 200
    enrol(member)
    assert earlier.get(PROFILE).status_code == 200  # looked at a moment ago: not yet

    session = earlier.session
    session[NO_DEVICE] = [member.pk, int(time.time()) - limits.TWO_FACTOR_RECHECK_SECONDS - 1]
    session.save()
    response = earlier.get(PROFILE)

    assert response["Location"] == CODE
    assert not signed_in(earlier)


def test_require_two_factor_for_staff_sends_roles_without_it_to_its_page(
    client, settings, moderator, staff, member
):
    settings.REQUIRE_TWO_FACTOR_FOR_STAFF = True
    client.force_login(moderator)

    response = client.get("/en/moderation/")

    assert response.status_code == 302
    assert response["Location"] == PAGE
    assert "Turn on two-step sign-in first" in client.get(PAGE).text
    client.force_login(staff)
    assert client.get("/admin/")["Location"] == PAGE
    assert client.get("/django-admin/")["Location"] == PAGE
    client.force_login(member)
    assert client.get("/en/forum/").status_code == 200

    settings.REQUIRE_TWO_FACTOR_FOR_STAFF = False
    client.force_login(moderator)
    assert client.get("/en/moderation/").status_code == 200


def test_with_the_requirement_a_verified_moderator_reaches_the_tools(client, settings, moderator):
    settings.REQUIRE_TWO_FACTOR_FOR_STAFF = True
    device, _codes = enrol(moderator)

    sign_in(client, moderator, fresh_code(device))

    assert client.get("/en/moderation/").status_code == 200


# --- Backup codes and turning it off ----------------------------------------------------------


def test_new_backup_codes_replace_the_old_ones(client, member, no_slowdown):
    device, old = enrol(member)
    sign_in(client, member, fresh_code(device))

    response = client.post(BACKUP)

    assert response.status_code == 200
    new = list(StaticToken.objects.filter(device__user=member).values_list("token", flat=True))
    assert len(new) == 10
    assert not set(new) & set(old)
    assert all(f"<code>{code}</code>" in response.text for code in new)
    assert not two_factor.verify_code(user=member, code=old[0]).ok
    assert two_factor.verify_code(user=member, code=new[0]).ok
    assert "9 backup codes left" in client.get(PAGE).text  # shown once: the page only counts


def test_turning_it_off_needs_the_password_and_a_code(client, member, no_slowdown):
    device, _codes = enrol(member)
    sign_in(client, member, fresh_code(device))

    wrong_password = client.post(TURN_OFF, {"password": "not it", "code": fresh_code(device)})
    wrong_code_ = client.post(TURN_OFF, {"password": PASSWORD, "code": wrong_code(device)})
    no_code = client.post(TURN_OFF, {"password": PASSWORD, "code": ""})

    assert "This is not your password." in wrong_password.text
    assert WRONG in wrong_code_.text
    assert NOT_A_CODE in no_code.text
    assert TOTPDevice.objects.filter(user=member, confirmed=True).exists()

    response = client.post(TURN_OFF, {"password": PASSWORD, "code": fresh_code(device)})

    assert response["Location"] == PAGE
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticDevice.objects.filter(user=member).exists()
    assert client.get(PROFILE).status_code == 200  # still signed in, now without a code
    client.post("/en/accounts/logout/")
    assert password_step(client, member)["Location"] == "/en/forum/"
    assert signed_in(client)


def test_guessing_the_password_to_turn_it_off_stops_after_five_tries(client, member, no_slowdown):
    device, _codes = enrol(member)
    sign_in(client, member, fresh_code(device))
    for _ in range(limits.PASSWORD_CHECKS_PER_WINDOW):
        client.post(TURN_OFF, {"password": "a guess", "code": fresh_code(device)})

    refused = client.post(TURN_OFF, {"password": PASSWORD, "code": fresh_code(device)})

    assert refused.status_code == 429
    assert "Your password was asked for many times" in refused.text
    assert TOTPDevice.objects.filter(user=member, confirmed=True).exists()


# --- The member's data ------------------------------------------------------------------------


def test_the_export_says_whether_it_is_on_and_never_holds_the_key_or_codes(member):
    assert export_member_data(member=member)["two_step_sign_in"]["on"] is False
    device, codes = enrol(member)

    data = export_member_data(member=member)

    assert data["two_step_sign_in"]["on"] is True
    assert data["two_step_sign_in"]["backup_codes_left"] == 10
    text = json.dumps(data)
    assert device.key not in text
    assert two_factor.secret_key(device).replace(" ", "") not in text.replace(" ", "")
    assert not [code for code in codes if code in text]


def test_deleting_the_account_removes_the_authenticator_and_the_backup_codes(member):
    enrol(member)
    client_device = TOTPDevice.objects.create(user=member, name="unfinished", confirmed=False)

    delete_account(member=member)

    assert not TOTPDevice.objects.filter(pk=client_device.pk).exists()
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticDevice.objects.filter(user=member).exists()
    assert not StaticToken.objects.filter(device__user=member).exists()


def test_the_django_admin_lists_devices_without_their_keys_or_codes(client, staff, member):
    device, codes = enrol(member)
    own, _own_codes = enrol(staff)
    sign_in(client, staff, fresh_code(own))

    totp = client.get(f"/django-admin/otp_totp/totpdevice/{device.pk}/change/")
    static = StaticDevice.objects.get(user=member)
    backup = client.get(f"/django-admin/otp_static/staticdevice/{static.pk}/change/")

    assert totp.status_code == backup.status_code == 200
    assert device.key not in totp.text
    assert not [code for code in codes if code in backup.text]
    assert client.get(f"/django-admin/otp_totp/totpdevice/{device.pk}/qrcode/").status_code == 403
