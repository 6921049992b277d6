"""Editors write pages in several languages; a reviewer approves them before they go live."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.models import EventPage, ProgramPage, StandardPage
from forum.models import ProgramArea
from tests.factories import UserFactory


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


def add_form(client, model, parent):
    url = reverse("wagtailadmin_pages:add", args=("cms", model, parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.text, form_id="page-edit-form")
    # StreamFields are drawn by the admin's JavaScript: an empty body per language.
    for code, _name in settings.LANGUAGES:
        data.update(nested_form_data({build_localized_fieldname("body", code): streamfield([])}))
    return url, data


def test_the_migration_sets_up_the_editorial_review_workflow(db):
    root = Page.objects.get(depth=1)
    workflow = Workflow.objects.get(name="Editorial review")

    assert root.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Reviewers"]


@pytest.mark.django_db
def test_an_editor_submits_a_translated_page_a_reviewer_approves_and_it_goes_live(
    client, site_pages, editor, reviewer
):
    program = site_pages["program"]
    client.force_login(editor)
    url, data = add_form(client, "standardpage", program)
    # The editor gets every language's fields (wagtail-modeltranslation's panels).
    for field in ("title", "slug", "seo_title", "search_description", "intro"):
        for code, _name in settings.LANGUAGES:
            assert build_localized_fieldname(field, code) in data
    data.update(
        {
            "title_en": "Forensic interview protocols",
            "slug_en": "forensic-interview-protocols",
            "title_es": "Protocolos de entrevista forense",
            "slug_es": "protocolos-de-entrevista-forense",
            "intro_en": "The protocols our members use.",
            "intro_es": "Los protocolos que usan nuestros miembros.",
            "action-submit": "Submit for moderation",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.content[:2000]
    page = StandardPage.objects.get(slug_en="forensic-interview-protocols")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    with translation.override("es"):
        spanish_url = (
            "/es/programas/persecucion-del-abuso-infantil/protocolos-de-entrevista-forense/"
        )
    english_url = "/en/programs/child-abuse-prosecution/forensic-interview-protocols/"
    client.logout()
    assert client.get(english_url).status_code == 404  # not live yet

    # The editor cannot approve their own submission; the reviewer can.
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    client.force_login(editor)
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    client.force_login(reviewer)
    response = client.post(approve, {"comment": "Checked both languages."})
    assert response.status_code in (200, 302)

    page.refresh_from_db()
    assert page.live
    client.logout()
    english = client.get(english_url)
    spanish = client.get(spanish_url)
    assert english.status_code == 200
    assert "<h1>Forensic interview protocols</h1>" in english.text
    assert spanish.status_code == 200
    assert "<h1>Protocolos de entrevista forense</h1>" in spanish.text


@pytest.mark.django_db
def test_an_editor_cannot_publish_directly(client, site_pages, editor):
    program = site_pages["program"]
    client.force_login(editor)
    url, data = add_form(client, "standardpage", program)
    data.update({"title_en": "Straight to live", "slug_en": "straight", "action-publish": "1"})

    client.post(url, data)

    page = StandardPage.objects.get(slug_en="straight")
    assert not page.live


@pytest.mark.django_db
def test_a_slug_used_by_a_sibling_in_any_language_is_refused_and_the_form_kept(
    client, site_pages, reviewer
):
    program = site_pages["program"]  # has the child "sobre" in Spanish (conftest)
    client.force_login(reviewer)
    url, data = add_form(client, "standardpage", program)
    data.update(
        {
            "title_en": "Another page",
            "slug_en": "another-page",
            "title_es": "Otra página",
            "slug_es": "sobre",
            "action-publish": "1",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200  # the form again, with the error
    assert "This slug is already in use" in response.text
    assert 'value="Otra página"' in response.text  # what the editor typed is kept
    assert not StandardPage.objects.filter(slug_en="another-page").exists()


@pytest.mark.django_db
def test_model_validation_refuses_slug_clashes_and_forum_paths(site_pages):
    program = site_pages["program"]
    home = site_pages["home"]
    program.add_child(instance=StandardPage(title_en="French", slug_en="fr-only", slug_fr="page"))
    twin = StandardPage(title_en="Twin", slug_en="twin", slug_fr="page")
    twin.path, twin.depth = program.path + "9999", program.depth + 1  # a would-be sibling

    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "slug_fr" in error.value.message_dict

    forum_path = StandardPage(title_en="Forum", slug_en="forum")
    forum_path.path, forum_path.depth = home.path + "9999", home.depth + 1
    with pytest.raises(ValidationError) as error:
        forum_path.full_clean()
    assert "used by the forum" in str(error.value)


@pytest.mark.django_db
def test_one_page_per_program_area(site_pages):
    index = site_pages["program index"]
    area = ProgramArea.objects.get(slug="child-abuse-prosecution")
    second = ProgramPage(title_en="Duplicate", slug_en="duplicate", area=area)
    second.path, second.depth = index.path + "9999", index.depth + 1

    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "area" in error.value.message_dict


@pytest.mark.django_db
def test_event_validation_checks_dates_link_and_place(site_pages):
    index = site_pages["event index"]
    now = timezone.now()
    event = EventPage(
        title_en="Bad webinar",
        slug_en="bad-webinar",
        kind=EventPage.Kind.WEBINAR,
        starts_at=now,
        ends_at=now - timezone.timedelta(hours=1),
        time_zone="Europe/Paris",
    )
    event.path, event.depth = index.path + "9999", index.depth + 1

    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert {"ends_at", "online_url"} <= set(error.value.message_dict)

    event.kind = EventPage.Kind.CONFERENCE
    event.ends_at = now
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "place" in error.value.message_dict


# The review step, visible (cms/wagtail_hooks.py, cms/admin_views.py).


def submitted_page(site_pages, editor):
    """A page with English and Spanish titles, submitted by the editor, awaiting review."""
    page = StandardPage(
        title_en="Witness protection",
        slug_en="witness-protection",
        title_es="Protección de testigos",
        slug_es="proteccion-de-testigos",
        intro_en="Keeping witnesses safe.",
        intro_es="Proteger a los testigos.",
        live=False,
    )
    site_pages["program"].add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return StandardPage.objects.get(pk=page.pk)


def footer_actions(html):
    """The names of the editor footer's actions, the visible (default) one first."""
    footer = html[html.index("<footer") :]
    found = re.findall(
        r'name="(action-[\w-]+)"|data-workflow-action-name="(\w+)"|class="button (action-save) ',
        footer,
    )
    return ["".join(names) for names in found]


@pytest.mark.django_db
def test_the_editor_labels_each_language_toggle_with_the_language_name(client, site_pages, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=(site_pages["standard"].pk,)))

    assert response.status_code == 200
    assert static("cms/admin/language_toggles.css") in response.text
    assert static("cms/admin/language_toggles.js") in response.text
    config = re.search(
        r'<script id="cms-language-toggles" type="application/json">(.*?)</script>',
        response.text,
        re.S,
    )
    assert config is not None
    names = json.loads(config.group(1))["languages"]
    assert names == {
        code: translation.get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES
    }
    assert names["es"] == "español"


@pytest.mark.django_db
def test_an_editor_who_cannot_publish_gets_submit_for_review_as_the_first_action(
    client, site_pages, editor
):
    client.force_login(editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=(site_pages["standard"].pk,)))
    add = client.get(
        reverse("wagtailadmin_pages:add", args=("cms", "standardpage", site_pages["program"].pk))
    )

    for response in (edit, add):
        assert footer_actions(response.text)[0] == "action-submit"
        assert 'value="Submit for review"' in response.text
        assert "action-save" in footer_actions(response.text)


@pytest.mark.django_db
def test_a_reviewer_keeps_publish_and_gets_approve_first_on_a_page_awaiting_review(
    client, site_pages, editor, reviewer
):
    page = submitted_page(site_pages, editor)
    client.force_login(reviewer)

    awaiting = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    other = client.get(reverse("wagtailadmin_pages:edit", args=(site_pages["standard"].pk,)))

    assert footer_actions(awaiting.text)[0] == "approve"
    assert footer_actions(other.text)[0] == "action-save"
    assert 'value="Submit for review"' not in other.text


@pytest.mark.django_db
def test_a_page_has_one_preview_mode_per_language():
    modes = StandardPage().preview_modes

    assert [code for code, _name in modes] == [code for code, _ in settings.LANGUAGES]
    assert dict(modes)["es"] == "español"
    assert StandardPage().default_preview_mode == "en"


@pytest.mark.django_db
def test_the_reviewer_previews_the_page_awaiting_review_in_each_language(
    client, site_pages, editor, reviewer
):
    page = submitted_page(site_pages, editor)
    task = page.current_workflow_task
    url = reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task.pk))
    client.force_login(reviewer)

    english = client.get(url)
    spanish = client.get(url, {"mode": "es"})
    unknown = client.get(url, {"mode": "xx"})

    assert english.status_code == 200
    assert "<h1>Witness protection</h1>" in english.text
    assert spanish.status_code == 200
    assert "<h1>Protección de testigos</h1>" in spanish.text
    assert 'lang="es"' in spanish.text
    assert f'href="{url}?mode=es"' in english.text  # the preview links to each language
    assert f'href="{url}?mode=fr"' in spanish.text
    assert "<h1>Witness protection</h1>" in unknown.text  # an unknown mode previews English


@pytest.mark.django_db
def test_the_editor_previews_a_draft_in_each_language(client, site_pages, editor):
    client.force_login(editor)
    page = site_pages["standard"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    data = querydict_from_html(edit.text, form_id="page-edit-form")
    for code, _name in settings.LANGUAGES:
        data.update(nested_form_data({build_localized_fieldname("body", code): streamfield([])}))
    data["title_es"] = "Sobre el programa, revisado"

    assert client.post(url, data).json()["is_valid"]
    spanish = client.get(url, {"mode": "es", "in_preview_panel": "true"})
    english = client.get(url, {"mode": "en", "in_preview_panel": "true"})

    assert "<h1>Sobre el programa, revisado</h1>" in spanish.text
    assert "<h1>About the program</h1>" in english.text
    assert "preview-languages" not in spanish.text  # the panel has Wagtail's own select


@pytest.mark.django_db
def test_approving_from_the_dashboard_confirms_the_page_is_live_and_in_which_languages(
    client, site_pages, editor, reviewer
):
    page = submitted_page(site_pages, editor)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", page.current_workflow_task_state.pk),
    )
    client.force_login(reviewer)

    response = client.post(approve, {"comment": ""}, follow=True)

    page.refresh_from_db()
    assert page.live
    shown = [str(message).strip() for message in response.context["messages"]]
    assert "Approved: “Witness protection” is now live in English, español." in shown


@pytest.mark.django_db
def test_approving_from_the_editor_confirms_the_page_is_live(client, site_pages, editor, reviewer):
    page = submitted_page(site_pages, editor)
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(client.get(url).text, form_id="page-edit-form")
    for code, _name in settings.LANGUAGES:
        data.update(nested_form_data({build_localized_fieldname("body", code): streamfield([])}))
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})

    response = client.post(url, data, follow=True)

    page.refresh_from_db()
    assert page.live
    shown = [str(message).strip() for message in response.context["messages"]]
    assert "Approved: “Witness protection” is now live in English, español." in shown


@pytest.mark.django_db
def test_requesting_changes_says_nothing_about_approval(client, site_pages, editor, reviewer):
    page = submitted_page(site_pages, editor)
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "reject", page.current_workflow_task_state.pk),
    )
    client.force_login(reviewer)

    response = client.post(reject, {"comment": "The Spanish intro is missing a word."}, follow=True)

    page.refresh_from_db()
    assert not page.live
    assert not any("Approved" in str(message) for message in response.context["messages"])
