"""The one permission policy: every "may this user see/do X" question is answered here.

Views, consumers, search and feeds call these functions; nothing checks permissions by hand.
``can_*`` answer for templates, ``check_*`` raise (404 where existence must stay hidden,
403 where the user may see the thing but not do this), ``visible_*`` filter querysets.

Roles: a visitor (anonymous); a pending member (signed in, not yet verified) reads public
boards only and cannot post; a verified member reads public and members-only boards, and
group-restricted boards when in one of their groups, and posts where they read; a suspended
member reads as before but cannot post, edit or flag; an area moderator (a ``Moderator`` row)
reads and acts on the boards of their program areas; a site moderator (the ``forum.moderate``
permission, or a superuser) reads and acts everywhere, and alone verifies and suspends members.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _

from forum.models import Board, Moderator, Post, Profile, Thread

User = AbstractBaseUser | AnonymousUser
MODERATE = "forum.moderate"


def is_member(user: User) -> bool:
    """A signed-in, active account, verified or not."""
    return bool(user.is_authenticated and user.is_active)


@dataclass(frozen=True)
class Scope:
    """What a moderator moderates: areas None means every area (a site moderator)."""

    areas: frozenset[int] | None
    languages: frozenset[str] | None  # None: posts in every language fill their queues

    @property
    def is_site_wide(self) -> bool:
        return self.areas is None


def moderation_scope(user: User) -> Scope | None:
    """The user's moderation scope, or None for a non-moderator (cached on the user object)."""
    if not is_member(user):
        return None
    cached = getattr(user, "_forum_scope", False)
    if cached is not False:
        return cached
    scope = None
    if user.has_perm(MODERATE):
        scope = Scope(areas=None, languages=None)
    else:
        row = Moderator.objects.filter(user=user).prefetch_related("areas").first()
        if row is not None:
            areas = frozenset(area.pk for area in row.areas.all())
            if areas:
                scope = Scope(areas=areas, languages=frozenset(row.languages) or None)
    user._forum_scope = scope
    return scope


def is_moderator(user: User) -> bool:
    """A moderator of any scope."""
    return moderation_scope(user) is not None


def is_site_moderator(user: User) -> bool:
    scope = moderation_scope(user)
    return bool(scope and scope.is_site_wide)


def moderates_area(user: User, area_id: int) -> bool:
    scope = moderation_scope(user)
    return bool(scope and (scope.areas is None or area_id in scope.areas))


def moderates_board(user: User, board: Board) -> bool:
    return moderates_area(user, board.area_id)


def check_moderate_board(user: User, board: Board) -> None:
    """Raise 403 for an act on a board outside the user's moderation scope."""
    if not moderates_board(user, board):
        raise PermissionDenied(_("This is outside the boards you moderate."))


def check_site_moderator(user: User) -> None:
    if not is_site_moderator(user):
        raise PermissionDenied(_("Only site moderators may do this."))


def profile_of(user: User) -> Profile | None:
    if not is_member(user):
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def is_verified(user: User) -> bool:
    """A member a moderator (or the e-mail allow-list) has verified; moderators count too."""
    if not is_member(user):
        return False
    profile = profile_of(user)
    return bool((profile and profile.is_verified) or is_moderator(user))


def is_suspended(user: User) -> bool:
    profile = profile_of(user)
    return bool(profile and profile.is_suspended)


def may_post(user: User) -> bool:
    """Verified and not suspended: may write anything at all (where the board allows)."""
    return is_verified(user) and not is_suspended(user)


# --- Accounts -------------------------------------------------------------------------------

EDITOR_ACCESS = "wagtailadmin.access_admin"


def holds_a_role(user: User) -> bool:
    """Moderators (any scope, even one with no area yet), editors and reviewers (the Wagtail
    admin), staff and superusers."""
    return is_member(user) and (
        user.is_staff
        or user.is_superuser
        or is_moderator(user)
        or Moderator.objects.filter(user=user).exists()
        or user.has_perm(EDITOR_ACCESS)
    )


def can_delete_own_account(user: User) -> bool:
    """Members delete their own account; moderators, editors and staff ask an administrator."""
    # Their roles, and the decisions and pages that name them, are handed over first: closing
    # such an account is an administrator's act, not a self-service one.
    return is_member(user) and not holds_a_role(user)


def check_delete_own_account(user: User) -> None:
    if not can_delete_own_account(user):
        raise PermissionDenied(
            _(
                "Accounts of moderators, editors and administrators are closed by an "
                "administrator: please contact one."
            )
        )


def can_use_two_factor(user: User) -> bool:
    """Who may turn on two-step sign-in: every role above, and verified members (they read the
    members-only boards, which are worth protecting too). Pending members wait for verification."""
    return is_verified(user) or holds_a_role(user)


def must_use_two_factor(user: User) -> bool:
    """With REQUIRE_TWO_FACTOR_FOR_STAFF on, the roles that enrol before using their tools."""
    return bool(settings.REQUIRE_TWO_FACTOR_FOR_STAFF) and holds_a_role(user)


# --- Boards -------------------------------------------------------------------------------


def can_see_board(user: User, board: Board) -> bool:
    """May this user read the board and its threads?"""
    if board.visibility == Board.Visibility.PUBLIC or moderates_board(user, board):
        return True
    if not is_verified(user):
        return False
    if board.visibility == Board.Visibility.MEMBERS:
        return True
    return board.allowed_groups.filter(user=user).exists()


def check_see_board(user: User, board: Board) -> None:
    """Raise 404 (not 403) for a board the user may not read, so its existence stays hidden."""
    if not can_see_board(user, board):
        raise Http404


def visible_boards(user: User, boards: QuerySet[Board] | None = None) -> QuerySet[Board]:
    """The boards this user may read, as one query (no per-board check)."""
    boards = Board.objects.all() if boards is None else boards
    scope = moderation_scope(user)
    if scope and scope.is_site_wide:
        return boards
    readable = Q(visibility=Board.Visibility.PUBLIC)
    if scope:
        readable |= Q(area__in=scope.areas)
    if is_verified(user):
        in_allowed_group = Board.allowed_groups.through.objects.filter(group__user=user)
        readable |= Q(visibility=Board.Visibility.MEMBERS) | Q(
            visibility=Board.Visibility.GROUPS, pk__in=in_allowed_group.values("board_id")
        )
    return boards.filter(readable)


def can_list_board(user: User, board: Board) -> bool:
    """Is the board named to this user? Those they read, and members-only boards to everyone:
    a visitor learns that joining opens them. Group-restricted boards stay unseen."""
    return board.visibility == Board.Visibility.MEMBERS or can_see_board(user, board)


def listed_boards(user: User, boards: QuerySet[Board] | None = None) -> QuerySet[Board]:
    """The boards a listing names to this user (can_list_board), as one query."""
    boards = Board.objects.all() if boards is None else boards
    return visible_boards(user, boards) | boards.filter(visibility=Board.Visibility.MEMBERS)


def check_list_board(user: User, board: Board) -> None:
    """Raise 404 for a board the user may not even know of."""
    if not can_list_board(user, board):
        raise Http404


def readers_of_board(board: Board, user_ids: set[int]) -> set[int]:
    """Which of these users may read the board (for notifications): one query."""
    if not user_ids:
        return set()
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if board.visibility != Board.Visibility.PUBLIC:
        moderate = Permission.objects.filter(
            content_type__app_label="forum", codename="moderate"
        ).values("pk")
        moderator = (
            Q(is_superuser=True)
            | Q(user_permissions__in=moderate)
            | Q(groups__permissions__in=moderate)
            | Q(moderator_scope__areas=board.area_id)
        )
        verified = Q(profile__verification=Profile.Verification.VERIFIED)
        if board.visibility == Board.Visibility.GROUPS:
            verified &= Q(groups__in=board.allowed_groups.all())
        users = users.filter(moderator | verified)
    return set(users.values_list("pk", flat=True).distinct())


def readers_of_thread(thread: Thread, user_ids: set[int]) -> set[int]:
    """Which of these users may read the thread (for notifications): readers of its board,
    and of a held thread only its author and the board's moderators."""
    readers = readers_of_board(thread.board, user_ids)
    if not thread.held or not readers:
        return readers
    users = get_user_model().objects.filter(pk__in=readers)
    return {user.pk for user in users if can_see_thread(user, thread)}


def can_start_thread(user: User, board: Board) -> bool:
    return can_see_board(user, board) and may_post(user)


def _may_not_post(user: User) -> PermissionDenied:
    profile = profile_of(user)
    if profile and profile.is_suspended:
        return PermissionDenied(
            _("Your account is suspended until %(date)s: you can read but not post.")
            % {"date": formats.date_format(profile.suspended_until, "DATETIME_FORMAT")}
        )
    return PermissionDenied(_("You can post once a moderator has verified your membership."))


def check_start_thread(user: User, board: Board) -> None:
    check_see_board(user, board)
    if not can_start_thread(user, board):
        raise _may_not_post(user)


# --- Threads and posts --------------------------------------------------------------------


def can_see_thread(user: User, thread: Thread) -> bool:
    """A thread is read where its board is read; a held one (its opening post awaits review)
    only by its author and the board's moderators, on every surface: pages, streams, replay,
    search, history, notifications, export."""
    if not can_see_board(user, thread.board):
        return False
    if not thread.held:
        return True
    return (is_member(user) and thread.author_id == user.pk) or moderates_board(user, thread.board)


def check_see_thread(user: User, thread: Thread) -> None:
    """Raise 404 for a thread the user may not read: a held id is as absent as a missing one."""
    if not can_see_thread(user, thread):
        raise Http404


def readable_threads_q(user: User, prefix: str = "") -> Q:
    """The held-thread rule as a filter on threads (``prefix`` reaches them from another model,
    e.g. ``"thread__"``); the boards are filtered by the caller with visible_boards."""
    shown = Q(**{f"{prefix}held": False})
    scope = moderation_scope(user)
    if scope and scope.is_site_wide:
        return Q()
    if scope:
        shown |= Q(**{f"{prefix}board__area__in": scope.areas})
    if is_member(user):
        shown |= Q(**{f"{prefix}author_id": user.pk})
    return shown


def can_reply(user: User, thread: Thread) -> bool:
    if not (can_see_thread(user, thread) and may_post(user)):
        return False
    return not thread.is_locked or moderates_board(user, thread.board)


def check_reply(user: User, thread: Thread) -> None:
    check_see_thread(user, thread)
    if not can_reply(user, thread):
        if not may_post(user):
            raise _may_not_post(user)
        raise PermissionDenied(_("This thread is locked: no new replies."))


def can_see_post(user: User, post: Post) -> bool:
    if not can_see_thread(user, post.thread):
        return False
    if post.state in (Post.State.PUBLISHED, Post.State.DELETED):
        return True  # a deleted post shows as a placeholder, without its text
    if moderates_board(user, post.thread.board):
        return True
    # Authors see their own held and hidden posts, marked as such.
    return post.author_id == user.pk


def visible_posts(user: User, posts: QuerySet[Post], board: Board) -> QuerySet[Post]:
    """Posts in one board the user may read (the board itself is checked by the caller)."""
    if moderates_board(user, board):
        return posts
    shown = Q(state__in=[Post.State.PUBLISHED, Post.State.DELETED])
    if is_member(user):
        shown |= Q(state__in=[Post.State.PENDING, Post.State.HIDDEN], author_id=user.pk)
    return posts.filter(shown)


def check_see_post(user: User, post: Post) -> None:
    if not can_see_post(user, post):
        raise Http404


def _may_change_own(user: User, post: Post) -> bool:
    return (
        post.author_id == user.pk
        and may_post(user)
        and post.state != Post.State.DELETED
        and not post.thread.is_locked
        and can_see_thread(user, post.thread)
    )


def can_edit_post(user: User, post: Post) -> bool:
    """Authors edit their own posts while the thread is open; moderators edit any."""
    if not is_member(user):
        return False
    if moderates_board(user, post.thread.board):
        return post.state != Post.State.DELETED
    return _may_change_own(user, post)


def can_delete_post(user: User, post: Post) -> bool:
    return can_edit_post(user, post)


def check_edit_post(user: User, post: Post) -> None:
    check_see_post(user, post)
    if not can_edit_post(user, post):
        raise PermissionDenied


def check_delete_post(user: User, post: Post) -> None:
    check_see_post(user, post)
    if not can_delete_post(user, post):
        raise PermissionDenied


def can_see_history(user: User, post: Post) -> bool:
    return can_see_post(user, post) and not (
        post.is_deleted and not moderates_board(user, post.thread.board)
    )


def can_watch(user: User, board: Board) -> bool:
    return is_member(user) and can_see_board(user, board)


def can_flag(user: User, post: Post) -> bool:
    """Members flag published posts of others that they can read."""
    return (
        may_post(user)
        and post.author_id != user.pk
        and post.state == Post.State.PUBLISHED
        and can_see_thread(user, post.thread)
    )


def stream_access(user: User, stream) -> tuple[bool, int | None]:
    """May this user subscribe to the stream? Also the board it belongs to (or None)."""
    if stream.kind == "thread":
        thread = Thread.objects.select_related("board").filter(pk=stream.object_id).first()
        if thread is None:
            return False, None
        return can_see_thread(user, thread), thread.board_id
    if stream.kind == "board":
        board = Board.objects.filter(pk=stream.object_id).first()
        if board is None:
            return False, None
        return can_see_board(user, board), board.pk
    if stream.kind == "user":
        return is_member(user) and stream.object_id == user.pk, None
    return is_moderator(user), None


# --- Edit history -----------------------------------------------------------------------------


def can_see_redacted(user: User, post: Post) -> bool:
    """Text a moderator redacted from a post's history is read by the board's moderators only
    (the author too is shown that it was redacted, not what: a redaction is a moderation act)."""
    return moderates_board(user, post.thread.board)


def can_redact_history(user: User, post: Post) -> bool:
    """A moderator editing a post may redact its earlier versions."""
    return can_see_redacted(user, post)


def can_see_editor_names(user: User, post: Post) -> bool:
    """Which moderator edited a post is for the board's moderators; others read "a moderator"
    (as in notifications and the export). The author's own edits name the author."""
    return moderates_board(user, post.thread.board)


# --- Membership -------------------------------------------------------------------------------


def awaits_verification(user: User) -> bool:
    """A member who confirmed their address and waits for a site moderator's decision (the
    header tells them what happens next). Moderators never wait: they count as verified."""
    profile = profile_of(user)
    return bool(
        profile
        and profile.verification == Profile.Verification.PENDING
        and profile.deleted_at is None
        and not is_moderator(user)
    )
