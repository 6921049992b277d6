"""The demo forum's conversations, written through the forum's services (for seed_demo).

The content is in cms/demo_content/conversations_*.py, written as a script rather than nested
dataclass calls, so that some 130 posts fit in a module of reasonable length. ``@@ area``
starts the conversations of a program area; ``=== board author language [pinned] [locked] |
title`` starts a conversation (a long title may go on the next line) and its first post
follows; ``[author language]`` starts a reply, with ``q<n>`` (it quotes post n, 0 being the
first) and ``held`` after the language where needed; ``[edit]`` gives the text the reply was
then edited to, and ``[flag member reason] text`` a member's open flag on it. A line break
inside Chinese text stands for no space.

Each conversation becomes a thread the way members write one (start_thread, post_reply,
edit_post, flag_post, and a moderator's pin_thread / lock_thread); then its dates are moved
into the last two months, so the lists look like a forum used for a while.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import chain, zip_longest

from django.conf.locale import LANG_INFO
from django.contrib.auth import get_user_model
from django.db.models import Case, DateTimeField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.demo_content.conversation import Conversation, Reply, Voice
from forum import markup
from forum.models import Board, Post, PostRevision, Profile, Reaction, Thread
from forum.models.members import public_name
from forum.realtime.events import stored_only
from forum.services.answers import accept_answer
from forum.services.moderation import flag_post, lock_thread, pin_thread
from forum.services.posting import edit_post, post_reply, start_thread
from forum.services.reactions import toggle_reaction

# The first conversation starts this long ago; the last one a few days before the seeding.
SPREAD = timedelta(days=60)
NEWEST = timedelta(days=4)
REPLY_GAP = timedelta(hours=5)  # between two posts of one conversation
EDIT_DELAY = timedelta(minutes=40)  # an edit comes this long after the post


TAG = re.compile(r"^\[([a-z_]+(?: [a-z0-9_-]+)*)\] ?", re.MULTILINE)
WRAPPED_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])")


def _text(lines: str) -> str:
    return WRAPPED_CJK.sub("", lines.strip())


def _reply(tag: str, text: str) -> Reply:
    author, language, *marks = tag.split()
    quoted = [int(mark[1:]) for mark in marks if mark.startswith("q")]
    return Reply(author, language, text, quotes=quoted[0] if quoted else None, held="held" in marks)


def parse_script(script: str) -> list[Conversation]:
    """The conversations a script (the format above) describes."""
    return [
        _conversation(area, block)
        for section in script.split("\n@@ ")[1:]
        for area, *blocks in [section.split("\n=== ")]
        for block in blocks
    ]


def _conversation(area: str, block: str) -> Conversation:
    head, _, rest = block.partition("\n")
    where, _, title = head.partition(" |")
    if not title.strip():
        title, _, rest = rest.partition("\n")
    board, author, language, *marks = where.split()
    body, *tagged = TAG.split(rest)
    replies: list[Reply] = []
    for tag, text in zip(tagged[::2], tagged[1::2], strict=True):
        if tag == "edit":
            replies[-1] = replace(replies[-1], edited_to=_text(text))
        elif tag.startswith("flag "):
            _flag, member, reason = tag.split()
            flags = (*replies[-1].flags, (member, reason, _text(text)))
            replies[-1] = replace(replies[-1], flags=flags)
        else:
            replies.append(_reply(tag, _text(text)))
    return Conversation(
        area.strip(),
        board,
        author,
        language,
        title.strip(),
        _text(body),
        tuple(replies),
        pinned="pinned" in marks,
        locked="locked" in marks,
    )


def parse_voices(table: str) -> list[Voice]:
    """``username | display name | organization | country | languages``, a voice a line."""
    rows = (line.split(" | ") for line in table.strip().splitlines())
    return [
        Voice(user, name, org, land, tuple(codes.split())) for user, name, org, land, codes in rows
    ]


def _parts() -> list:
    # Imported here: the content modules use the parser above.
    from cms.demo_content import conversations_1, conversations_2

    return [conversations_1, conversations_2]


def _voices() -> list[Voice]:
    return [voice for part in _parts() for voice in part.VOICES]


def _conversations() -> list[Conversation]:
    """Both files' conversations, taken in turn, so neither half of the areas looks older."""
    pairs = zip_longest(*(part.CONVERSATIONS for part in _parts()))
    return [c for c in chain.from_iterable(pairs) if c is not None]


def _language_names(codes: Iterable[str]) -> str:
    """Profile.languages is free text ("English, Spanish"): the names, in English."""
    return ", ".join(LANG_INFO.get(code, {}).get("name", code) for code in codes)


# The demo's members, in turn (issue 23's directory filters by role): most are prosecutors.
ROLES = [
    Profile.Role.PROSECUTOR,
    Profile.Role.PROSECUTOR,
    Profile.Role.JUDGE,
    Profile.Role.PROSECUTOR,
    Profile.Role.ACADEMIC,
    Profile.Role.FIELD_EXPERT,
    Profile.Role.DEFENCE,
]
# What the demo's members show on their profiles: enough for the directory's every filter.
SHOWN = ["country", "expertise", "languages", "organization", "professional_role"]


def seed_voices(voices: Sequence[Voice]) -> None:
    """Each voice as a verified member who signs in with no known password, listed in the
    expert directory."""
    User = get_user_model()
    for index, voice in enumerate(voices):
        user, created = User.objects.get_or_create(
            username=voice.username, defaults={"email": f"{voice.username}@example.org"}
        )
        if not created:
            continue
        user.set_unusable_password()
        user.save(update_fields=["password"])
        Profile.objects.create(
            user=user,
            display_name=voice.display_name,
            organization=voice.organization,
            country=voice.country,
            languages=_language_names(voice.languages),
            verification=Profile.Verification.VERIFIED,
            professional_role=ROLES[index % len(ROLES)],
            shown_on_profile=SHOWN,
            in_directory=True,
        )


def seed_conversations() -> int:
    """Write every demo conversation whose thread (board and title) is not there yet."""
    seed_voices(_voices())
    conversations = _conversations()
    User = get_user_model()
    names = {c.author for c in conversations} | {r.author for c in conversations for r in c.replies}
    users = {u.username: u for u in User.objects.filter(username__in=names | {"moderator"})}
    boards = {(b.area.slug, b.slug): b for b in Board.objects.select_related("area")}
    first = timezone.now() - SPREAD
    step = (SPREAD - NEWEST) / max(len(conversations) - 1, 1)
    created = 0
    for index, conversation in enumerate(conversations):
        board = boards[(conversation.area, conversation.board)]
        if Thread.objects.filter(board=board, title=conversation.title).exists():
            continue
        # Stored, not broadcast: a thousand live sends (each a relay row on the embedded
        # default) for pages nobody has open; open pages catch up from the table.
        with stored_only():
            _write(conversation, board, users, start=first + index * step)
        created += 1
    return created


def _write(conversation: Conversation, board: Board, users: dict, *, start: datetime) -> None:
    groups = list(board.allowed_groups.all())
    if groups:  # a closed board: its writers belong to its group
        for name in {conversation.author, *(r.author for r in conversation.replies)}:
            users[name].groups.add(*groups)
    opening = start_thread(
        author=users[conversation.author],
        board=board,
        title=conversation.title,
        body=conversation.body,
        language=conversation.language,
        is_question=conversation.title.rstrip().endswith(("?", "\uff1f", "\u061f")),
    )
    thread = opening.thread
    posts = [opening]
    for reply in conversation.replies:
        body = reply.body
        if reply.quotes is not None:
            quoted = posts[reply.quotes]
            body = (
                markup.quote(
                    author_name=public_name(quoted.author),
                    post_id=quoted.pk,
                    source=quoted.body_source,
                )
                + body
            )
        author = users[reply.author]
        if reply.held:  # on probation for this one post: it waits for a moderator
            _probation(author.profile, True)
        try:
            post = post_reply(author=author, thread=thread, body=body, language=reply.language)
        finally:
            if reply.held:
                _probation(author.profile, False)
        if reply.edited_to is not None:
            post = edit_post(
                editor=author, post=post, body=reply.edited_to, language=reply.language
            )
        posts.append(post)
    for post, reply in zip(posts[1:], conversation.replies, strict=True):
        for flagger, reason, text in reply.flags:
            flag_post(flagger=users[flagger], post=post, reason=reason, text=text)
    _react_and_answer(thread, posts, users[conversation.author])
    moderator = users["moderator"]
    if conversation.pinned:
        pin_thread(actor=moderator, thread=thread, reason=_("A thread every member should read."))
    if conversation.locked:
        lock_thread(actor=moderator, thread=thread, reason=_("Answered; the thread is closed."))
    _backdate(thread, posts, start)


def _react_and_answer(thread: Thread, posts: list[Post], asker) -> None:
    """The asker finds the first reply by someone else helpful, and accepts it as the answer
    of a question; its author's profile lists the board's program area as their expertise."""
    replies = Post.objects.filter(pk__in=[p.pk for p in posts[1:]], state=Post.State.PUBLISHED)
    answer = replies.exclude(author=asker).order_by("position").select_related("author").first()
    if answer is None:
        return
    toggle_reaction(user=asker, post=answer, kind=Reaction.Kind.HELPFUL)
    if thread.is_question:
        accept_answer(actor=asker, post=answer)
    profile = answer.author.profile
    profile.expertise.add(thread.board.area_id)


def _probation(profile: Profile, on: bool) -> None:
    profile.on_probation = on
    profile.save(update_fields=["on_probation"])


def _backdate(thread: Thread, posts: list[Post], start: datetime) -> None:
    """Move the conversation's dates to ``start`` onwards, one post every REPLY_GAP."""
    moments = {post.pk: start + n * REPLY_GAP for n, post in enumerate(posts)}

    def by_post(field: str, shift: timedelta = timedelta()) -> Case:
        whens = [When(**{field: pk}, then=Value(at + shift)) for pk, at in moments.items()]
        return Case(*whens, output_field=DateTimeField())

    Post.objects.filter(pk__in=moments).update(created_at=by_post("pk"))
    edited = Post.objects.filter(pk__in=moments, edit_count__gt=0)
    edited.update(edited_at=by_post("pk", EDIT_DELAY))
    PostRevision.objects.filter(post__in=moments).update(written_at=by_post("post_id"))
    published = [p for p in posts if p.state != Post.State.PENDING]
    last = max(moments[p.pk] for p in published)
    Thread.objects.filter(pk=thread.pk).update(created_at=start, last_post_at=last)
