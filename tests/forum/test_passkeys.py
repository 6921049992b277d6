"""Passkeys as the second sign-in step beside the authenticator app (forum/services/passkeys.py):
added from a session that gave its code, used after the password instead of a code, and
refused when the answer is not to this session's challenge, not from this member's passkey,
from a cloned authenticator, or not an answer at all."""

from __future__ import annotations

import json

import pytest
from django_otp import DEVICE_ID_SESSION_KEY

from forum.models import Passkey
from forum.services import two_factor
from tests.forum.authenticator import SoftAuthenticator
from tests.forum.test_two_factor import (
    CODE,
    PAGE,
    enrol,
    fresh_code,
    password_step,
    sign_in,
    signed_in,
)

pytestmark = pytest.mark.django_db

OPTIONS = "/en/accounts/two-step/passkeys/options/"
ADD = "/en/accounts/two-step/passkeys/"
SIGN_IN_OPTIONS = "/en/accounts/login/passkey/options/"
SIGN_IN = "/en/accounts/login/passkey/"


def add_passkey(client, authenticator: SoftAuthenticator, name: str = "Phone"):
    options = client.post(OPTIONS)
    assert options.status_code == 200, options.content
    answer = authenticator.create(options.json())
    return client.post(f"{ADD}?name={name}", answer, content_type="application/json")


@pytest.fixture
def enrolled(client, member):
    """The member has two-step sign-in on and this client signed in with a code."""
    device, _codes = enrol(member)
    assert sign_in(client, member, fresh_code(device)).status_code == 302
    return member


def test_a_member_adds_a_passkey_and_signs_in_with_it_instead_of_a_code(client, enrolled):
    key = SoftAuthenticator()

    added = add_passkey(client, key, "Work laptop")

    assert added.status_code == 201
    passkey = Passkey.objects.get(user=enrolled)
    assert passkey.name == "Work laptop"
    assert "Work laptop" in client.get(PAGE).text
    client.logout()
    assert password_step(client, enrolled).status_code == 302
    assert "Sign in with a passkey" in client.get(CODE).text
    options = client.post(SIGN_IN_OPTIONS).json()
    assert [c["id"] for c in options["allowCredentials"]] == [key.id]

    answer = client.post(SIGN_IN, key.get(options), content_type="application/json")

    assert answer.status_code == 200
    assert answer.json()["next"].startswith("/")
    assert signed_in(client)
    assert client.session[DEVICE_ID_SESSION_KEY] == passkey.persistent_id
    passkey.refresh_from_db()
    assert passkey.sign_count == 1
    assert passkey.last_used_at is not None


def test_a_passkey_cannot_be_added_without_the_app_or_without_a_code_this_session(client, member):
    client.force_login(member)
    assert client.post(OPTIONS).status_code == 403  # signed in without a code
    enrol(member)
    assert client.post(OPTIONS).status_code == 403  # two-step on, but this session gave none
    assert not Passkey.objects.exists()


def test_an_answer_to_another_challenge_is_refused(client, enrolled):
    key = SoftAuthenticator()
    first = client.post(OPTIONS).json()
    client.post(OPTIONS)  # a newer challenge replaces the first

    refused = client.post(ADD, key.create(first), content_type="application/json")

    assert refused.status_code == 400
    assert "could not be added" in refused.json()["error"]
    assert not Passkey.objects.exists()


def test_an_answer_is_used_once(client, enrolled):
    key = SoftAuthenticator()
    add_passkey(client, key)
    client.logout()
    password_step(client, enrolled)
    options = client.post(SIGN_IN_OPTIONS).json()
    answer = key.get(options)
    assert client.post(SIGN_IN, answer, content_type="application/json").status_code == 200
    client.logout()
    password_step(client, enrolled)

    replayed = client.post(SIGN_IN, answer, content_type="application/json")

    assert replayed.status_code == 400
    assert not signed_in(client)


def test_a_cloned_authenticator_is_refused(client, enrolled):
    key = SoftAuthenticator()
    add_passkey(client, key)
    client.logout()
    for _ in range(2):  # the counter reaches 2
        password_step(client, enrolled)
        options = client.post(SIGN_IN_OPTIONS).json()
        signing = client.post(SIGN_IN, key.get(options), content_type="application/json")
        assert signing.status_code == 200
        client.logout()
    password_step(client, enrolled)
    options = client.post(SIGN_IN_OPTIONS).json()

    cloned = client.post(SIGN_IN, key.get(options, count=1), content_type="application/json")

    assert cloned.status_code == 400
    assert not signed_in(client)


def test_another_members_passkey_or_another_sites_answer_signs_no_one_in(
    client, enrolled, other_member
):
    mine, theirs = SoftAuthenticator(), SoftAuthenticator()
    add_passkey(client, mine)
    other = type(client)()
    device, _codes = enrol(other_member)
    sign_in(other, other_member, fresh_code(device))
    add_passkey(other, theirs)
    client.logout()
    password_step(client, enrolled)

    options = client.post(SIGN_IN_OPTIONS).json()
    wrong_key = client.post(SIGN_IN, theirs.get(options), content_type="application/json")
    options = client.post(SIGN_IN_OPTIONS).json()
    phished = client.post(
        SIGN_IN, mine.get(options, "https://evil.example"), content_type="application/json"
    )
    options = client.post(SIGN_IN_OPTIONS).json()
    other_site = client.post(
        SIGN_IN, mine.get(options, rp_id="evil.example"), content_type="application/json"
    )

    # Each is a failure of this sign-in; the third ends it (the password is asked again).
    assert [wrong_key.status_code, phished.status_code, other_site.status_code] == [400, 400, 403]
    assert not signed_in(client)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        b'{"id": 5}',
        b'{"id": "x", "response": {}}',
        b"\xff\xfe",
        b"{" * 20000,
    ],
)
def test_garbage_answers_are_refused_not_crashed_on(client, enrolled, body):
    key = SoftAuthenticator()
    add_passkey(client, key)
    client.logout()
    password_step(client, enrolled)
    client.post(SIGN_IN_OPTIONS)

    answer = client.post(SIGN_IN, body, content_type="application/json")

    assert answer.status_code == 400
    assert "error" in answer.json()
    assert not signed_in(client)


def test_three_failed_passkeys_end_the_sign_in(client, enrolled):
    key = SoftAuthenticator()
    add_passkey(client, key)
    client.logout()
    password_step(client, enrolled)
    for _ in range(3):
        client.post(SIGN_IN_OPTIONS)
        answer = client.post(SIGN_IN, b"{}", content_type="application/json")

    assert answer.status_code == 403
    assert client.post(SIGN_IN_OPTIONS).status_code == 403  # the password again, first


def test_without_a_pending_sign_in_nothing_is_offered(client, enrolled):
    client.logout()

    assert client.post(SIGN_IN_OPTIONS).status_code == 403
    assert client.post(SIGN_IN, b"{}", content_type="application/json").status_code == 403


def test_removing_a_passkey_and_turning_two_step_off_remove_it(client, enrolled, other_member):
    key, spare = SoftAuthenticator(), SoftAuthenticator()
    add_passkey(client, key, "Phone")
    add_passkey(client, spare, "Key")
    phone = Passkey.objects.get(name="Phone")
    other = type(client)()
    other.force_login(other_member)
    other.post(f"/en/accounts/two-step/passkeys/{phone.pk}/remove/")
    assert Passkey.objects.count() == 2  # not theirs to remove

    client.post(f"/en/accounts/two-step/passkeys/{phone.pk}/remove/")

    assert list(Passkey.objects.values_list("name", flat=True)) == ["Key"]
    two_factor.remove_devices(user=enrolled)
    assert not Passkey.objects.exists()


def test_a_passkey_takes_no_typed_code(enrolled):
    key = Passkey.objects.create(user=enrolled, name="x", credential_id="abc", public_key=b"")

    assert key.verify_token("123456") is False  # a typed code never matches a passkey


def test_the_data_export_names_the_passkeys_but_never_their_credentials(client, enrolled):
    from forum.services.privacy import export_member_data

    add_passkey(client, SoftAuthenticator(), "Phone")

    exported = json.dumps(export_member_data(member=enrolled), default=str)

    assert '"name": "Phone"' in exported
    assert Passkey.objects.get().credential_id not in exported
