"""No one where they don't belong, surface by surface.

tests/forum/test_permissions.py proves the rules (forum.permissions) role by role. This suite
asks every surface a person can reach (the pages, the post links and their fragments, search,
the sitemap, the WebSocket streams with their replay, the lists' "latest" stream) as every
role, about posts in every board visibility and every post state, each carrying a word of
its own. A role must find exactly the words it may read: every word it may not is a leak, every
word it may is proof the check looked at something.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from forum.models import Message, Moderator, PostTranslation
from forum.search.queue import drain
from forum.services.moderation import hide_post
from forum.services.posting import delete_post, edit_post, post_reply
from tests.factories import (
    ProgramAreaFactory,
    pending_member,
    thread_with_posts,
    verified_member,
)
from tests.forum.test_permissions import MATRIX, M, R
from tests.forum.test_realtime_moderation import open_socket
from tests.sitemaps import whole_sitemap

VISIBILITIES = ("public", "members", "groups")
# A post's machine translation on a page in Spanish (forum/_post.html).
TRANSLATED = re.compile(r'<div class="body" data-slot="body" lang="es"[^>]*>(.*?)</div>', re.S)
STATES = ("published", "pending", "hidden", "deleted")


def may_read(role: str, visibility: str, state: str, surface: str = "") -> bool:
    """What the product promises: a readable board's published posts; held and hidden ones
    only to the area's moderators (the roles here never wrote them); deleted text to no one,
    but the area's moderators in the edit history (what was said stays on record for them)."""
    allowed = MATRIX[role][visibility]
    if R not in allowed:
        return False
    if state == "deleted":
        return surface == "edit history" and M in allowed
    return state == "published" or M in allowed


def make_roles(council):
    suspended = verified_member("suspended")
    suspended.profile.suspended_until = timezone.now() + timedelta(days=3)
    suspended.profile.save()
    area_moderator = verified_member("areamod")
    elsewhere = verified_member("elsewhere")
    Moderator.objects.create(user=elsewhere).areas.add(ProgramAreaFactory(slug="elsewhere"))
    return suspended, area_moderator, elsewhere


@pytest.fixture
def roles(pending, member, group_member, moderator, area, council):
    suspended, area_moderator, elsewhere = make_roles(council)
    Moderator.objects.create(user=area_moderator).areas.add(area)
    return {
        "visitor": None,
        "pending": pending,
        "member": member,
        "suspended": suspended,
        "group_member": group_member,
        "area_moderator": area_moderator,
        "other_area_moderator": elsewhere,
        "moderator": moderator,
    }


def word(visibility: str, state: str) -> str:
    return f"zq{visibility}{state}word"  # letters only: every stemmer leaves it whole


@pytest.fixture
def corpus(boards, council, moderator):
    return make_corpus(boards, council, moderator)


def make_corpus(boards, council, moderator):
    """In each board a thread by an author no role is, with a reply in every state."""
    author = verified_member("author", groups=[council])
    probationer = verified_member("probationer", groups=[council])
    probationer.profile.on_probation = True  # their posts are held: "pending"
    probationer.profile.save()
    found = {}
    for visibility, board in boards.items():
        thread = thread_with_posts(
            board=board, author=author, title=f"Thread zq{visibility}title here"
        )
        posts = {}
        for state in STATES:
            writer = probationer if state == "pending" else author
            posts[state] = post_reply(
                author=writer, thread=thread, body=f"A reply: {word(visibility, state)}."
            )
        hide_post(actor=moderator, post=posts["hidden"], reason="Names an open case.")
        delete_post(actor=author, post=posts["deleted"])
        for state, post in posts.items():
            post.corpus_state = state  # the instances keep the state they were created in
        found[visibility] = (thread, posts)
    report = drain()
    assert not report.error, report.error
    return found


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def text_of(client: Client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code < 500, (url, response.status_code)
    return response.content.decode()


def leaks_and_misses(role, corpus, page_text, surface="") -> list[str]:
    """Compare what a surface showed with what the role may read, post by post."""
    wrong = []
    for visibility, (thread, posts) in corpus.items():
        for state, post in posts.items():
            shown = word(visibility, state) in page_text(thread, post)
            if shown != may_read(role, visibility, state, surface):
                wrong.append(f"{visibility}/{state}: {'leaked' if shown else 'missing'}")
    return wrong


SURFACES = {
    "thread page": lambda client, thread, post: text_of(client, f"/en/t/{thread.pk}/"),
    "post permalink": lambda client, thread, post: text_of(client, f"/en/posts/{post.pk}/"),
    "edit history": lambda client, thread, post: text_of(client, f"/en/posts/{post.pk}/history/"),
    # Searched for the post's own word (the corpus holds each post under the state it is in).
    "search": lambda client, thread, post: hits_of(
        text_of(client, f"/en/search/?q={word(thread.board.visibility, post.corpus_state)}")
    ),
}


def hits_of(page: str) -> str:
    """The results of a search page, without the query it repeats back."""
    results = page.split('<ol class="hits">', 1)[1].split("</ol>", 1)[0]
    return results.replace("<mark>", "").replace("</mark>", "")


def warm_every_page(roles, corpus, languages=("en",)) -> None:
    """Every role, and the corpus's authors (whose own held and hidden posts are theirs alone),
    read every thread and board page first: the parts members' pages share (forum/fragments.py)
    are then in the cache, drawn for every class of reader, when the role under test reads."""
    # Only the first reader of a class draws its parts: the site moderator first (who sees the
    # most: their parts served to anyone else would leak), then the corpus's authors (their
    # own held and hidden posts, drawn into a member's class, would leak to other members).
    authors = [User.objects.get(username=name) for name in ("probationer", "author")]
    others = [reader for name, reader in roles.items() if name != "moderator"]
    for reader in [roles["moderator"], *authors, *others]:
        client = client_for(reader)
        for thread, _posts in corpus.values():
            board = thread.board
            for language in languages:
                text_of(client, f"/{language}/t/{thread.pk}/")
                text_of(client, f"/{language}/b/{board.area.slug}/{board.slug}/")


# Each page test runs twice: with the shared parts of pages drawn for the role itself, and
# with them drawn first for every other reader and taken from the cache.
CACHE = pytest.mark.parametrize("cache", ["cold", "warmed by every reader"])


@pytest.mark.django_db
@CACHE
@pytest.mark.parametrize("role", MATRIX)
def test_each_surface_shows_a_role_exactly_the_posts_it_may_read(roles, corpus, role, cache):
    if cache != "cold":
        warm_every_page(roles, corpus)
    client = client_for(roles[role])
    wrong = []
    for surface, show in SURFACES.items():
        found = leaks_and_misses(
            role, corpus, lambda thread, post, show=show: show(client, thread, post), surface
        )
        wrong += [f"{surface}: {problem}" for problem in found]

    assert wrong == [], wrong


@pytest.mark.django_db
@CACHE
@pytest.mark.parametrize("role", MATRIX)
def test_machine_translations_show_a_role_exactly_the_posts_it_may_read(roles, corpus, role, cache):
    # Every post, in every state, has a stored Spanish translation carrying its word: a page in
    # Spanish shows the translations of what the role may read, and no other.
    for visibility, (_thread, posts) in corpus.items():
        for state, post in posts.items():
            PostTranslation.objects.create(
                post=post,
                revision=post.edit_count,
                language="es",
                source_language="en",
                engine="apertium",
                quality="good",
                body_html=f"<p>Una respuesta: {word(visibility, state)}.</p>",
            )
    if cache != "cold":
        warm_every_page(roles, corpus, languages=("es",))
    client = client_for(roles[role])

    def translations(thread, post) -> str:
        page = text_of(client, f"/es/t/{thread.pk}/")
        return "".join(TRANSLATED.findall(page))

    assert leaks_and_misses(role, corpus, translations) == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_quoting_by_id_never_brings_in_text_the_role_may_not_read(roles, corpus, role):
    # The reply form's ?quote=<id> takes any id: one of another thread, board or state must not
    # put its text into the form.
    client = client_for(roles[role])
    public_thread = corpus["public"][0]
    leaked = []
    for visibility, (thread, posts) in corpus.items():
        for state, post in posts.items():
            for target in (thread, public_thread):
                page = text_of(client, f"/en/t/{target.pk}/reply/?quote={post.pk}")
                allowed = may_read(role, visibility, state) and target == thread
                if word(visibility, state) in page and not allowed:
                    leaked.append(f"{visibility}/{state} quoted into thread {target.pk}")

    assert leaked == [], leaked


@pytest.mark.django_db
@CACHE
@pytest.mark.parametrize("role", MATRIX)
def test_board_lists_and_the_forum_home_show_only_what_the_role_may_read(
    roles, corpus, boards, role, cache
):
    if cache != "cold":
        warm_every_page(roles, corpus)
    client = client_for(roles[role])
    home = text_of(client, "/en/forum/")
    # The lists across boards (views/lists.py); New and Unread send a visitor to sign in.
    lists = {name: text_of(client, f"/en/{name}/") for name in ("latest", "new", "unread")}
    wrong = []
    for visibility, board in boards.items():
        readable = R in MATRIX[role][visibility]
        # The home shows each readable board's latest thread (forum/activity.py).
        if (f"zq{visibility}title" in home) != readable:
            wrong.append(f"{visibility} thread on the home: {'missing' if readable else 'leaked'}")
        if (f"zq{visibility}title" in lists["latest"]) != readable:
            wrong.append(f"{visibility} thread in Latest: {'missing' if readable else 'leaked'}")
        # Cold, nobody has opened the corpus's threads, all started since anyone's last
        # visit; warmed, each role has opened those it may read (no longer new).
        new = readable and role != "visitor" and cache == "cold"
        if (f"zq{visibility}title" in lists["new"]) != new:
            wrong.append(f"{visibility} thread in New: {'missing' if new else 'leaked'}")
        if f"zq{visibility}title" in lists["unread"]:
            wrong.append(f"{visibility} thread in Unread: none of them was opened")
        # A thread's earlier titles (views/threads.edit_title): its readers' only.
        titles = text_of(client, f"/en/t/{corpus[visibility][0].pk}/title/")
        if (f"zq{visibility}title" in titles) != (readable and role != "visitor"):
            wrong.append(f"{visibility} thread's title history: wrong")
        listing = text_of(client, f"/en/b/{board.area.slug}/{board.slug}/")
        if (f"zq{visibility}title" in listing) != readable:
            wrong.append(f"{visibility} thread on its board: {'missing' if readable else 'leaked'}")
        # Members-only boards are named to everyone, marked closed to those who may not read
        # them (permissions.can_list_board); their threads stay hidden (above).
        named = readable or visibility == "members"
        if (str(board.name) in home) != named:
            wrong.append(f"{visibility} board on the home: {'missing' if named else 'leaked'}")

    assert wrong == [], wrong


@pytest.mark.django_db
def test_the_sitemap_lists_public_boards_and_their_threads_only(corpus, boards):
    from forum.services.posting import start_thread

    probationer = verified_member("held-author")
    probationer.profile.on_probation = True
    probationer.profile.save()
    held = start_thread(author=probationer, board=boards["public"], title="Held one", body="x" * 9)
    sitemap = whole_sitemap(Client())

    assert f"/b/{boards['public'].area.slug}/{boards['public'].slug}/" in sitemap
    for visibility in ("members", "groups"):
        assert f"/{boards[visibility].slug}/" not in sitemap
    for visibility, (thread, _posts) in corpus.items():
        # Threads of public boards, with when they last changed; no other board's.
        assert (f"/en/t/{thread.pk}/<" in sitemap) == (visibility == "public")
    assert f"/t/{held.thread_id}/<" not in sitemap  # held for review: on no list


MODERATOR_ONLY = [
    ("get", "/en/moderation/"),
    ("get", "/en/moderation/members/"),
    ("get", "/en/moderation/log/"),
    ("get", "/en/moderation/members/{author}/"),
    ("post", "/en/posts/{post}/hide/"),
    ("post", "/en/posts/{hidden}/restore/"),
    ("post", "/en/moderation/posts/{pending}/approve/"),
    ("get", "/en/t/{thread}/moderate/"),
    ("post", "/en/posts/{post}/edit/"),
    ("post", "/en/posts/{post}/delete/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in MATRIX if M not in MATRIX[r]["public"]])
def test_guessing_an_id_gives_no_one_a_moderators_or_authors_powers(roles, corpus, role):
    client = client_for(roles[role])
    thread, posts = corpus["public"]
    ids = {
        "author": thread.author_id,
        "post": posts["published"].pk,
        "hidden": posts["hidden"].pk,
        "pending": posts["pending"].pk,
        "thread": thread.pk,
    }
    let_in = []
    for method, pattern in MODERATOR_ONLY:
        url = pattern.format(**ids)
        response = getattr(client, method)(url, {"reason": "x", "body": "Overwritten"})
        if method == "get" and response.status_code == 200:
            # A moderator of another area has these pages, for their own area only.
            page = response.content.decode()
            if role != "other_area_moderator" or "zqpublic" in page:
                let_in.append(f"GET {url}: 200")
        elif method == "post" and (
            response.status_code == 200
            or (response.status_code == 302 and "/login/" not in response.url)
        ):
            let_in.append(f"POST {url}: {response.status_code}")
    changed = []
    for state, post in posts.items():
        post.refresh_from_db()
        if post.state != state or "Overwritten" in post.body_source:
            changed.append(state)

    assert (let_in, changed) == ([], []), (let_in, changed)


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_a_preview_shows_no_post_but_the_text_sent(roles, corpus, role):
    # A preview (views/preview.py) draws only the text it is sent: quoting or linking any post
    # of the corpus brings none of its words, whatever the role may read.
    client = client_for(roles[role])
    links = " ".join(
        f"[quote](/en/posts/{post.pk}/) @author"
        for _thread, posts in corpus.values()
        for post in posts.values()
    )
    response = client.post("/en/posts/preview/", {"body": f"Previewing: {links}"})
    assert response.status_code == (403 if role == "visitor" else 200)
    text = response.content.decode()
    assert [w for v in corpus for state in STATES if (w := word(v, state)) in text] == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_mention_suggestions_answer_only_where_a_role_may_read(roles, corpus, role):
    # views/mentions.py: a thread a role may not read is not found, as its page is; where it
    # may read, every name offered may read there too.
    from forum.permissions import readers_of_thread

    client = client_for(roles[role])
    wrong = []
    for visibility, (thread, _posts) in corpus.items():
        response = client.get(f"/en/t/{thread.pk}/mentions/?q=a")
        readable = R in MATRIX[role][visibility]
        expected = (403 if role == "visitor" else 200) if readable else 404
        if response.status_code != expected:
            wrong.append(f"{visibility}: {response.status_code}, not {expected}")
        elif expected == 200:
            offered = {m["username"] for m in response.json()["members"]}
            ids = set(User.objects.filter(username__in=offered).values_list("pk", flat=True))
            if readers_of_thread(thread, ids) != ids:
                wrong.append(f"{visibility}: offered someone who may not read it")
    assert wrong == [], wrong


# --- WebSocket streams, live and replayed ----------------------------------------------------


async def everything_sent(socket) -> list[str]:
    frames = []
    while not await socket.receive_nothing(timeout=0.3):
        frames.append(await socket.receive_from(timeout=5))
    return frames


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_replayed_stream_carries_no_text_a_role_may_not_read(boards, council):
    # One test for all roles: a transactional test builds its data itself, and once is enough.
    everyone = await sync_to_async(_roles_and_corpus)(boards, council)
    leaked, refused = [], []
    for role, user in everyone["roles"].items():
        socket = await open_socket(user)
        for visibility, (thread, _posts) in everyone["corpus"].items():
            readable = R in MATRIX[role][visibility]
            for stream in (f"thread:{thread.pk}", f"board:{thread.board_id}"):
                await socket.send_json_to({"type": "subscribe", "stream": stream, "last_id": 0})
                frames = await everything_sent(socket)
                if not readable and any('"subscribed"' in frame for frame in frames):
                    refused.append(f"{role}: {stream} ({visibility}) was not refused")
                for state in STATES:
                    secret = word(visibility, state)
                    if any(secret in frame for frame in frames) and not (
                        readable and state == "published"
                    ):
                        leaked.append(f"{role}: {stream} {visibility}/{state}")
        # The lists' "latest" stream covers every board the role may read, and no other.
        await socket.send_json_to({"type": "subscribe", "stream": "latest", "last_id": 0})
        frames = await everything_sent(socket)
        for visibility in everyone["corpus"]:
            shown = any(f"zq{visibility}title" in frame for frame in frames)
            if shown != (R in MATRIX[role][visibility]):
                leaked.append(f"{role}: latest {visibility} {'shown' if shown else 'missing'}")
        await socket.disconnect()

    assert (leaked, refused) == ([], []), (leaked, refused)


def _roles_and_corpus(boards, council):
    from django.contrib.auth.models import Permission

    pending = pending_member("newcomer2")
    member = verified_member("member2")
    group_member = verified_member("councillor2", groups=[council])
    moderator = verified_member("moderator2")
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    suspended, area_moderator, elsewhere = make_roles(council)
    Moderator.objects.create(user=area_moderator).areas.add(next(iter(boards.values())).area)
    roles = {
        "visitor": None,
        "pending": pending,
        "member": member,
        "suspended": suspended,
        "group_member": group_member,
        "area_moderator": area_moderator,
        "other_area_moderator": elsewhere,
        "moderator": moderator,
    }
    return {"roles": roles, "corpus": make_corpus(boards, council, moderator)}


# --- Text a moderator redacted from a post's history ---------------------------------------


def redacted_word(visibility: str) -> str:
    return f"zq{visibility}redactedword"


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_a_redacted_version_is_read_by_the_areas_moderators_only(
    roles, boards, council, moderator, role
):
    author = verified_member("author", groups=[council])
    posts = {}
    for visibility, board in boards.items():
        post = thread_with_posts(
            board=board, author=author, body=f"Names {redacted_word(visibility)}."
        ).posts.get()
        posts[visibility] = edit_post(
            editor=moderator, post=post, body="Names no one.", reason="A name.", redact=True
        )
    report = drain()
    assert not report.error, report.error
    client = client_for(roles[role])
    wrong = []
    for visibility, post in posts.items():
        allowed = MATRIX[role][visibility]
        secret = redacted_word(visibility)
        history = text_of(client, f"/en/posts/{post.pk}/history/")
        if (secret in history) != (M in allowed):
            wrong.append(
                f"edit history {visibility}: {'leaked' if secret in history else 'missing'}"
            )
        told = "redacted by a moderator" in history
        if told != (R in allowed and M not in allowed):
            wrong.append(f"edit history {visibility}: redaction {'told' if told else 'untold'}")
        for surface, url in (
            ("thread page", f"/en/t/{post.thread_id}/"),
            ("post", f"/en/posts/{post.pk}/"),
        ):
            if secret in text_of(client, url):
                wrong.append(f"{surface} {visibility}: leaked")
        if secret in hits_of(text_of(client, f"/en/search/?q={secret}")):
            wrong.append(f"search {visibility}: leaked")

    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_the_operators_surfaces_are_closed_to_every_role(roles, role):
    # Metrics, the task queue whose rows name posts and members, and the audit export: the
    # machine and staff only.
    from django.urls import reverse

    from forum.tasks import send_notification_emails

    send_notification_emails.enqueue(1, [2], "")
    client = client_for(roles[role])
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    queue = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    answer = client.get(queue, REMOTE_ADDR="203.0.113.9")
    assert answer.status_code == 302
    assert "/login/" in answer["Location"]
    # The whole moderation log with its hashes (forum/views/audit.py): staff alone, and no
    # forum role is staff; a moderator reads their own scope on the log page instead.
    for query in ("", "?format=jsonl", "?format=csv&since=2000-01-01"):
        assert client.get(f"/en/moderation/log/export/{query}").status_code == 404
    # Legal holds (forum/views/holds.py): staff alone see, place and lift them.
    assert client.get("/en/moderation/holds/").status_code == 404
    placing = {"act": "place", "target": "member", "member": "member", "reason": "zqhold"}
    assert client.post("/en/moderation/holds/", placing).status_code == 404
    assert client.post("/en/moderation/holds/", {"act": "lift", "hold": "1"}).status_code == 404
    # Retention policies (forum/views/retention.py): staff alone.
    assert client.get("/en/moderation/retention/").status_code == 404
    policy = {"action": "delete", "months": "1", "area": "1"}
    assert client.post("/en/moderation/retention/", policy).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_no_forum_role_may_prefill_a_page_by_machine_translation(roles, role):
    # The editors' prefill (cms/prefill_views.py) is Wagtail admin: none of the forum's roles,
    # site moderators included, may open it or queue a translation of a page.
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    client = client_for(roles[role])
    url = f"/admin/pages/{page.pk}/machine-translation/"

    opened = client.get(url)
    sent = client.post(url, {"source": "en", "target": "pt"})

    assert opened.status_code in (302, 403)
    assert sent.status_code in (302, 403)
    assert "Prefill" not in opened.content.decode()
    assert not DBTaskResult.objects.filter(task_path="cms.tasks.prefill_page").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [role for role in MATRIX if role != "visitor"])
def test_bookmarks_show_a_role_only_the_posts_it_may_read(roles, corpus, role):
    # Kept before the role lost access or before the post was hidden (made directly, past the
    # check): the list shows a bookmark only while its post is published and readable.
    from forum.models import Bookmark

    user = roles[role]
    for visibility, (_thread, posts) in corpus.items():
        for state, post in posts.items():
            Bookmark.objects.create(user=user, post=post, note=f"note {word(visibility, state)}")
    page = text_of(client_for(user), "/en/bookmarks/")

    wrong = []
    for visibility, (_thread, posts) in corpus.items():
        for state in posts:
            expected = state == "published" and R in MATRIX[role][visibility]
            if (word(visibility, state) in page) != expected:
                wrong.append(f"{visibility} {state}: {'missing' if expected else 'leaked'}")
    assert wrong == [], wrong


# Roles that may react where they read (not a visitor, a pending or a suspended member).
REACTING = {"member", "group_member", "area_moderator", "other_area_moderator", "moderator"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_reactions_answer_a_role_only_about_posts_it_may_read(roles, corpus, role):
    # views/reactions.py: who reacted is read where the post is; a post a role may not read
    # is not found, to read or to react to, whatever its id; a deleted one has no reactions.
    client = client_for(roles[role])
    wrong = []
    for visibility, (_thread, posts) in corpus.items():
        for state, post in posts.items():
            readable = may_read(role, visibility, state)
            url = f"/en/posts/{post.pk}/reactions/"
            shown = client.get(url).status_code
            if shown != (200 if readable else 404):
                wrong.append(f"{visibility}/{state}: page {shown}")
            sent = client.post(url, {"kind": "helpful"}, HTTP_ACCEPT="application/json")
            if not readable:
                expected = 404
            elif role == "visitor":
                expected = 302  # to sign in
            elif role in REACTING and state == "published":
                expected = 200
            else:
                expected = 403  # read, but not theirs to react to: said why
            if sent.status_code != expected:
                wrong.append(f"{visibility}/{state}: reacting {sent.status_code}, not {expected}")
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_accepting_an_answer_answers_a_role_only_about_posts_it_may_read(roles, corpus, role):
    # views/answers.py: in questions whose author no role is, only the board's moderators may
    # accept a published reply; a post a role may not see is not found, whatever its id.
    from forum.models import Thread

    Thread.objects.update(is_question=True)
    client = client_for(roles[role])
    wrong = []
    for visibility, (_thread, posts) in corpus.items():
        allowed = MATRIX[role][visibility]
        for state, post in posts.items():
            sees = R in allowed and (state in ("published", "deleted") or M in allowed)
            if role == "visitor":
                expected = 302  # to sign in, before anything is looked up
            elif not sees:
                expected = 404
            elif M in allowed and state == "published":
                expected = 200
            else:
                expected = 403
            shown = client.get(f"/en/posts/{post.pk}/accept/").status_code
            if shown != expected:
                wrong.append(f"{visibility}/{state}: {shown}, not {expected}")
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_drafts_are_kept_and_served_only_where_a_role_may_read(roles, corpus, role):
    # views/drafts.py: a thread a role may not read is not found, to save a draft to or to
    # ask for one; the drafts page lists only where the role may still read.
    client = client_for(roles[role])
    wrong = []
    for visibility, (thread, _posts) in corpus.items():
        readable = may_read(role, visibility, "published")
        url = f"/en/t/{thread.pk}/draft/"
        expected = (403 if role == "visitor" else 200) if readable else 404
        for answer in (client.post(url, {"body": f"Draft in {visibility}"}), client.get(url)):
            if answer.status_code != expected:
                wrong.append(f"{visibility}: {answer.status_code}, not {expected}")
    if role != "visitor":
        listed = text_of(client, "/en/drafts/")
        for visibility in corpus:
            if (f"Draft in {visibility}" in listed) != may_read(role, visibility, "published"):
                wrong.append(f"{visibility}: drafts page")
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_a_profile_lists_a_role_only_the_threads_it_may_read(roles, corpus, role):
    # views/people.py: profiles and the directory are for verified members; a member's
    # recent posts are those the viewer may read, on any board.
    author = User.objects.get(username="author")
    client = client_for(roles[role])
    profile = client.get(f"/en/members/{author.pk}/")
    directory = client.get("/en/experts/")
    expected = {"visitor": 302, "pending": 403}.get(role, 200)
    assert (profile.status_code, directory.status_code) == (expected, expected)
    if expected != 200:
        assert "zq" not in profile.content.decode()
        return
    page = profile.content.decode()
    wrong = [
        visibility
        for visibility in corpus
        if (f"zq{visibility}title" in page) != may_read(role, visibility, "published")
    ]
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_a_tag_lists_a_role_only_the_threads_it_may_read(roles, corpus, role):
    # views/lists.py: a tag's page and Latest's tag filter list threads as Latest does; the
    # tags page counts only those; the tag list's curation is the site moderators'.
    from forum.models import Tag

    tag = Tag.objects.create(slug="everywhere", name_en="Everywhere")
    for thread, _posts in corpus.values():
        thread.tags.add(tag)
    client = client_for(roles[role])
    wrong = []
    for url in ("/en/tags/everywhere/", "/en/latest/?tag=everywhere"):
        page = text_of(client, url)
        for visibility in corpus:
            if (f"zq{visibility}title" in page) != may_read(role, visibility, "published"):
                wrong.append(f"{url}: {visibility}")
    readable = sum(may_read(role, visibility, "published") for visibility in corpus)
    counted = text_of(client, "/en/tags/")
    if f"{readable} thread" not in counted:
        wrong.append(f"/en/tags/ does not count {readable}")
    curation = client.get("/en/moderation/tags/").status_code
    if curation != {"visitor": 302, "moderator": 200}.get(role, 403):
        wrong.append(f"curation page: {curation}")
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_a_private_consultation_is_read_by_its_participants_and_once_reported_site_moderators(
    roles, corpus, role
):
    # views/consultations.py: no role here takes part in it; it is not found for every one of
    # them, and once reported, read by the site moderators alone (area moderators are not).
    from forum.services.consultations import report_consultation, start_consultation

    author = User.objects.get(username="author")
    verified_member("colleague")
    consultation = start_consultation(
        author=author, recipients=["colleague"], subject="zqconsultsubject", body="zqconsultbody"
    )
    client = client_for(roles[role])
    url = f"/en/consultations/{consultation.pk}/"
    closed = 302 if role == "visitor" else 404
    wrong = []
    for stage in ("before", "after"):
        if stage == "after":
            report_consultation(reporter=author, consultation=consultation, reason="zqreason")
        expected = 200 if stage == "after" and role == "moderator" else closed
        mentions = client.get(f"{url}mentions/", {"q": "colle"})
        if mentions.status_code != 404:  # a JSON answer: not found, visitors included
            wrong.append(f"{stage}: mention suggestions answered {mentions.status_code}")
        for path in (url, f"{url}report/"):
            answer = client.get(path)
            shown = "zqconsultbody" in answer.content.decode()
            allowed = expected == 200 and path == url
            if (answer.status_code != expected and not (path != url and expected == 200)) or (
                shown != allowed
            ):
                wrong.append(f"{stage} {path}: {answer.status_code}, shown={shown}")
        sent = client.post(url, {"body": "zqintruder words"})
        refused = (302,) if role == "visitor" else (403, 404)
        if sent.status_code not in refused:
            wrong.append(f"{stage}: writing answered {sent.status_code}")
        listed = text_of(client, "/en/consultations/") if role != "visitor" else ""
        notices = text_of(client, "/en/notifications/") if role != "visitor" else ""
        if "zqconsultsubject" in listed + notices:
            wrong.append(f"{stage}: listed or notified")
    assert not Message.objects.filter(body_source__contains="zqintruder").exists()
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_an_attached_file_is_served_to_a_role_only_where_it_may_read_the_post(
    roles, corpus, role, settings, tmp_path
):
    # views/attachments.py: a post's file follows the post (a deleted post's, its moderators'
    # record alone, as its text in the edit history); the thread page names only the files of
    # posts the role reads; a consultation's file, its participants'; an unsent one, its
    # uploader's. Anything else is not found, whatever the id.
    from django.core.files.base import ContentFile

    from forum.attachments import Checked
    from forum.services import attachments
    from forum.services.consultations import start_consultation

    settings.MEDIA_ROOT = tmp_path / "media"
    author = User.objects.get(username="author")
    files = {}
    for visibility, (_thread, posts) in corpus.items():
        for state, post in posts.items():
            name = f"zq{visibility}{state}file.pdf"
            item = Checked(
                kind="pdf",
                name=name,
                content_type="application/pdf",
                content=ContentFile(b"%PDF-1.4 zq"),
            )
            (kept,) = attachments.keep(post.author, [item])
            attachments.attach(uploader=post.author, ids=[kept.pk], post=post)
            files[(visibility, state)] = kept
    verified_member("colleague")
    consultation = start_consultation(
        author=author, recipients=["colleague"], subject="zqfiles", body="zqconsultfile"
    )
    private_item = Checked(
        kind="pdf",
        name="zqprivate.pdf",
        content_type="application/pdf",
        content=ContentFile(b"%PDF-1.4 private"),
    )
    (private,) = attachments.keep(author, [private_item])
    attachments.attach(uploader=author, ids=[private.pk], message=consultation.messages.get())
    (unsent,) = attachments.keep(author, [private_item])
    warm_every_page(roles, corpus)
    client = client_for(roles[role])
    wrong = []
    for (visibility, state), kept in files.items():
        allowed = may_read(role, visibility, state, "edit history" if state == "deleted" else "")
        status = client.get(f"/en/attachments/{kept.pk}/{kept.name}").status_code
        if status != (200 if allowed else 404):
            wrong.append(f"{visibility}/{state}: file {status}")
        thread = corpus[visibility][0]
        page = text_of(client, f"/en/t/{thread.pk}/")
        named = kept.name in page
        if named and not may_read(role, visibility, state):
            wrong.append(f"{visibility}/{state}: named on the thread page")
    for other in (private, unsent):
        status = client.get(f"/en/attachments/{other.pk}/{other.name}").status_code
        if status != 404:
            wrong.append(f"{other.name}: {status}")
    assert wrong == [], wrong


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_what_a_board_checks_is_set_by_its_moderators_alone(roles, boards, role):
    # The confidential-data check's board setting (forum/views/confidential.py): the board's
    # moderators (its area's, and site moderators) open and change it; anyone else is turned
    # away, and a board they may not read is not found.
    from forum.models import BoardCheck

    client = client_for(roles[role])
    for visibility, board in boards.items():
        url = f"/en/b/{board.area.slug}/{board.slug}/check/"
        opened = client.get(url)
        sent = client.post(url, {"categories": ["phone"], "reason": "zqcheck"})
        if role in ("area_moderator", "moderator"):
            assert opened.status_code == 200, (visibility, role)
            assert sent.status_code == 302
        else:
            assert opened.status_code in (302, 403, 404), (visibility, role)
            assert sent.status_code in (302, 403, 404)
            assert "zqcheck" not in opened.content.decode()
            assert not BoardCheck.objects.filter(board=board).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_a_passkey_is_its_owners_alone(roles, role, other_member):
    # Passkeys (forum/views/passkeys.py): no role adds one without a session that gave a code,
    # removes another member's, or is offered a sign-in challenge without a password step.
    from forum.models import Passkey

    theirs = Passkey.objects.create(
        user=other_member, name="zqpasskey", credential_id="zqcredential", public_key=b"x"
    )
    client = client_for(roles[role])

    added = client.post("/en/accounts/two-step/passkeys/options/")
    removed = client.post(f"/en/accounts/two-step/passkeys/{theirs.pk}/remove/")
    offered = client.post("/en/accounts/login/passkey/options/")
    page = client.get("/en/accounts/two-step/", follow=True).content.decode()

    assert added.status_code in (302, 403)
    assert removed.status_code == 302
    assert Passkey.objects.filter(pk=theirs.pk).exists()
    assert offered.status_code == 403
    assert "zqcredential" not in offered.content.decode()
    assert "zqpasskey" not in page
