"""Editors write pages in several languages; a reviewer approves them before they go live."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
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
