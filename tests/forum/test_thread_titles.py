"""A thread's title changed by its author within a day or by the board's moderators, with its
history and an audit row (issue 22)."""

from datetime import timedelta

import pytest

from forum.models import ModerationAction, Thread, ThreadTitleRevision
from tests.factories import thread_with_posts, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(boards, member):
    return thread_with_posts(board=boards["public"], author=member, title="Diversion critera")


def test_the_author_corrects_the_title_and_the_old_one_is_kept(client, member, thread):
    client.force_login(member)
    assert f"/t/{thread.pk}/title/" in client.get(f"/en/t/{thread.pk}/").text

    response = client.post(f"/en/t/{thread.pk}/title/", {"title": "Diversion criteria"})

    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.title == "Diversion criteria"
    history = client.get(f"/en/t/{thread.pk}/title/").text
    assert "Diversion critera" in history
    action = ModerationAction.objects.get(kind="retitle")
    assert action.before == {"title": "Diversion critera"}
    assert action.after == {"title": "Diversion criteria"}
    assert action.actor == member
    # Every list and page showing it moved: the board page (cached for visitors) too.
    assert "Diversion criteria" in client.get("/en/b/juvenile-justice/general/").text


def test_after_a_day_only_a_moderator_may_change_it(client, member, moderator, thread):
    Thread.objects.filter(pk=thread.pk).update(created_at=thread.created_at - timedelta(days=2))
    client.force_login(member)
    assert f'/t/{thread.pk}/title/"' not in client.get(f"/en/t/{thread.pk}/").text

    refused = client.post(f"/en/t/{thread.pk}/title/", {"title": "Too late a change"})
    assert refused.status_code == 403

    client.force_login(moderator)
    done = client.post(
        f"/en/t/{thread.pk}/title/", {"title": "Renamed by a moderator", "reason": "Clearer."}
    )
    assert done.status_code == 302
    assert ModerationAction.objects.get(kind="retitle").reason == "Clearer."


def test_another_member_may_not_change_it(client, other_member, thread):
    client.force_login(other_member)

    response = client.post(f"/en/t/{thread.pk}/title/", {"title": "Someone else's idea"})

    assert response.status_code == 403
    assert not ThreadTitleRevision.objects.exists()


@pytest.mark.parametrize(
    ("title", "error"),
    [
        ("abc", "Ensure this value has at least 5 characters"),
        ("x" * 201, "Ensure this value has at most 200 characters"),
        ("Diversion critera", "The title is unchanged."),
        ("     ", "This field is required."),
    ],
)
def test_a_bad_title_is_refused_and_kept_in_the_form(client, member, thread, title, error):
    client.force_login(member)

    response = client.post(f"/en/t/{thread.pk}/title/", {"title": title})

    assert response.status_code == 400
    assert error in response.text
    assert not ThreadTitleRevision.objects.exists()


def test_a_reader_sees_the_history_a_visitor_of_a_private_board_does_not(client, boards):
    private = thread_with_posts(board=boards["members"], author=verified_member(), title="Inner")

    assert client.get(f"/en/t/{private.pk}/title/").status_code == 302  # sign in first
    assert client.post(f"/en/t/{private.pk}/title/", {"title": "Changed?"}).status_code == 302
    assert Thread.objects.get(pk=private.pk).title == "Inner"
