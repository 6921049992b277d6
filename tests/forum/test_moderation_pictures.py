"""Site moderators remove an offensive member picture from the member's page: with a reason,
logged, the member told, the file deleted once committed, and visitors' cached pages
refreshed. Nobody else can, by any address or without the page's CSRF token."""

from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.test import Client

from forum.models import ModerationAction, Moderator, Notification, Profile
from forum.services import moderation as acts
from tests.factories import ProfileFactory, thread_with_posts, verified_member
from tests.forum.test_uploads import picture

pytestmark = pytest.mark.django_db

Kind = ModerationAction.Kind


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pictured(member) -> Path:
    """The member's stored picture file."""
    member.profile.avatar.save("x.webp", ContentFile(picture("WEBP", size=(64, 64))))
    return Path(member.profile.avatar.path)


@pytest.fixture
def area_moderator(area):
    user = verified_member("areamod")
    Moderator.objects.create(user=user).areas.add(area)
    return user


def member_page(member) -> str:
    return f"/en/moderation/members/{member.pk}/"


def remove(client, member, reason="An offensive picture"):
    return client.post(member_page(member), {"act": "picture", "picture-reason": reason})


def test_a_site_moderator_removes_a_picture_with_a_reason_and_the_member_is_told(
    client, moderator, member, pictured, boards, django_capture_on_commit_callbacks, run_tasks
):
    thread = thread_with_posts(board=boards["public"], author=member)
    old_src = f"/media/avatars/{pictured.name}"
    assert old_src in client.get(f"/en/t/{thread.pk}/").text  # a visitor's cached copy
    client.force_login(moderator)

    page = client.get(member_page(member)).text
    assert f'src="{old_src}" width="96" height="96" alt="Picture of Member">' in page
    assert "Remove picture" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = remove(client, member)
    run_tasks()

    assert response.status_code == 302
    assert not Profile.objects.get(user=member).avatar
    assert not pictured.exists()
    action = ModerationAction.objects.get(kind=Kind.REMOVE_AVATAR)
    assert (action.actor, action.member, action.reason) == (
        moderator,
        member,
        "An offensive picture",
    )
    assert action.before == {"avatar": f"avatars/{pictured.name}"}
    note = Notification.objects.get(recipient=member, action=action)
    assert note.action.member_message() == "A moderator removed your profile picture."
    # An act on the account: e-mailed whatever the member's notification setting.
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "An offensive picture" in mail.outbox[0].body
    assert "Removed a member&#x27;s picture" in client.get("/en/moderation/log/").text
    assert "Remove picture" not in client.get(member_page(member)).text
    client.logout()
    assert old_src not in client.get(f"/en/t/{thread.pk}/").text


def test_a_removal_needs_a_reason_and_a_picture(client, moderator, member, pictured):
    client.force_login(moderator)

    no_reason = remove(client, member, reason="  ")
    assert no_reason.status_code == 400
    assert Profile.objects.get(user=member).avatar

    remove(client, member)
    twice = remove(client, member, reason="Pressed twice")
    assert twice.status_code == 409
    assert "This member has no picture: nothing to remove." in twice.text
    assert "Pressed twice" in twice.text  # what the moderator typed is kept
    assert ModerationAction.objects.filter(kind=Kind.REMOVE_AVATAR).count() == 1


def test_one_cannot_remove_ones_own_or_an_administrators_picture_here(
    client, moderator, staff, django_capture_on_commit_callbacks
):
    ProfileFactory(user=staff)
    for target in (moderator, staff):
        target.profile.avatar.save("x.webp", ContentFile(picture("WEBP", size=(64, 64))))
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        responses = [remove(client, target) for target in (moderator, staff)]

    assert [response.status_code for response in responses] == [409, 409]
    assert all(Profile.objects.get(user=target).avatar for target in (moderator, staff))
    assert not ModerationAction.objects.filter(kind=Kind.REMOVE_AVATAR).exists()


@pytest.mark.parametrize("who", ["member", "area moderator"])
def test_members_and_area_moderators_cannot_remove_a_picture(
    client, who, other_member, area_moderator, member, pictured
):
    client.force_login(other_member if who == "member" else area_moderator)

    if who == "area moderator":  # the page opens, without the act
        page = client.get(member_page(member))
        assert page.status_code == 200
        assert "Remove picture" not in page.text
    response = remove(client, member)

    assert response.status_code == 403
    assert pictured.exists()
    assert Profile.objects.get(user=member).avatar
    assert not ModerationAction.objects.filter(kind=Kind.REMOVE_AVATAR).exists()


def test_guessed_member_ids_tell_nothing(client, moderator, other_member, member, pictured):
    missing = member.pk + 1000

    client.force_login(other_member)
    assert client.post(f"/en/moderation/members/{missing}/", {"act": "picture"}).status_code == (
        403
    )
    client.force_login(moderator)
    response = client.post(
        f"/en/moderation/members/{missing}/", {"act": "picture", "picture-reason": "Offensive"}
    )
    assert response.status_code == 404


def test_only_a_post_with_the_pages_csrf_token_removes_it(moderator, member, pictured):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    # A link cannot do it: a GET only shows the page.
    assert client.get(member_page(member), {"act": "picture"}).status_code == 200
    assert remove(client, member).status_code == 403  # no token: refused by the CSRF check
    assert Profile.objects.get(user=member).avatar

    client.get(member_page(member))
    token = client.cookies["csrftoken"].value
    response = client.post(
        member_page(member),
        {"act": "picture", "picture-reason": "Offensive", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert not Profile.objects.get(user=member).avatar


def test_the_service_refuses_area_moderators_too(area_moderator, member, pictured):
    with pytest.raises(PermissionDenied):
        acts.remove_picture(actor=area_moderator, member=member, reason="Offensive")
    assert Profile.objects.get(user=member).avatar
