"""The permission matrix: every role against every board visibility and every action.

"edit" and "delete" are asked of a post the role wrote itself (a role that cannot post has
none: a post by someone else stands in); moderators act on another member's post.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from forum.models import Moderator, Post
from forum.permissions import (
    can_delete_post,
    can_edit_post,
    can_flag,
    can_reply,
    can_see_board,
    can_see_post,
    can_start_thread,
    check_reply,
    check_see_board,
    moderates_board,
    readers_of_board,
    visible_boards,
    visible_posts,
)
from tests.factories import (
    BoardFactory,
    GroupFactory,
    ProgramAreaFactory,
    UserFactory,
    thread_with_posts,
    verified_member,
)

R, P, E, D, M = "read", "post", "edit", "delete", "moderate"
ALL = {R, P, E, D, M}
MATRIX = {
    # role:        public          members         groups
    "visitor": {"public": {R}, "members": set(), "groups": set()},
    "pending": {"public": {R}, "members": set(), "groups": set()},
    "member": {"public": {R, P, E, D}, "members": {R, P, E, D}, "groups": set()},
    "suspended": {"public": {R}, "members": {R}, "groups": set()},
    "group_member": {"public": {R, P, E, D}, "members": {R, P, E, D}, "groups": {R, P, E, D}},
    # Moderates the boards' program area (a Moderator row), nothing else.
    "area_moderator": {"public": ALL, "members": ALL, "groups": ALL},
    # Moderates another area: here, a verified member like any other.
    "other_area_moderator": {"public": {R, P, E, D}, "members": {R, P, E, D}, "groups": set()},
    "moderator": {"public": ALL, "members": ALL, "groups": ALL},
}


@pytest.fixture
def roles(pending, member, group_member, moderator, area):
    suspended = verified_member("suspended")
    suspended.profile.suspended_until = timezone.now() + timedelta(days=3)
    suspended.profile.save()
    area_moderator = verified_member("areamod")
    Moderator.objects.create(user=area_moderator).areas.add(area)
    elsewhere = verified_member("elsewhere")
    Moderator.objects.create(user=elsewhere).areas.add(ProgramAreaFactory(slug="elsewhere"))
    return {
        "visitor": AnonymousUser(),
        "pending": pending,
        "member": member,
        "suspended": suspended,
        "group_member": group_member,
        "area_moderator": area_moderator,
        "other_area_moderator": elsewhere,
        "moderator": moderator,
    }


@pytest.fixture
def posts(boards, group_member):
    """In each board, a thread by the group member (who may post everywhere)."""
    return {
        visibility: thread_with_posts(board=board, author=group_member).posts.get()
        for visibility, board in boards.items()
    }


def post_of(role, user, board, post):
    """The post whose edit/delete rights a role is asked about."""
    if role in ("visitor", "pending", "moderator", "area_moderator"):
        return post  # someone else's (visitors and pending members have none of their own)
    return Post.objects.create(
        thread=post.thread, author=user, position=99, body_source="x", body_html="x", language="en"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
@pytest.mark.parametrize("visibility", ["public", "members", "groups"])
def test_permission_matrix(roles, boards, posts, role, visibility):
    user, board, post = roles[role], boards[visibility], posts[visibility]
    allowed = MATRIX[role][visibility]
    own = post_of(role, user, board, post)

    assert can_see_board(user, board) is (R in allowed)
    assert visible_boards(user).filter(pk=board.pk).exists() is (R in allowed)
    assert can_see_post(user, post) is (R in allowed)
    assert can_start_thread(user, board) is (P in allowed)
    assert can_reply(user, post.thread) is (P in allowed)
    assert can_edit_post(user, own) is (E in allowed)
    assert can_delete_post(user, own) is (D in allowed)
    assert moderates_board(user, board) is (M in allowed)
    # Flagging: published posts of others, by those who may post.
    assert can_flag(user, post) is (P in allowed and post.author_id != user.pk)


@pytest.mark.django_db
def test_member_cannot_edit_another_members_post(posts, member):
    assert not can_edit_post(member, posts["public"])
    assert not can_delete_post(member, posts["public"])


@pytest.mark.django_db
def test_a_locked_thread_refuses_replies_and_edits_but_not_moderators(posts, member, moderator):
    post = posts["public"]
    own = post_of("member", member, None, post)
    post.thread.is_locked = True
    post.thread.save()
    own.thread.refresh_from_db()

    assert not can_reply(member, post.thread)
    assert not can_edit_post(member, own)
    assert can_reply(moderator, post.thread)
    with pytest.raises(PermissionDenied, match="locked"):
        check_reply(member, post.thread)


@pytest.mark.django_db
def test_hidden_board_raises_404_not_403(boards, pending):
    with pytest.raises(Http404):
        check_see_board(pending, boards["members"])
    check_see_board(pending, boards["public"])


@pytest.mark.django_db
def test_pending_member_is_told_why_they_cannot_reply(posts, pending):
    with pytest.raises(PermissionDenied, match="verified"):
        check_reply(pending, posts["public"].thread)


@pytest.mark.django_db
def test_a_deactivated_account_reads_like_a_visitor(boards):
    gone = UserFactory(username="gone", is_active=False)

    assert visible_boards(gone).count() == 1
    assert not can_start_thread(gone, boards["public"])


@pytest.mark.django_db
def test_a_groups_board_with_no_group_is_readable_by_moderators_only(area, group_member, moderator):
    orphan = BoardFactory(area=area, visibility="groups")

    assert not can_see_board(group_member, orphan)
    assert can_see_board(moderator, orphan)


@pytest.mark.django_db
def test_visible_boards_lists_each_board_once_for_a_member_of_two_allowed_groups(area, member):
    first, second = GroupFactory(), GroupFactory()
    BoardFactory(area=area, visibility="groups", allowed_groups=[first, second])
    member.groups.add(first, second)

    assert visible_boards(member).count() == 1


@pytest.mark.django_db
def test_deleted_posts_stay_listed_as_placeholders_and_pending_ones_only_for_their_author(
    posts, member, other_member, moderator
):
    thread = posts["public"].thread
    pending_post = Post.objects.create(
        thread=thread,
        author=member,
        position=50,
        body_source="x",
        body_html="x",
        language="en",
        state=Post.State.PENDING,
    )
    hidden_post = Post.objects.create(
        thread=thread,
        author=member,
        position=51,
        body_source="x",
        body_html="x",
        language="en",
        state=Post.State.HIDDEN,
    )

    def shown(user):
        posts = visible_posts(user, thread.posts.all(), thread.board)
        return set(posts.values_list("pk", flat=True))

    # Authors see their own held and hidden posts (marked so); other members see neither.
    assert {pending_post.pk, hidden_post.pk} <= shown(member)
    assert not {pending_post.pk, hidden_post.pk} & shown(other_member)
    assert {pending_post.pk, hidden_post.pk} <= shown(moderator)


@pytest.mark.django_db
def test_readers_of_board_match_can_see_board_for_every_role(roles, boards):
    users = {role: user for role, user in roles.items() if user.is_authenticated}
    ids = {user.pk for user in users.values()}

    for board in boards.values():
        readers = readers_of_board(board, ids)
        for user in users.values():
            assert (user.pk in readers) is can_see_board(user, board), (user, board.visibility)
