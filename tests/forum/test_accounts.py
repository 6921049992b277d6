import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpRequest

from forum.models import AllowedEmailDomain, Profile
from forum.services.members import confirmation_token

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "username": "lucia",
    "email": "lucia@fiscalia.example",
    "password1": "a long and unusual passphrase",
    "password2": "a long and unusual passphrase",
    "display_name": "Lucía Pérez",
    "country": "Spain",
    "jurisdiction": "Madrid",
    "organization": "Fiscalía Provincial",
    "role_title": "Fiscal",
}


def register(client, django_capture_on_commit_callbacks, language="es", **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/{language}/accounts/register/", REGISTRATION | overrides)


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_registration_sends_a_confirmation_and_the_link_activates_a_pending_member(
    client, django_capture_on_commit_callbacks, run_tasks
):
    response = register(client, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    user = get_user_model().objects.get(username="lucia")
    assert not user.is_active
    assert user.profile.organization == "Fiscalía Provincial"
    assert user.profile.preferred_language == "es"
    assert mail.outbox == []  # the worker sends it, not the request
    assert run_tasks() == 1
    assert mail.outbox[0].to == ["lucia@fiscalia.example"]
    assert "/es/accounts/confirm/" in mail.outbox[0].body

    client.get(link_in(mail.outbox[0]))

    user.refresh_from_db()
    assert user.is_active
    assert user.profile.verification == Profile.Verification.PENDING
    assert client.login(request=HttpRequest(), username="lucia", password=REGISTRATION["password1"])


def test_an_allow_listed_domain_is_verified_at_confirmation(
    client, django_capture_on_commit_callbacks, run_tasks
):
    AllowedEmailDomain.objects.create(domain="@Fiscalia.Example")
    register(client, django_capture_on_commit_callbacks)
    run_tasks()

    client.get(link_in(mail.outbox[0]))

    assert Profile.objects.get(user__username="lucia").is_verified


def test_a_tampered_or_stale_link_is_refused(client, django_capture_on_commit_callbacks):
    register(client, django_capture_on_commit_callbacks)
    user = get_user_model().objects.get(username="lucia")
    token = confirmation_token(user)

    assert client.get(f"/en/accounts/confirm/{token}x/").status_code == 400
    user.email = "changed@example.org"
    user.save()
    assert client.get(f"/en/accounts/confirm/{token}/").status_code == 400
    user.refresh_from_db()
    assert not user.is_active


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"password2": "something else entirely"}, "fields didn"),
        ({"password1": "12345678", "password2": "12345678"}, "too common"),
        ({"username": "bad name!"}, "Enter a valid username"),
        ({"organization": ""}, "This field is required."),
    ],
)
def test_bad_registration_input_is_refused_and_kept(
    client, django_capture_on_commit_callbacks, run_tasks, overrides, error
):
    response = register(client, django_capture_on_commit_callbacks, language="en", **overrides)
    run_tasks()

    assert response.status_code == 200
    assert error in response.text
    assert 'value="Lucía Pérez"' in response.text
    assert not get_user_model().objects.filter(username="lucia").exists()
    assert mail.outbox == []


def test_an_address_already_registered_gets_the_same_page_and_its_owner_an_email(
    client, member, django_capture_on_commit_callbacks, run_tasks
):
    fresh = register(client, django_capture_on_commit_callbacks, language="en")
    run_tasks()
    mail.outbox.clear()

    again = register(
        client,
        django_capture_on_commit_callbacks,
        language="en",
        username="someone",
        email=member.email.upper(),
    )
    assert mail.outbox == []  # the worker sends it, not the request
    assert run_tasks() == 1

    assert again.status_code == fresh.status_code == 200
    assert again.text.replace(member.email.upper(), "@") == fresh.text.replace(
        REGISTRATION["email"], "@"
    )
    assert not get_user_model().objects.filter(username="someone").exists()
    assert [message.to for message in mail.outbox] == [[member.email]]
    told = mail.outbox[0]
    assert "tried to register" in told.subject
    assert "/en/accounts/login/" in told.body
    assert "/en/accounts/password_reset/" in told.body
    assert "/accounts/confirm/" not in told.body  # an active account has nothing to confirm


def test_a_username_taken_is_still_said(
    client, member, django_capture_on_commit_callbacks, run_tasks
):
    # Usernames are public (profiles, @mentions): saying one is taken tells nothing new.
    response = register(
        client, django_capture_on_commit_callbacks, language="en", username="member"
    )
    run_tasks()

    assert "A user with that username already exists." in response.text
    assert 'value="lucia@fiscalia.example"' in response.text
    assert mail.outbox == []


def test_registering_again_with_an_unconfirmed_address_mails_a_fresh_confirmation_link(
    client, django_capture_on_commit_callbacks, run_tasks
):
    register(client, django_capture_on_commit_callbacks)
    run_tasks()
    mail.outbox.clear()

    response = register(
        client, django_capture_on_commit_callbacks, language="en", username="lucia2"
    )
    run_tasks()

    assert "Check your e-mail" in response.text
    assert get_user_model().objects.filter(email__iexact=REGISTRATION["email"]).count() == 1
    assert [message.to for message in mail.outbox] == [[REGISTRATION["email"]]]
    assert "/es/accounts/confirm/" in mail.outbox[0].body  # in her own language
    confirm_link = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm/\S+)", mail.outbox[0].body)

    client.get(confirm_link.group(1))

    assert get_user_model().objects.get(username="lucia").is_active


def test_login_logout_and_password_reset(client, member, django_capture_on_commit_callbacks):
    response = client.post(
        "/en/accounts/login/", {"username": "member", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.post("/en/accounts/logout/").status_code == 302

    client.post("/en/accounts/password_reset/", {"email": member.email})
    confirm_page = client.get(link_in(mail.outbox[0]), follow=True)
    response = client.post(
        confirm_page.redirect_chain[-1][0],
        {"new_password1": "another long passphrase", "new_password2": "another long passphrase"},
    )

    assert response.status_code == 302
    assert client.login(
        request=HttpRequest(), username="member", password="another long passphrase"
    )


def test_a_wrong_password_keeps_the_username_and_says_so(client, member):
    response = client.post("/en/accounts/login/", {"username": "member", "password": "wrong"})

    assert response.status_code == 200
    assert 'value="member"' in response.text
    assert "Please enter a correct username and password" in response.text


def test_members_edit_their_profile_and_bad_time_zones_are_refused(client, member):
    client.force_login(member)
    data = {
        "display_name": "Ana M.",
        "country": "Chile",
        "time_zone": "America/Santiago",
        "preferred_language": "es",
        "email_notifications": "on",
    }

    assert client.post("/en/accounts/profile/", data).status_code == 302
    member.profile.refresh_from_db()
    assert (member.profile.display_name, member.profile.time_zone) == ("Ana M.", "America/Santiago")
    assert member.profile.email_notifications

    response = client.post("/en/accounts/profile/", data | {"time_zone": "Mars/Olympus"})
    assert "Select a valid choice" in response.text
    assert 'value="Ana M."' in response.text
