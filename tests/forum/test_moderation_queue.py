"""The review queue's pages of ids kept in the cache under the queue's stamps (issue 21): every
change the services make to the queue shows on the next request, and a page kept for one
moderator never shows another anything outside their own scope."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.models import Post
from forum.models.moderation import QueueStamp
from forum.services import moderation as acts
from forum.services.posting import delete_post, edit_post, post_reply, start_thread
from forum.services.review import queue_changed
from tests.factories import BoardFactory, thread_with_posts, verified_member
from tests.forum.moderation_helpers import area_moderator, moderation_settings

pytestmark = pytest.mark.django_db

QUEUE = "/en/moderation/"


def listed(client, post, url=QUEUE):
    return f'id="item-{post.pk}"' in client.get(url).text


def queue_counts(captured):
    """How many times the queue's count was asked of the database."""
    return sum('COUNT(*) AS "__count" FROM "forum_post"' in query["sql"] for query in captured)


def held_reply(board, author, *, body="A reply that waits for a moderator."):
    """A reply by a member on probation: held for review by the posting service."""
    thread = thread_with_posts(board=board, author=verified_member())
    author.profile.on_probation = True
    author.profile.save(update_fields=["on_probation"])
    post = post_reply(author=author, thread=thread, body=body, language="en")
    assert post.state == Post.State.PENDING
    return post


def flagged(board, author, flagger, title="A flagged thread"):
    post = thread_with_posts(board=board, author=author, title=title).posts.get()
    acts.flag_post(flagger=flagger, post=post, reason="spam")
    return post


@pytest.fixture
def people(member, other_member, third, moderator):
    return {"author": member, "flagger": other_member, "third": third, "moderator": moderator}


# Each: make the situation, then (after the page was cached) the change; what the page shows
# after it. The change goes through the service a member or moderator would use.
def arrives_held(board, people):
    return None, lambda: held_reply(board, people["author"]), True


def arrives_flagged(board, people):
    post = thread_with_posts(board=board, author=people["author"]).posts.get()
    return post, lambda: acts.flag_post(flagger=people["flagger"], post=post, reason="spam"), True


def approved(board, people):
    post = held_reply(board, people["author"])
    return post, lambda: acts.approve_post(actor=people["moderator"], post=post), False


def rejected(board, people):
    post = flagged(board, people["author"], people["flagger"])
    change = lambda: acts.reject_post(actor=people["moderator"], post=post, reason="Spam")  # noqa: E731
    return post, change, False


def hidden(board, people):
    post = flagged(board, people["author"], people["flagger"])
    change = lambda: acts.hide_post(actor=people["moderator"], post=post, reason="Spam")  # noqa: E731
    return post, change, False


def restored(board, people):
    moderation_settings(flags_to_hide=1)
    post = flagged(board, people["author"], people["flagger"])  # hidden by its flag
    assert Post.objects.get(pk=post.pk).state == Post.State.HIDDEN
    change = lambda: acts.restore_post(actor=people["moderator"], post=post, reason="Fine")  # noqa: E731
    return post, change, False


def deleted_by_its_author(board, people):
    post = held_reply(board, people["author"])
    return post, lambda: delete_post(actor=people["author"], post=post), False


CHANGES = [
    arrives_held,
    arrives_flagged,
    approved,
    rejected,
    hidden,
    restored,
    deleted_by_its_author,
]


@pytest.mark.parametrize("situation", CHANGES, ids=lambda change: change.__name__)
def test_a_change_to_the_queue_shows_on_the_next_request(client, boards, people, situation):
    board = boards["public"]
    post, change, shown = situation(board, people)
    client.force_login(people["moderator"])
    before = client.get(QUEUE).text  # the page of ids is kept now
    if post is not None:
        assert (f'id="item-{post.pk}"' in before) is not shown
    client.get(f"{QUEUE}?fragment=1")

    result = change()

    post = post or result
    with CaptureQueriesContext(connection) as asked:
        assert listed(client, post) is shown
    assert queue_counts(asked) == 1  # the stamp moved: the kept page was not used
    assert listed(client, post, f"{QUEUE}?fragment=1") is shown


def test_an_edit_of_the_language_moves_a_post_between_the_filtered_pages(
    client, boards, member, moderator
):
    post = held_reply(boards["public"], member)
    client.force_login(moderator)
    assert listed(client, post, f"{QUEUE}?language=en")
    assert not listed(client, post, f"{QUEUE}?language=es")

    edit_post(editor=member, post=post, body="Una respuesta en espera.", language="es")

    assert not listed(client, post, f"{QUEUE}?language=en")
    assert listed(client, post, f"{QUEUE}?language=es")


def test_a_moved_thread_takes_its_queue_items_to_the_other_areas_moderators(
    client, boards, elsewhere, member, other_member, moderator, area, other_area
):
    here, there = area_moderator("here", area), area_moderator("there", other_area)
    post = flagged(boards["public"], member, other_member)
    client.force_login(here)
    assert listed(client, post)
    client.force_login(there)
    assert not listed(client, post)

    acts.move_thread(actor=moderator, thread=post.thread, board_id=elsewhere.pk, reason="Topic")

    assert listed(client, post)
    client.force_login(here)
    assert not listed(client, post)


def test_a_merge_into_another_areas_thread_takes_the_queue_items_along(
    client, boards, elsewhere, member, other_member, moderator, area
):
    here = area_moderator("here", area)
    post = flagged(boards["public"], member, other_member)
    target = thread_with_posts(board=elsewhere, author=other_member, title="The other thread")
    client.force_login(here)
    assert listed(client, post)

    acts.merge_threads(actor=moderator, source=post.thread, target_id=target.pk, reason="Same")

    assert not listed(client, post)


def test_a_page_kept_for_the_site_moderator_shows_an_area_moderator_only_their_area(
    client, boards, elsewhere, member, other_member, moderator, area
):
    mine = flagged(boards["public"], member, other_member)
    theirs = flagged(elsewhere, member, other_member)
    client.force_login(moderator)
    page = client.get(QUEUE).text
    assert f'id="item-{mine.pk}"' in page
    assert f'id="item-{theirs.pk}"' in page

    client.force_login(area_moderator("here", area))
    for url in (QUEUE, f"{QUEUE}?fragment=1", f"{QUEUE}?area={elsewhere.area_id}"):
        page = client.get(url).text
        assert f'id="item-{theirs.pk}"' not in page, url
    assert f'id="item-{mine.pk}"' in client.get(QUEUE).text


def test_a_moderators_language_scope_holds_on_a_kept_page(
    client, boards, member, other_member, moderator, area
):
    english = flagged(boards["public"], member, other_member)
    spanish = flagged(boards["public"], member, other_member, "Un hilo señalado")
    Post.objects.filter(pk=spanish.pk).update(language="es")
    queue_changed(area.pk)  # written directly: said as the services say it
    client.force_login(moderator)
    assert listed(client, english)
    assert listed(client, spanish)

    client.force_login(area_moderator("esmod", area, languages=["es"]))

    assert listed(client, spanish)
    assert not listed(client, english)
    assert not listed(client, english, f"{QUEUE}?fragment=1")


def test_a_moderator_who_loses_an_area_no_longer_sees_its_queue(
    client, boards, member, other_member, area, django_capture_on_commit_callbacks
):
    post = flagged(boards["public"], member, other_member)
    moderator = area_moderator("here", area)
    client.force_login(moderator)
    assert listed(client, post)

    with django_capture_on_commit_callbacks(execute=True):
        moderator.moderator_scope.areas.remove(area)
    moderator.moderator_scope.areas.add(BoardFactory().area)

    assert not listed(client, post)


def test_a_members_new_name_shows_on_a_kept_page(client, boards, member, other_member, moderator):
    # A new name or a deleted account moves no stamp of the queue: names are read each time.
    post = flagged(boards["public"], member, other_member)
    client.force_login(moderator)
    assert "Olga Flagger" not in client.get(QUEUE).text
    other_member.profile.display_name = "Olga Flagger"
    other_member.profile.save(update_fields=["display_name"])
    member.profile.display_name = "Maria Author"
    member.profile.save(update_fields=["display_name"])

    with CaptureQueriesContext(connection) as asked:
        page = client.get(QUEUE).text

    assert queue_counts(asked) == 0  # from the kept page
    assert f'id="item-{post.pk}"' in page
    assert "Olga Flagger" in page
    assert "Maria Author" in page


def test_an_unchanged_queue_is_not_asked_again(client, boards, member, other_member, moderator):
    flagged(boards["public"], member, other_member)
    client.force_login(moderator)
    client.get(QUEUE)

    with CaptureQueriesContext(connection) as kept:
        client.get(QUEUE)
    queue_changed(boards["public"].area_id)
    with CaptureQueriesContext(connection) as asked:
        client.get(QUEUE)

    assert queue_counts(kept) == 0
    assert queue_counts(asked) == 1


def test_the_stamp_counts_every_change_of_an_area(area, other_area):
    queue_changed(area.pk, None, area.pk)
    queue_changed(area.pk, other_area.pk)

    assert dict(QueueStamp.objects.values_list("area_id", "version")) == {
        area.pk: 2,
        other_area.pk: 1,
    }


def test_a_new_thread_held_for_review_arrives_in_the_queue(client, boards, member, moderator):
    client.force_login(moderator)
    client.get(QUEUE)
    member.profile.on_probation = True
    member.profile.save(update_fields=["on_probation"])

    post = start_thread(
        author=member, board=boards["public"], title="Held opening post", body="Text", language="en"
    )

    assert post.state == Post.State.PENDING
    assert listed(client, post)


def test_the_filter_form_offers_the_moderators_own_areas_and_keeps_the_choice(
    client, boards, elsewhere, moderator, area, other_area, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    everything = client.get(f"{QUEUE}?language=es&area={other_area.pk}").text
    assert f'<option value="{area.pk}">Juvenile Justice</option>' in everything
    assert f'<option value="{other_area.pk}" selected>Cybercrime</option>' in everything
    assert '<option value="es" selected>' in everything

    client.force_login(area_moderator("esmod", area, languages=["es"]))
    mine = client.get(QUEUE).text
    assert f'<option value="{area.pk}">Juvenile Justice</option>' in mine
    assert "Cybercrime" not in mine
    assert "My languages" in mine
    with django_capture_on_commit_callbacks(execute=True):  # the listing version moves on commit
        area.name_en = "Youth Justice"
        area.save()
    assert f'<option value="{area.pk}">Youth Justice</option>' in client.get(QUEUE).text
