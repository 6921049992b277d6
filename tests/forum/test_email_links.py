"""E-mail links start with the site's address: SITE_URL when set (always in production), else
the address of the request that caused the mail, also for mails sent later by a task."""

import re

import pytest
from django.core import mail

from forum.models import Notification, Profile
from forum.tasks import send_notification_emails
from tests.factories import thread_with_posts
from tests.forum.test_accounts import REGISTRATION

pytestmark = pytest.mark.django_db

LAN = "forum.lan:8000"


@pytest.fixture
def reached_at_lan(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "forum.lan"]
    settings.SITE_URL = ""


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def test_the_confirmation_link_starts_with_the_address_the_site_was_reached_at(
    client, reached_at_lan, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/register/", REGISTRATION, HTTP_HOST=LAN)
    run_tasks()  # the worker, with no request of its own

    assert links_in(mail.outbox[0])[0].startswith(f"http://{LAN}/en/accounts/confirm/")


def test_site_url_wins_over_the_request_address(
    client, reached_at_lan, settings, django_capture_on_commit_callbacks, run_tasks
):
    settings.SITE_URL = "https://forum.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/register/", REGISTRATION, HTTP_HOST=LAN)
    run_tasks()

    assert links_in(mail.outbox[0])[0].startswith("https://forum.example.org/en/accounts/confirm/")


def test_the_password_reset_link_starts_with_the_request_address(client, member, reached_at_lan):
    client.post("/en/accounts/password_reset/", {"email": member.email}, HTTP_HOST=LAN)

    assert links_in(mail.outbox[0])[0].startswith(f"http://{LAN}/en/accounts/reset/")


def test_a_notification_mail_queued_by_a_request_links_to_its_address(
    client,
    boards,
    member,
    other_member,
    reached_at_lan,
    django_capture_on_commit_callbacks,
    run_tasks,
):
    Profile.objects.filter(user=member).update(email_notifications=True)
    thread = thread_with_posts(board=boards["public"], author=member)
    client.force_login(other_member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/t/{thread.pk}/reply/", {"body": "A reply for the author."}, HTTP_HOST=LAN)
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # the worker, with no request of its own: who is told, their e-mail queued
    run_tasks()

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert links_in(mail.outbox[0])[0].startswith(f"http://{LAN}/en/posts/")


def test_a_task_given_the_address_links_to_it_and_without_one_to_the_fallback(
    boards, member, other_member, settings
):
    settings.SITE_URL = ""
    Profile.objects.filter(user=member).update(email_notifications=True)
    thread = thread_with_posts(board=boards["public"], author=member, replies=1)
    reply = thread.posts.order_by("-position").first()
    Notification.objects.create(
        recipient=member, kind="reply", actor=other_member, thread=thread, post=reply
    )

    send_notification_emails.call(reply.pk, [member.pk], "http://10.0.0.7:8000")
    send_notification_emails.call(reply.pk, [member.pk])

    assert links_in(mail.outbox[0])[0].startswith("http://10.0.0.7:8000/en/posts/")
    assert links_in(mail.outbox[1])[0].startswith(settings.WAGTAILADMIN_BASE_URL)
