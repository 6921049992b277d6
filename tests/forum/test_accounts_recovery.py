"""A member who never confirmed their address gets back in: by signing in with the right
password (the link is sent again) or by a password reset (which confirms the address)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpRequest
from django.utils import timezone

from forum import limits
from forum.models import AllowedEmailDomain, Profile
from forum.selectors import verification_queue
from tests.factories import pending_member

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
UNCONFIRMED_SAYS = "Your e-mail address is not confirmed yet"
GENERIC_ERROR = "Please enter a correct username and password"


@pytest.fixture
def unconfirmed(db):
    """Registered, never confirmed: inactive, never signed in, pending."""
    return pending_member("lucia", email="lucia@fiscalia.example", is_active=False)


def sign_in(client, username="lucia", password=PASSWORD):
    return client.post("/en/accounts/login/", {"username": username, "password": password})


def send_again(client, capture_on_commit):
    """Ask for the link again; the request queues the e-mail once its transaction commits."""
    with capture_on_commit(execute=True):
        return client.post("/en/accounts/confirmation/again/")


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_the_right_password_of_an_unconfirmed_account_says_so_and_offers_the_link_again(
    client, unconfirmed
):
    response = sign_in(client)

    assert response.status_code == 200
    assert UNCONFIRMED_SAYS in response.text
    assert 'action="/en/accounts/confirmation/again/"' in response.text
    assert "_auth_user_id" not in client.session  # not signed in


def test_a_wrong_password_of_an_unconfirmed_account_gets_the_usual_error(client, unconfirmed):
    response = sign_in(client, password="not the password")

    assert GENERIC_ERROR in response.text
    assert UNCONFIRMED_SAYS not in response.text
    assert "confirmation/again" not in response.text


def test_an_account_turned_off_or_deleted_is_not_called_unconfirmed(client, unconfirmed):
    # Signed in once, then turned off by an administrator: not "never confirmed".
    get_user_model().objects.filter(pk=unconfirmed.pk).update(last_login=timezone.now())

    response = sign_in(client)

    assert GENERIC_ERROR in response.text
    assert UNCONFIRMED_SAYS not in response.text


def test_sending_the_link_again_mails_a_link_that_activates_the_account(
    client, unconfirmed, django_capture_on_commit_callbacks, run_tasks
):
    sign_in(client)

    response = send_again(client, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert mail.outbox == []  # the worker sends it, not the request
    assert run_tasks() == 1
    assert [message.to for message in mail.outbox] == [[unconfirmed.email]]
    client.get(link_in(mail.outbox[0]))
    unconfirmed.refresh_from_db()
    assert unconfirmed.is_active
    assert client.login(request=HttpRequest(), username="lucia", password=PASSWORD)


def test_the_link_is_sent_again_only_after_the_right_password(
    client, unconfirmed, django_capture_on_commit_callbacks, run_tasks
):
    sign_in(client, password="not the password")

    response = send_again(client, django_capture_on_commit_callbacks)
    run_tasks()

    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/login/")
    assert mail.outbox == []


def test_sending_the_link_again_is_limited_per_account(
    client, unconfirmed, settings, django_capture_on_commit_callbacks, run_tasks
):
    settings.RATELIMIT_ENABLE = True
    sign_in(client)
    for _ in range(limits.CONFIRMATION_RESENDS_PER_WINDOW):
        assert send_again(client, django_capture_on_commit_callbacks).status_code == 200

    refused = send_again(client, django_capture_on_commit_callbacks)
    run_tasks()

    assert refused.status_code == 429
    assert "Retry-After" in refused.headers
    assert len(mail.outbox) == limits.CONFIRMATION_RESENDS_PER_WINDOW


def test_a_paused_sign_in_does_not_check_the_password_of_an_unconfirmed_account(
    client, unconfirmed
):
    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT):
        sign_in(client, password="guess")

    response = sign_in(client)

    assert response.status_code == 429
    assert UNCONFIRMED_SAYS not in response.text


def test_password_reset_reaches_an_unconfirmed_account_and_confirms_it(client, unconfirmed):
    client.post("/en/accounts/password_reset/", {"email": "Lucia@Fiscalia.example"})

    assert [message.to for message in mail.outbox] == [[unconfirmed.email]]
    confirm_page = client.get(link_in(mail.outbox[0]), follow=True)
    response = client.post(
        confirm_page.redirect_chain[-1][0],
        {"new_password1": "another long passphrase", "new_password2": "another long passphrase"},
    )

    assert response.status_code == 302
    unconfirmed.refresh_from_db()
    assert unconfirmed.is_active
    assert list(verification_queue()) == [unconfirmed.profile]  # now waits for a moderator
    assert client.login(request=HttpRequest(), username="lucia", password="another long passphrase")


def test_a_reset_by_an_allow_listed_address_verifies_as_confirmation_does(client, unconfirmed):
    AllowedEmailDomain.objects.create(domain="fiscalia.example")
    client.post("/en/accounts/password_reset/", {"email": unconfirmed.email})
    confirm_page = client.get(link_in(mail.outbox[0]), follow=True)

    client.post(
        confirm_page.redirect_chain[-1][0],
        {"new_password1": "another long passphrase", "new_password2": "another long passphrase"},
    )

    assert Profile.objects.get(user=unconfirmed).is_verified


def test_password_reset_does_not_wake_an_account_turned_off(client, unconfirmed):
    get_user_model().objects.filter(pk=unconfirmed.pk).update(last_login=timezone.now())

    client.post("/en/accounts/password_reset/", {"email": unconfirmed.email})

    assert mail.outbox == []
