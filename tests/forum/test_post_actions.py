"""What a page offers each role: post_actions, new_post_actions, thread_actions and
why_posting_is_closed, the policy's answers the thread templates show."""

from dataclasses import asdict, fields
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.models import Moderator, Post
from forum.permissions import (
    PostActions,
    Standing,
    can_delete_post,
    can_edit_post,
    can_flag,
    can_react,
    can_reply,
    new_post_actions,
    post_actions,
    thread_actions,
    why_posting_is_closed,
)
from forum.services.posting import post_reply
from tests.factories import ProgramAreaFactory, thread_with_posts, verified_member

ROLES = [
    "visitor",
    "pending",
    "member",
    "author",
    "suspended_author",
    "area_moderator",
    "other_area_moderator",
    "site_moderator",
]

# Letters for the actions, to keep the tables readable.
Q, R, E, D, F = "quote", "reply", "edit", "delete", "flag"
HIDE, RESTORE, APPROVE, TOOLS, H = "hide", "restore", "approve", "member_tools", "history"
MOD = {Q, R, E, D, TOOLS, H}  # what a moderator of the board may do with any post

# A post by the author (the suspended author's own post for that role), in each case.
EXPECTED = {
    "open": {
        "visitor": {H},
        "pending": {H},
        "member": {Q, R, F, H},
        "author": {Q, R, E, D, H},
        "suspended_author": {H},
        "area_moderator": MOD | {HIDE},
        "other_area_moderator": {Q, R, F, H},  # a member like any other here
        "site_moderator": MOD | {HIDE},
    },
    # Members may still flag in a locked thread (the policy's can_flag), not reply or edit.
    "locked": {
        "visitor": {H},
        "pending": {H},
        "member": {F, H},
        "author": {H},
        "suspended_author": {H},
        "area_moderator": MOD | {HIDE},
        "other_area_moderator": {F, H},
        "site_moderator": MOD | {HIDE},
    },
    # Held for review: its author and the board's moderators alone read it.
    "held": {
        "visitor": set(),
        "pending": set(),
        "member": set(),
        "author": {Q, R, E, D, H},
        "suspended_author": {H},
        "area_moderator": MOD | {APPROVE},
        "other_area_moderator": set(),
        "site_moderator": MOD | {APPROVE},
    },
    "hidden": {
        "visitor": set(),
        "pending": set(),
        "member": set(),
        "author": {Q, R, E, D, H},
        "suspended_author": {H},
        "area_moderator": MOD | {RESTORE},
        "other_area_moderator": set(),
        "site_moderator": MOD | {RESTORE},
    },
    # A placeholder: nothing to act on, for anyone.
    "deleted": {role: set() for role in ROLES},
}
# Every member may bookmark a published post they read (a visitor has no bookmarks).
B = "bookmark"
# Members who may post react to others' published posts, in a locked thread too.
X = "react"
for case in ("open", "locked"):
    for role in ROLES[1:]:
        EXPECTED[case][role] = EXPECTED[case][role] | {B}
    for role in ("member", "area_moderator", "other_area_moderator", "site_moderator"):
        EXPECTED[case][role] = EXPECTED[case][role] | {X}


@pytest.fixture
def people(pending, member, moderator, area):
    area_moderator = verified_member("areamod")
    Moderator.objects.create(user=area_moderator).areas.add(area)
    elsewhere = verified_member("elsewhere")
    Moderator.objects.create(user=elsewhere).areas.add(ProgramAreaFactory(slug="elsewhere"))
    return {
        "visitor": AnonymousUser(),
        "pending": pending,
        "member": member,
        "author": verified_member("author"),
        "suspended_author": verified_member("suspended"),
        "area_moderator": area_moderator,
        "other_area_moderator": elsewhere,
        "site_moderator": moderator,
    }


@pytest.fixture
def thread(boards, people):
    """A thread in the public board with a reply by the author and one by the (later)
    suspended author."""
    thread = thread_with_posts(board=boards["public"], author=people["member"])
    for author in (people["author"], people["suspended_author"]):
        post_reply(author=author, thread=thread, body="A reply.", language="en")
    suspended = people["suspended_author"].profile
    suspended.suspended_until = timezone.now() + timedelta(days=3)
    suspended.save()
    return thread


def offered(actions: PostActions) -> set[str]:
    return {name for name, shown in asdict(actions).items() if shown}


def the_post(thread, people, role, case):
    author = people["suspended_author" if role == "suspended_author" else "author"]
    post = thread.posts.get(author=author)
    if case == "locked":
        thread.is_locked = True
        thread.save()
    state = {"held": "pending", "hidden": "hidden", "deleted": "deleted"}.get(case)
    if state:
        post.state = state
        post.save()
    return Post.objects.select_related("thread__board").get(pk=post.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", EXPECTED)
def test_post_actions_per_role(thread, people, role, case):
    post = the_post(thread, people, role, case)

    assert offered(post_actions(people[role], post)) == EXPECTED[case][role]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", ["open", "locked", "held", "hidden"])
def test_post_actions_agree_with_the_can_functions(thread, people, role, case):
    user, post = people[role], the_post(thread, people, role, case)
    actions = post_actions(user, post)

    if not actions.history:  # a post the role does not read offers nothing
        return
    assert actions.edit is can_edit_post(user, post)
    assert actions.delete is can_delete_post(user, post)
    assert actions.reply is actions.quote is can_reply(user, post.thread)
    # A moderator hides a post rather than flag it; everyone else flags as can_flag says.
    assert actions.flag is (can_flag(user, post) and not actions.hide)
    assert actions.react is can_react(user, post)


@pytest.mark.django_db
def test_a_page_of_posts_costs_no_query_per_post(boards, group_member, other_member):
    # A group-restricted board: reading it is a query, asked once for the whole page.
    thread = thread_with_posts(
        board=boards["groups"], author=group_member, replies=20, repliers=[group_member]
    )
    posts = list(thread.posts.order_by("position"))
    for post in posts:
        post.thread = thread
    user = verified_member("reader", groups=list(group_member.groups.all()))
    standing = Standing(user, thread)
    post_actions(user, posts[0], standing)

    with CaptureQueriesContext(connection) as queries:
        answers = [post_actions(user, post, standing) for post in posts]
    assert len(queries) == 0
    assert all(answer.flag for answer in answers)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "own", "others"),
    [
        ("visitor", {H}, {H}),
        ("pending", {H, B}, {H, B}),
        ("member", {Q, R, E, D, H, B}, {Q, R, F, H, B, X}),
        ("suspended_author", {H, B}, {H, B}),
        ("area_moderator", MOD | {HIDE, B}, MOD | {HIDE, B, X}),
        ("other_area_moderator", {Q, R, E, D, H, B}, {Q, R, F, H, B, X}),
        ("site_moderator", MOD | {HIDE, B}, MOD | {HIDE, B, X}),
    ],
)
def test_a_post_arriving_live_offers_what_a_new_post_would(thread, people, role, own, others):
    user = people[role]

    assert offered(new_post_actions(user, thread, own=True)) == own
    assert offered(new_post_actions(user, thread, own=False)) == others


@pytest.mark.django_db
def test_in_a_locked_thread_a_new_post_offers_members_the_flag_and_reactions_only(thread, people):
    thread.is_locked = True
    thread.save()

    assert offered(new_post_actions(people["member"], thread, own=True)) == {H, B}
    assert offered(new_post_actions(people["member"], thread, own=False)) == {F, H, B, X}


@pytest.mark.django_db
def test_the_slots_name_the_links_of_the_post_template():
    actions = PostActions(**{f.name: True for f in fields(PostActions)})

    assert actions.slots.split() == [
        "quote", "reply", "edit", "delete", "flag", "hide", "restore", "approve", "member",
        "edited", "bookmark", "react", "accept",
    ]  # fmt: skip
    assert PostActions().slots == ""
    assert (PostActions(edit=True) | PostActions(flag=True)) == PostActions(edit=True, flag=True)


SIGN_IN = "Sign in to reply."
LOCKED = "This thread is locked: no new replies."
VERIFY = "You can post once a moderator has verified your membership."
SUSPENDED = "Your account is suspended until"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "when_open", "when_locked"),
    [
        ("visitor", SIGN_IN, LOCKED),
        ("pending", VERIFY, LOCKED),
        ("member", None, LOCKED),
        ("author", None, LOCKED),
        ("suspended_author", SUSPENDED, SUSPENDED),  # a suspension is told first
        ("area_moderator", None, None),
        ("other_area_moderator", None, LOCKED),
        ("site_moderator", None, None),
    ],
)
def test_why_posting_is_closed_per_role(thread, people, role, when_open, when_locked):
    user = people[role]

    def why():
        reason = why_posting_is_closed(user, thread)
        return reason[: len(SUSPENDED)] if reason and reason.startswith(SUSPENDED) else reason

    assert why() == when_open
    thread.is_locked = True
    thread.save()
    assert why() == when_locked


@pytest.mark.django_db
def test_a_suspension_says_until_when(thread, people):
    reason = why_posting_is_closed(people["suspended_author"], thread)

    assert reason.startswith(SUSPENDED)
    assert reason.endswith(": you can read but not post.")
    assert str(people["suspended_author"].profile.suspended_until.year) in reason


@pytest.mark.django_db
def test_a_held_thread_is_open_to_its_author_and_moderators(boards, people):
    thread = thread_with_posts(board=boards["public"], author=people["author"])
    thread.held = True
    thread.save()

    assert why_posting_is_closed(people["author"], thread) is None
    assert why_posting_is_closed(people["area_moderator"], thread) is None
    assert offered(post_actions(people["member"], thread.posts.get())) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "reply", "moderate", "watch", "sign_in"),
    [
        ("visitor", False, False, False, True),
        ("pending", False, False, True, False),
        ("member", True, False, True, False),
        ("suspended_author", False, False, True, False),
        ("area_moderator", True, True, True, False),
        ("other_area_moderator", True, False, True, False),
        ("site_moderator", True, True, True, False),
    ],
)
def test_thread_actions_per_role(thread, people, role, reply, moderate, watch, sign_in):
    answers = thread_actions(people[role], thread)

    assert (answers.reply, answers.moderate, answers.watch, answers.sign_in) == (
        reply,
        moderate,
        watch,
        sign_in,
    )
    assert answers.closed == why_posting_is_closed(people[role], thread)
    assert (answers.closed is None) is reply


@pytest.mark.django_db
def test_a_visitor_is_not_sent_to_sign_in_where_the_thread_is_locked(thread):
    thread.is_locked = True
    thread.save()

    answers = thread_actions(AnonymousUser(), thread)
    assert (answers.closed, answers.sign_in) == (LOCKED, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "accepts"),
    [
        ("visitor", False),
        ("pending", False),
        ("member", True),  # the question's author
        ("author", False),  # the reply's author: not theirs to choose
        ("suspended_author", False),
        ("area_moderator", True),
        ("other_area_moderator", False),
        ("site_moderator", True),
    ],
)
def test_the_questions_author_and_its_boards_moderators_may_accept_a_reply(
    thread, people, role, accepts
):
    thread.is_question = True
    thread.save()
    reply = Post.objects.select_related("thread__board").get(thread=thread, author=people["author"])

    assert post_actions(people[role], reply).accept is accepts
    first = Post.objects.select_related("thread__board").get(thread=thread, position=1)
    assert post_actions(people[role], first).accept is False  # the question is no answer
