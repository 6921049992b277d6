"""Fuzzing every form and query string of the site (issue 9, bad input): whatever is sent, the
answer is never a 500, and what was typed never comes back as live markup.

Hypothesis draws each field: a valid value (often carrying an HTML/Markdown attack with a
marker tag ``<x-fuzz-N>``), or garbage (control characters, NUL, unicode digits, huge numbers,
strings around the length limits, JSON-ish junk), a list instead of a scalar, or nothing; extra
fields; urlencoded or multipart. Every HTML page answered, and the pages that show what was
stored (thread, board, search, queues, log, profile), must not contain ``<x-fuzz`` raw (the
escaped ``&lt;x-fuzz`` is fine) nor a ``javascript:``/``data:`` link.

The inventory, one entry per case in ``CASES`` below (``test_every_route_that_takes_a_form_is
_fuzzed`` fails when a view that reads POST has no case):

| route | as | fields |
|---|---|---|
| login, wagtailcore_login | visitor | username, password |
| logout | member | (none) |
| forum:register | visitor | username, email, password1/2, display_name, country, ... |
| password_reset | visitor | email |
| password_reset_confirm | visitor | uidb64/token in the path; new_password1/2 |
| password_change | member | old_password, new_password1/2 |
| forum:profile | member | ProfileForm's fields (an upload for any file field) |
| forum:new_thread, forum:reply | member | title, body, language, files, attachments, check_* |
| forum:edit_post | author; moderator | body, language, files, attachments, seen_edit_count |
| forum:delete_post | author | (none) |
| forum:watch_board, forum:watch_thread, forum:follow_area | member | level (or watch) |
| forum:mute_member | member | username, mute |
| forum:bookmark_post | member | note, remind_at, remove |
| forum:edit_title | the thread's author | title, reason |
| forum:preview | member | body |
| forum:post_reactions | member | kind (JSON answer or page) |
| forum:accept_answer | the question's author | undo |
| forum:thread_draft, forum:board_draft | member | body, title, language, submission_token |
| forum:moderation_tags, forum:moderation_tag | site moderator | slug, name_<language> |
| forum:start_consultation | member | to, subject, body, language, submission_token |
| forum:consultation, forum:report_consultation | a participant | body, ...; reason |
| forum:leave_consultation | a participant | (none) |
| forum:unsubscribe | visitor (a mail client) | List-Unsubscribe; the token in the path |
| forum:flag_post | another member | reason, text |
| forum:hide_post, forum:restore_post | moderator | reason |
| forum:moderate_thread | moderator | act; toggle/move/merge/split fields |
| forum:moderation_review_post | moderator | decision in the path; reason |
| forum:moderation_decide | moderator | decision, reason |
| forum:moderation_member | moderator | act; warn/suspend/lift/picture fields |
| forum:notifications | member | (POST: mark all read; GET: page) |
| forum:delete_account | member | password |
| forum:two_factor_setup | member | start, code |
| forum:two_factor_backup_codes | enrolled member, session with or without a code | (none) |
| forum:two_factor_turn_off | enrolled member | password, code |
| forum:two_factor_code | visitor past the password step | code |
| forum:passkey_options, forum:passkey_add | enrolled member, with or without a code | (JSON) |
| forum:passkey_remove | member with a passkey | (none) |
| forum:passkey_sign_in_options, forum:passkey_sign_in | visitor past the password step | (JSON) |
| forum:resend_confirmation | visitor past the password of an unconfirmed account | (none) |
| wagtailcore/wagtaildocs_authenticate_with_password | visitor | password, return_url |
| GET forum:search | member | q, type, language, area, board, author, since, until, page |
| GET forum:board, forum:thread, forum:reply | member | lang, page, quote |
| GET forum:moderation_review, _verification, _log | moderator | filters, page, fragment |
| GET forum:audit_export | staff | since, until, format (a download when valid) |
| forum:legal_holds | staff | act=place: target, thread, board, member, reason; or lift |
| forum:retention | staff | area, board, action, months |
| forum:board_check | moderator | categories, reason |
| GET forum:confirm_email | visitor | token in the path |

Every other route (and these again) gets random query strings, form fields and path values
in ``test_every_route_survives_garbage``; raw byte bodies go to every form in
``test_raw_bodies_never_crash_a_form``. The CMS has no form pages (asserted below), and Django's
and Wagtail's admin sites, staff-only third-party tools, are left to their own test suites.
Strategies, checks and the route walk: tests/forum/fuzzing.py. Sockets:
tests/forum/test_fuzz_sockets.py. A longer hunt: ``FUZZ_SCALE=50 pytest tests/forum/test_fuzz_*``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import hypothesis
import pytest
from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from forum import forms as forum_forms
from forum import limits
from forum.search.forms import SearchForm
from forum.services.confidential import Rules
from forum.services.members import confirmation_token
from forum.services.moderation import hide_post
from tests.factories import pending_member, thread_with_posts, verified_member
from tests.forum.fuzzing import (
    JUNK,
    MISSING,
    PAYLOAD,
    Target,
    World,
    check,
    fill,
    form_strategy,
    path_value,
    reads_post,
    routes,
    send,
    serial,
)

pytestmark = pytest.mark.django_db

# Examples per case, sized so the module runs in about half a minute; FUZZ_SCALE=50 (say) for
# a long hunt.
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
FUZZ = hypothesis.settings(
    max_examples=round(6 * SCALE),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PASSWORD = "correct horse battery"  # tests/factories.py
NEW_PASSWORD = "Seven long words make a pass-phrase"

# --- The site the forms act on ---------------------------------------------------------------


@pytest.fixture
def world(boards, member, other_member, moderator, staff, settings, monkeypatch, tmp_path):
    # Rate limits would stop the fuzz at the door after a few examples (they have tests of
    # their own: tests/forum/test_abuse_limits.py).
    settings.RATELIMIT_ENABLE = False
    monkeypatch.setattr(limits, "FLAGS_PER_WINDOW", 10**6)
    settings.MEDIA_ROOT = tmp_path / "media"
    target = verified_member("target")
    thread = thread_with_posts(board=boards["public"], author=member, replies=2)
    other = thread_with_posts(board=boards["members"], author=other_member, title="Other thread")
    users = {
        "member": member,
        "other": other_member,
        "moderator": moderator,
        "target": target,
        "staff": staff,
    }
    return World(users=users, boards=boards, thread=thread, other_thread=other)


CASES: dict[str, tuple[str, Callable]] = {}  # case id: (route, build(world, draw) -> Target)


def case(route: str, label: str = ""):
    def register(build):
        CASES[f"{route} ({label})" if label else route] = (route, build)
        return build

    return register


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def combined(**parts: forms.Form) -> forms.Form:
    """One form with each part's fields under its prefix, as a page of several forms posts."""
    form = forms.Form()
    for prefix, part in parts.items():
        for name, part_field in part.fields.items():
            form.fields[f"{prefix}-{name}"] = part_field
    return form


def log_and_queue() -> list[tuple[str, str]]:
    return [
        ("moderator", url("forum:moderation_log")),
        ("moderator", url("forum:moderation_review")),
    ]


def sign_in(world, draw, route: str) -> Target:
    overrides = {
        "username": st.sampled_from(["member", "MEMBER", "target", "deleted"]),
        "password": st.just(PASSWORD),
    }
    return Target("visitor", url(route), AuthenticationForm(), overrides)


case("login")(lambda world, draw: sign_in(world, draw, "login"))
case("wagtailcore_login")(lambda world, draw: sign_in(world, draw, "wagtailcore_login"))


@case("logout")
def _logout(world, draw):
    return Target("member", url("logout"), forms.Form())


@case("forum:register")
def _register(world, draw):
    overrides = {
        "username": st.from_regex(r"[a-z][a-z0-9_]{2,12}", fullmatch=True),
        "password1": st.just(NEW_PASSWORD),
        "password2": st.just(NEW_PASSWORD),
    }
    form = forum_forms.RegistrationForm()
    shown = [("moderator", url("forum:moderation_verification"))]
    return Target("visitor", url("forum:register"), form, overrides, shown_on=shown)


@case("password_reset")
def _password_reset(world, draw):
    overrides = {"email": st.sampled_from(["member@example.org", "nobody@example.org"])}
    return Target("visitor", url("password_reset"), PasswordResetForm(), overrides)


@case("password_reset_confirm")
def _password_reset_confirm(world, draw):
    user = world.users["target"]
    uid = path_value(draw, urlsafe_base64_encode(force_bytes(user.pk)))
    token = path_value(draw, default_token_generator.make_token(user))

    def prime(client):  # the link from the e-mail puts the token in the session
        client.get(url("password_reset_confirm", "U", "T").replace("/U/T/", f"/{uid}/{token}/"))

    overrides = {"new_password1": st.just(NEW_PASSWORD), "new_password2": st.just(NEW_PASSWORD)}
    link = url("password_reset_confirm", "U", "set-password").replace("/U/", f"/{uid}/")
    return Target("visitor", link, SetPasswordForm(user), overrides, prime=prime)


@case("password_change")
def _password_change(world, draw):
    user = world.users["target"]
    user.set_password(PASSWORD)
    user.save()
    overrides = {
        "old_password": st.just(PASSWORD),
        "new_password1": st.just(NEW_PASSWORD),
        "new_password2": st.just(NEW_PASSWORD),
    }
    return Target("target", url("password_change"), PasswordChangeForm(user), overrides)


@case("forum:profile")
def _profile(world, draw):
    profile = world.users["member"].profile
    form = forum_forms.ProfileForm(instance=profile)
    shown = [
        ("member", url("forum:thread", world.thread.pk)),
        ("moderator", url("forum:moderation_member", profile.user_id)),
    ]
    return Target("member", url("forum:profile"), form, shown_on=shown)


# Files kept from an earlier try, by id: someone else's, none, garbage (forms/attachments.py).
ATTACHED = {
    "attachments": st.lists(
        st.sampled_from(["1", "2", "0", "-1", "99999999999999999999", "x", "\x00"]), max_size=6
    )
}


@case("forum:new_thread")
def _new_thread(world, draw):
    board = world.boards["public"]
    shown = [
        ("visitor", url("forum:board", board.area.slug, board.slug)),
        ("member", url("forum:home")),
        ("member", url("forum:search") + "?q=fuzz"),
    ]
    link = url("forum:new_thread", board.area.slug, board.slug)
    form = forum_forms.ThreadForm(check=Rules())  # the check's choice, reason and fingerprint
    return Target("member", link, form, ATTACHED, shown_on=shown)


@case("forum:reply")
def _reply(world, draw):
    shown = [
        ("member", url("forum:search") + "?q=fuzz+alert"),
        ("other", url("forum:notifications")),
    ]
    link = url("forum:reply", world.thread.pk)
    return Target("member", link, forum_forms.PostForm(check=Rules()), ATTACHED, shown_on=shown)


def _edit(world, draw, role: str, position: int) -> Target:
    post = world.thread.posts.get(position=position)
    overrides = {"seen_edit_count": st.sampled_from([str(post.edit_count), "0"]), **ATTACHED}
    check = None if role == "moderator" else Rules()
    form = forum_forms.EditPostForm(moderator_edit=role == "moderator", check=check)
    shown = [(role, url("forum:post_history", post.pk)), *log_and_queue()]
    return Target(role, url("forum:edit_post", post.pk), form, overrides, shown_on=shown)


case("forum:edit_post", "by its author")(lambda world, draw: _edit(world, draw, "member", 2))
case("forum:edit_post", "by a moderator")(lambda world, draw: _edit(world, draw, "moderator", 3))


@case("forum:delete_post")
def _delete(world, draw):
    return Target("member", url("forum:delete_post", world.reply().pk), forms.Form())


LEVELS = {
    "watch": st.sampled_from(["0", "1"]),
    "level": st.sampled_from(["0", "1", "2", "3", "4", "-1", "", "x"]),
}


@case("forum:watch_board")
def _watch_board(world, draw):
    board = world.boards["members"]
    link = url("forum:watch_board", board.area.slug, board.slug)
    return Target("member", link, forms.Form(), LEVELS)


@case("forum:watch_thread")
def _watch_thread(world, draw):
    return Target("member", url("forum:watch_thread", world.thread.pk), forms.Form(), LEVELS)


@case("forum:follow_area")
def _follow_area(world, draw):
    link = url("forum:follow_area", world.boards["members"].area.slug)
    return Target("member", link, forms.Form(), LEVELS)


@case("forum:bookmark_post")
def _bookmark_post(world, draw):
    from forum.views.bookmarks import BookmarkForm

    overrides = {"remove": st.sampled_from(["", "1", "x"])}
    return Target("member", url("forum:bookmark_post", world.reply().pk), BookmarkForm(), overrides)


@case("forum:preview")
def _preview(world, draw):
    from forum.views.preview import PreviewForm

    return Target("member", url("forum:preview"), PreviewForm())


@case("forum:post_reactions")
def _post_reactions(world, draw):
    from forum.views.reactions import ReactionForm

    overrides = {"kind": st.one_of(st.sampled_from(["helpful", "thanks", "agree"]), JUNK)}
    post = world.reply("other")  # not their own: a reaction is taken
    return Target("member", url("forum:post_reactions", post.pk), ReactionForm(), overrides)


@case("forum:accept_answer")
def _accept_answer(world, draw):
    world.thread.is_question = True
    world.thread.save(update_fields=["is_question"])
    post = world.reply("other")
    overrides = {"undo": st.one_of(st.sampled_from(["", "1"]), JUNK)}
    return Target("member", url("forum:accept_answer", post.pk), forms.Form(), overrides)


@case("forum:thread_draft")
def _thread_draft(world, draw):
    from forum.views.drafts import DraftForm

    return Target("member", url("forum:thread_draft", world.thread.pk), DraftForm())


@case("forum:board_draft")
def _board_draft(world, draw):
    from forum.views.drafts import DraftForm

    board = world.boards["public"]
    return Target("member", url("forum:board_draft", board.area.slug, board.slug), DraftForm())


@case("forum:moderation_tags")
def _moderation_tags(world, draw):
    from forum.views.tags import TagForm

    return Target("moderator", url("forum:moderation_tags"), TagForm())


@case("forum:moderation_tag")
def _moderation_tag(world, draw):
    from forum.models import Tag
    from forum.views.tags import TagForm

    tag, _created = Tag.objects.get_or_create(slug="fuzzed", defaults={"name_en": "Fuzzed"})
    return Target("moderator", url("forum:moderation_tag", tag.pk), TagForm())


def _consultation(world):
    from forum.services.consultations import start_consultation

    return start_consultation(
        author=world.users["other"], recipients=["member"], subject="Fuzzed", body="A question."
    )


@case("forum:start_consultation")
def _start_consultation(world, draw):
    from forum.views.consultations import ConsultationForm

    overrides = {
        "to": st.one_of(st.sampled_from(["@other", "@target, @other", "@member"]), JUNK),
        **ATTACHED,
    }
    return Target("member", url("forum:start_consultation"), ConsultationForm(), overrides)


@case("forum:consultation")
def _write_in_consultation(world, draw):
    link = url("forum:consultation", _consultation(world).pk)
    return Target("member", link, forum_forms.PostForm(), ATTACHED)


@case("forum:report_consultation")
def _report_consultation(world, draw):
    from forum.views.consultations import ReportForm

    link = url("forum:report_consultation", _consultation(world).pk)
    return Target("member", link, ReportForm())


@case("forum:leave_consultation")
def _leave_consultation(world, draw):
    link = url("forum:leave_consultation", _consultation(world).pk)
    return Target("member", link, forms.Form())


@case("forum:edit_title")
def _edit_title(world, draw):
    from forum.views.threads import TitleForm

    return Target("member", url("forum:edit_title", world.thread.pk), TitleForm(check=Rules()))


@case("forum:unsubscribe")
def _unsubscribe(world, draw):
    from forum.mailing import unsubscribe_token

    token = draw(st.sampled_from(["valid", "garbage", ""]))
    if token == "valid":
        token = unsubscribe_token(world.users["target"].pk, "notifications")
    overrides = {"List-Unsubscribe": st.sampled_from(["One-Click", "", "x"])}
    return Target("visitor", f"/en/unsubscribe/{token or 'x'}/", forms.Form(), overrides)


@case("forum:mute_member")
def _mute_member(world, draw):
    overrides = {
        "username": st.sampled_from(["moderator", "member", "nobody-here", "", "MODERATOR"]),
        "mute": st.sampled_from(["0", "1", ""]),
    }
    return Target("member", url("forum:mute_member"), forms.Form(), overrides)


@case("forum:flag_post")
def _flag(world, draw):
    link = url("forum:flag_post", world.reply().pk)
    return Target("other", link, forum_forms.FlagForm(), shown_on=log_and_queue())


@case("forum:hide_post")
def _hide(world, draw):
    shown = [
        ("moderator", url("forum:thread", world.thread.pk)),
        ("member", url("forum:notifications")),
        *log_and_queue(),
    ]
    link = url("forum:hide_post", world.reply().pk)
    return Target("moderator", link, forum_forms.ReasonForm(), shown_on=shown)


@case("forum:restore_post")
def _restore(world, draw):
    post = world.reply()
    hide_post(actor=world.users["moderator"], post=post, reason="Hidden to be restored")
    link = url("forum:restore_post", post.pk)
    return Target("moderator", link, forum_forms.ReasonForm(), shown_on=log_and_queue())


@case("forum:moderate_thread")
def _thread_tools(world, draw):
    thread = thread_with_posts(  # a text of its own: the same again finds the first thread
        board=world.boards["public"],
        author=world.users["member"],
        replies=2,
        body=f"Thread number {next(serial)}",
    )
    form = combined(
        toggle=forum_forms.ReasonForm(),
        move=forum_forms.MoveForm(boards=[world.boards["members"], world.boards["groups"]]),
        merge=forum_forms.MergeForm(),
        split=forum_forms.SplitForm(replies=list(thread.posts.filter(position__gt=1))),
    )
    overrides = {
        "act": st.sampled_from(["lock", "unlock", "pin", "unpin", "move", "merge", "split"]),
        "merge-target": st.sampled_from([str(world.other_thread.pk), str(thread.pk)]),
    }
    board = world.boards["public"]
    shown = [("moderator", url("forum:board", board.area.slug, board.slug)), *log_and_queue()]
    link = url("forum:moderate_thread", thread.pk)
    return Target("moderator", link, form, overrides, shown_on=shown)


@case("forum:moderation_review_post")
def _review_post(world, draw):
    post = world.reply()
    decision = path_value(draw, "approve", "reject")
    link = url("forum:moderation_review_post", post.pk, "D").replace("/D/", f"/{decision}/")
    form = forum_forms.OptionalReasonForm()
    return Target("moderator", link, form, shown_on=log_and_queue())


@case("forum:moderation_decide")
def _decide(world, draw):
    applicant = pending_member(f"applicant{next(serial)}")
    form = forum_forms.MembershipDecisionForm()
    shown = [("moderator", url("forum:moderation_verification")), *log_and_queue()]
    link = url("forum:moderation_decide", applicant.pk)
    return Target("moderator", link, form, shown_on=shown)


@case("forum:moderation_member")
def _member_tools(world, draw):
    reason = forum_forms.ReasonForm()
    form = combined(warn=reason, suspend=forum_forms.SuspendForm(), lift=reason, picture=reason)
    overrides = {"act": st.sampled_from(["warn", "suspend", "lift", "picture"])}
    target = world.users["target"]
    shown = [
        ("target", url("forum:notifications")),
        ("target", url("forum:home")),
        ("moderator", url("forum:moderation_member", target.pk)),
        *log_and_queue(),
    ]
    link = url("forum:moderation_member", target.pk)
    return Target("moderator", link, form, overrides, shown_on=shown)


@case("forum:notifications")
def _notifications(world, draw):
    return Target("member", url("forum:notifications"), forms.Form())


@case("forum:delete_account")
def _delete_account(world, draw):
    world.users["leaving"] = user = verified_member(f"leaving{next(serial)}")
    overrides = {"password": st.sampled_from([PASSWORD, "wrong"])}
    form = forum_forms.DeleteAccountForm(user)
    return Target("leaving", url("forum:delete_account"), form, overrides)


def _restricted(world, draw, kind: str) -> Target:
    """Wagtail's password form for a restricted page or document collection."""
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

    form = forms.Form()
    form.fields["password"] = forms.CharField()
    form.fields["return_url"] = forms.CharField()
    overrides = {
        "password": st.sampled_from(["open sesame", "wrong"]),
        "return_url": st.sampled_from(
            ["/en/", "javascript:alert(1)", "//evil.example/", "https://evil.example/"]
        ),
    }
    secret = {"restriction_type": "password", "password": "open sesame"}
    if kind == "page":
        page = Page.objects.filter(depth=2).first()
        restriction = PageViewRestriction.objects.create(page=page, **secret)
        link = url("wagtailcore_authenticate_with_password", restriction.pk, page.pk)
    else:
        root = Collection.get_first_root_node()
        restriction = CollectionViewRestriction.objects.create(collection=root, **secret)
        link = url("wagtaildocs_authenticate_with_password", restriction.pk)
    return Target("visitor", link, form, overrides)


case("wagtailcore_authenticate_with_password")(lambda w, d: _restricted(w, d, "page"))
case("wagtaildocs_authenticate_with_password")(lambda w, d: _restricted(w, d, "document"))


# --- Two-step sign-in (forum/views/two_factor.py) ---------------------------------------------


def _code(device) -> str:
    """The code an authenticator app shows now (tests/forum/test_two_factor.py computes it so)."""
    from django_otp.oath import TOTP

    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def _enrolled(name: str):
    """A member with two-step sign-in on: their app and their backup codes."""
    from forum.services import two_factor

    user = verified_member(f"{name}{next(serial)}")
    device = two_factor.start_enrolment(user=user)
    _check, backup = two_factor.confirm_enrolment(user=user, code=f"{_code(device):06d}")
    device.refresh_from_db()
    return user, device, backup


def _codes(device, backup: list[str]) -> st.SearchStrategy:
    return st.sampled_from([f"{_code(device):06d}", backup[0], "000000", backup[0].upper()])


def _verified_session(client, device) -> None:
    """The session gave a code: what signing in with one leaves in it."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@case("forum:two_factor_setup")
def _two_factor_setup(world, draw):
    from forum.services import two_factor
    from forum.views.two_factor import CodeForm

    world.users["enrolling"] = user = verified_member(f"enrolling{next(serial)}")
    overrides = {"start": st.sampled_from([MISSING, MISSING, "1"])}
    if draw(st.booleans(), label="started"):
        device = two_factor.start_enrolment(user=user)
        overrides["code"] = st.sampled_from([f"{_code(device):06d}", "000000"])
    form = CodeForm(backup_codes=False)
    return Target("enrolling", url("forum:two_factor_setup"), form, overrides)


def _enrolled_post(world, draw, name: str) -> Target:
    """A bare POST by a member with two-step sign-in on, from a session that gave its code or
    not (the pages that ask for one)."""
    world.users["enrolled"], device, _backup = _enrolled("enrolled")
    verified = draw(st.booleans(), label="verified session")
    prime = (lambda client: _verified_session(client, device)) if verified else None
    return Target("enrolled", url(name), forms.Form(), prime=prime)


@case("forum:two_factor_backup_codes")
def _two_factor_backup_codes(world, draw):
    return _enrolled_post(world, draw, "forum:two_factor_backup_codes")


@case("forum:two_factor_turn_off")
def _two_factor_turn_off(world, draw):
    from forum.views.two_factor import TurnOffForm

    world.users["enrolled"], device, backup = _enrolled("enrolled")
    overrides = {"password": st.sampled_from([PASSWORD, "wrong"]), "code": _codes(device, backup)}
    form = TurnOffForm(world.users["enrolled"])
    return Target("enrolled", url("forum:two_factor_turn_off"), form, overrides)


@case("forum:two_factor_code")
def _two_factor_code(world, draw):
    from forum.views.two_factor import CodeForm

    user, device, backup = _enrolled("signing")

    def prime(client):  # the password step, which leaves the code step pending
        client.post(url("login"), {"username": user.get_username(), "password": PASSWORD})

    form = CodeForm(backup_codes=True)
    overrides = {"code": _codes(device, backup)}
    return Target("visitor", url("forum:two_factor_code"), form, overrides, prime=prime)


# Passkeys (forum/views/passkeys.py): their answers are JSON bodies, so form fields and the raw
# bodies of test_raw_bodies_never_crash_a_form are both garbage to them: refused, never a 500.
def _answer_form() -> forms.Form:
    form = forms.Form()
    form.fields["id"] = forms.CharField()
    form.fields["response"] = forms.CharField()
    return form


@case("forum:passkey_options")
def _passkey_options(world, draw):
    return _enrolled_post(world, draw, "forum:passkey_options")


@case("forum:passkey_add")
def _passkey_add(world, draw):
    world.users["enrolled"], device, _backup = _enrolled("enrolled")

    def prime(client):  # a verified session with a challenge waiting
        _verified_session(client, device)
        client.post(url("forum:passkey_options"))

    return Target("enrolled", url("forum:passkey_add"), _answer_form(), prime=prime)


@case("forum:passkey_remove")
def _passkey_remove(world, draw):
    from forum.models import Passkey

    user = verified_member(f"keyholder{next(serial)}")
    world.users["keyholder"] = user
    key = Passkey.objects.create(user=user, name="k", credential_id=f"c{next(serial)}")
    link = url("forum:passkey_remove", key.pk)
    return Target("keyholder", link, forms.Form())


def _passkey_sign_in(world, draw, name: str) -> Target:
    from forum.models import Passkey

    user, _device, _backup = _enrolled("signing")
    Passkey.objects.create(user=user, name="k", credential_id=f"c{next(serial)}", public_key=b"x")

    def prime(client):  # the password step, and for the answer its challenge
        client.post(url("login"), {"username": user.get_username(), "password": PASSWORD})
        client.post(url("forum:passkey_sign_in_options"))

    return Target("visitor", url(name), _answer_form(), prime=prime)


case("forum:passkey_sign_in_options")(
    lambda w, d: _passkey_sign_in(w, d, "forum:passkey_sign_in_options")
)
case("forum:passkey_sign_in")(lambda w, d: _passkey_sign_in(w, d, "forum:passkey_sign_in"))


@case("forum:resend_confirmation")
def _resend_confirmation(world, draw):
    user = pending_member("unconfirmed", email="unconfirmed@example.org", is_active=False)

    def prime(client):  # the right password of an account never confirmed
        client.post(url("login"), {"username": user.get_username(), "password": PASSWORD})

    form = forum_forms.ResendConfirmationForm()
    return Target("visitor", url("forum:resend_confirmation"), form, prime=prime)


# --- Query strings ---------------------------------------------------------------------------

PAGE = {"page": st.integers(-3, 10**20).map(str)}


def query_form(**fields: forms.Field) -> forms.Form:
    form = forms.Form()
    form.fields.update(fields)
    return form


@case("forum:search", "GET")
def _search(world, draw):
    form = SearchForm(user=world.users["member"])
    words = st.sampled_from(["fuzz", "reply", '"x-fuzz"', "-reply fuzz", "alert"])
    overrides = {**PAGE, "q": st.one_of(PAYLOAD, words)}
    return Target("member", url("forum:search"), form, overrides, method="GET")


@case("forum:board", "GET")
def _board(world, draw):
    board = world.boards["public"]
    form = query_form(lang=forms.ChoiceField(choices=[("en", "en"), ("es", "es")]))
    link = url("forum:board", board.area.slug, board.slug)
    return Target(draw(st.sampled_from(["visitor", "member"])), link, form, PAGE, method="GET")


@case("forum:thread", "GET")
def _thread(world, draw):
    role = draw(st.sampled_from(["visitor", "member"]))
    return Target(role, url("forum:thread", world.thread.pk), forms.Form(), PAGE, method="GET")


@case("forum:reply", "GET, quoting")
def _quote(world, draw):
    posts = [str(pk) for pk in world.thread.posts.values_list("pk", flat=True)]
    form = query_form(quote=forms.ChoiceField(choices=[(pk, pk) for pk in posts]))
    link = url("forum:reply", world.thread.pk)
    return Target("member", link, form, method="GET")


@case("forum:moderation_review", "GET")
def _review(world, draw):
    area = str(world.thread.board.area_id)
    form = query_form(
        language=forms.ChoiceField(choices=[("en", "en"), ("es", "es")]),
        area=forms.ChoiceField(choices=[(area, area)]),
        fragment=forms.ChoiceField(choices=[("1", "1")]),
    )
    return Target("moderator", url("forum:moderation_review"), form, PAGE, method="GET")


@case("forum:moderation_verification", "GET")
def _verification(world, draw):
    form = query_form(fragment=forms.ChoiceField(choices=[("1", "1")]))
    return Target("moderator", url("forum:moderation_verification"), form, PAGE, method="GET")


@case("forum:legal_holds", "placing")
def _place_hold(world, draw):
    from forum.views.holds import PlaceHoldForm

    overrides = {
        "act": st.just("place"),
        "thread": st.sampled_from([str(world.thread.pk), "0", "-3", "99999999999999999999"]),
        "member": st.sampled_from(["member", "@target", "nobody", ""]),
    }
    return Target("staff", url("forum:legal_holds"), PlaceHoldForm(), overrides)


@case("forum:legal_holds", "lifting")
def _lift_hold(world, draw):
    from forum.services.holds import place_hold
    from forum.views.holds import LiftHoldForm

    hold = place_hold(actor=world.users["staff"], thread=world.thread, reason="Fuzzed hold")
    overrides = {"act": st.just("lift"), "hold": st.sampled_from([str(hold.pk), "0", "x"])}
    return Target("staff", url("forum:legal_holds"), LiftHoldForm(), overrides)


@case("forum:board_check")
def _board_check(world, draw):
    from forum.views.confidential import BoardCheckForm

    board = world.boards["public"]
    link = url("forum:board_check", board.area.slug, board.slug)
    return Target("moderator", link, BoardCheckForm())


@case("forum:retention")
def _retention(world, draw):
    from forum.views.retention import PolicyForm

    overrides = {"months": st.sampled_from(["1", "0", "1200", "1201", "-5", "9" * 25, ""])}
    return Target("staff", url("forum:retention"), PolicyForm(), overrides)


@case("forum:audit_export", "GET")
def _audit_export(world, draw):
    from forum.views.audit import ExportForm

    return Target("staff", url("forum:audit_export"), ExportForm(), method="GET")


@case("forum:moderation_log", "GET")
def _log(world, draw):
    overrides = {**PAGE, "moderator": st.just("moderator")}
    form = forum_forms.AuditFilterForm()
    return Target("moderator", url("forum:moderation_log"), form, overrides, method="GET")


@case("forum:notifications", "GET")
def _notification_page(world, draw):
    return Target("member", url("forum:notifications"), forms.Form(), PAGE, method="GET")


@case("forum:confirm_email", "GET")
def _confirm(world, draw):
    applicant = pending_member(f"confirming{next(serial)}")
    applicant.is_active = False
    applicant.save()
    token = path_value(draw, confirmation_token(applicant))
    link = url("forum:confirm_email", "T").replace("/T/", f"/{token}/")
    return Target("visitor", link, forms.Form(), method="GET")


# --- The tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_form_answers_500_or_echoes_markup(
    world, name, django_capture_on_commit_callbacks, run_tasks
):
    _route, build = CASES[name]
    shown = set()

    @FUZZ
    @given(data=st.data())
    def submit(data):
        target = build(world, data.draw)
        values = data.draw(form_strategy(target.form, target.overrides), label="fields")
        encoding = data.draw(st.sampled_from(["multipart", "urlencoded"]), label="encoding")
        client = world.client(target.role)
        if target.prime:
            target.prime(client)

        with django_capture_on_commit_callbacks(execute=True):  # index, notify, mail: as live
            response = send(client, target.method, target.url, values, encoding=encoding)
        run_tasks()  # what the worker would do next; a task that failed is a finding too
        failed = DBTaskResult.objects.exclude(exception_class_path="")
        assert not failed.exists(), [(t.task_path, t.traceback[-500:]) for t in failed]

        check(response)
        if target.method == "POST" and response.redirect_chain:  # accepted
            shown.update(target.shown_on)

    submit()
    # What was accepted, where it is shown: once at the end, with everything stored so far.
    for role, page in sorted(shown):
        check(world.client(role).get(page))


# --- Every route, garbage in -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "pattern"), [route[:2] for route in routes()])
def test_every_route_survives_garbage(world, name, pattern):
    @hypothesis.settings(FUZZ, max_examples=round(3 * SCALE))
    @given(data=st.data())
    def request(data):
        link = fill(pattern, name, data.draw)
        client = world.client(data.draw(st.sampled_from(["visitor", "member", "moderator"])))
        values = data.draw(st.dictionaries(st.sampled_from(FIELD_NAMES), JUNK, max_size=4))
        method = data.draw(st.sampled_from(["GET", "POST"]))
        check(send(client, method, link, values, encoding="multipart"))

    request()


FIELD_NAMES = [
    "body", "title", "reason", "text", "act", "q", "page", "lang", "quote", "watch", "level",
    "username", "mute", "note", "remind_at", "remove", "List-Unsubscribe", "kind", "undo",
    "status", "submission_token", "to", "subject",
    "password", "username", "email", "next", "decision", "target", "board", "fragment",
]  # fmt: skip

CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=nonsense",
    "multipart/form-data; boundary=fuzz",
    "multipart/form-data",
    "application/json",
    "text/plain",
]


@pytest.mark.parametrize("name", sorted(n for n, (r, b) in CASES.items() if "GET" not in n))
def test_raw_bodies_never_crash_a_form(world, name):
    _route, build = CASES[name]

    @hypothesis.settings(FUZZ, max_examples=round(2 * SCALE))
    @given(data=st.data())
    def post(data):
        target = build(world, data.draw)
        body = data.draw(
            st.one_of(
                st.binary(max_size=300),
                st.just(b'--fuzz\r\nContent-Disposition: form-data; name="body"\r\n\r\n\xff\xfe'),
                st.just(b"body=%FF%FE%00&body=<x-fuzz-5>&title=%C0%AF"),
            )
        )
        client = world.client(target.role)
        content_type = data.draw(st.sampled_from(CONTENT_TYPES))
        # generic(): the bytes as they are (post() would encode them to the charset first)
        check(client.generic("POST", target.url, body, content_type=content_type))

    post()


def test_every_route_that_takes_a_form_is_fuzzed():
    fuzzed = {route for route, _build in CASES.values()}
    unfuzzed = sorted(
        name for name, _p, view in routes() if reads_post(view) and name not in fuzzed
    )
    assert unfuzzed == [], "add a case to CASES in this module for each of these"


def test_the_cms_has_no_form_pages():
    # Wagtail's catch-all serve view reads no form itself; a form page type would, unfuzzed.
    from wagtail.contrib.forms.models import AbstractForm
    from wagtail.models import get_page_models

    assert [model for model in get_page_models() if issubclass(model, AbstractForm)] == []
