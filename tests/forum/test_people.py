"""Member profiles and the expert directory (issue 23): what a member chose to show, their
posts the viewer may read, reactions received, links from names and @mentions, and a
directory of verified members who opted in, filterable, for verified members only."""

from __future__ import annotations

import pytest
from django.test import Client

from forum.models import Profile
from forum.services.posting import post_reply
from forum.services.privacy import delete_account
from forum.services.reactions import toggle_reaction
from tests.factories import (
    ProgramAreaFactory,
    pending_member,
    signed_in,
    thread_with_posts,
    verified_member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(area):
    user = verified_member("mferreira")
    profile = user.profile
    profile.display_name = "Marta Ferreira"
    profile.professional_role = Profile.Role.PROSECUTOR
    profile.organization = "Ministério Público"
    profile.country = "Portugal"
    profile.jurisdiction = "Lisbon district"
    profile.languages = "Portuguese, Spanish"
    profile.bio = "Juvenile diversion since 2009."
    profile.shown_on_profile = ["country", "expertise", "languages", "professional_role"]
    profile.in_directory = True
    profile.save()
    profile.expertise.add(area)
    return user


def test_a_profile_shows_what_its_member_chose_and_the_posts_the_viewer_may_read(
    expert, boards, member, group_member, council
):
    expert.groups.add(council)
    thread_with_posts(board=boards["public"], author=expert, title="Diversion in Portugal")
    thread_with_posts(board=boards["groups"], author=expert, title="Council only matter")
    open_post = thread_with_posts(board=boards["members"], author=member).posts.first()
    reply = post_reply(author=expert, thread=open_post.thread, body="Helpful reply here.")
    toggle_reaction(user=member, post=reply, kind="helpful")

    page = signed_in(member).get(f"/en/members/{expert.pk}/").text

    assert "Marta Ferreira" in page
    assert "@mferreira" in page
    assert "Prosecutor" in page
    assert "Portugal" in page
    assert "Juvenile Justice" in page
    assert "Portuguese, Spanish" in page
    assert "Ministério Público" not in page  # not chosen
    assert "Lisbon district" not in page
    assert "Juvenile diversion since 2009." not in page
    assert "Diversion in Portugal" in page
    assert "Council only matter" not in page  # a board the viewer may not read
    assert "Helpful: 1" in page
    assert "Council only matter" in signed_in(group_member).get(f"/en/members/{expert.pk}/").text


def test_the_profile_form_chooses_what_is_shown_and_the_directory_listing(client, member, area):
    client.force_login(member)
    form = client.get("/en/accounts/profile/").text
    assert 'name="shown_on_profile"' in form
    assert 'name="expertise"' in form

    client.post(
        "/en/accounts/profile/",
        {
            "display_name": "Member One",
            "professional_role": "judge",
            "time_zone": "UTC",
            "shown_on_profile": ["professional_role", "expertise"],
            "expertise": [area.pk],
            "in_directory": "on",
        },
    )

    profile = Profile.objects.get(user=member)
    assert profile.shown_on_profile == ["expertise", "professional_role"]
    assert list(profile.expertise.all()) == [area]
    assert profile.in_directory
    assert "Member One" in signed_in(member).get(f"/en/experts/?area={area.slug}").text


def test_profiles_are_for_verified_members(expert, pending):
    visitor = Client().get(f"/en/members/{expert.pk}/")
    assert visitor.status_code == 302
    assert "/accounts/login/" in visitor["Location"]
    waiting = signed_in(pending).get(f"/en/members/{expert.pk}/")
    assert waiting.status_code == 403
    assert "once your membership is verified" in waiting.text
    assert "Marta" not in waiting.text
    assert signed_in(pending).get("/en/experts/").status_code == 403


def test_a_deleted_or_unverified_member_has_no_profile(expert, member):
    applicant = pending_member("applicant")
    client = signed_in(member)
    assert client.get(f"/en/members/{applicant.pk}/").status_code == 404
    assert client.get("/en/members/999999/").status_code == 404
    delete_account(member=expert)
    assert client.get(f"/en/members/{expert.pk}/").status_code == 404
    assert "Marta" not in client.get("/en/experts/").text


def test_names_and_mentions_link_to_profiles(boards, expert, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    post_reply(author=member, thread=thread, body="Asking @mferreira about this.")
    client = signed_in(member)

    page = client.get(f"/en/t/{thread.pk}/").text

    assert f'<a class="author-link" href="/en/members/{member.pk}/">' in page
    assert '<a href="/members/u/mferreira/" rel="nofollow ugc noopener">@mferreira</a>' in page
    followed = client.get("/en/members/u/mferreira/")
    assert followed.status_code == 302
    assert followed["Location"] == f"/en/members/{expert.pk}/"
    assert client.get("/en/members/u/nobody-here/").status_code == 404
    assert client.get("/en/members/u/" + "x" * 400 + "/").status_code == 404


def test_the_directory_filters_by_area_country_language_and_role(expert, member, area):
    other_area = ProgramAreaFactory(slug="victims", name_en="Victims' Rights")
    judge = verified_member("jdoe")
    judge.profile.display_name = "Jean Doe"
    judge.profile.professional_role = Profile.Role.JUDGE
    judge.profile.country = "Portugal"  # not shown: not found by country
    judge.profile.shown_on_profile = ["professional_role", "expertise"]
    judge.profile.in_directory = True
    judge.profile.save()
    judge.profile.expertise.add(other_area)
    hidden = verified_member("quiet")
    hidden.profile.professional_role = Profile.Role.PROSECUTOR
    hidden.profile.shown_on_profile = ["professional_role"]
    hidden.profile.save()  # not in the directory
    client = signed_in(member)

    def found(query: str) -> set[str]:
        page = client.get(f"/en/experts/?{query}").text
        return {name for name in ("Marta Ferreira", "Jean Doe", "Quiet") if name in page}

    assert found("") == {"Marta Ferreira", "Jean Doe"}
    assert found(f"area={area.slug}") == {"Marta Ferreira"}
    assert found("area=victims") == {"Jean Doe"}
    assert found("country=portugal") == {"Marta Ferreira"}
    assert found("language=spanish") == {"Marta Ferreira"}
    assert found("role=judge") == {"Jean Doe"}
    assert found("role=prosecutor&country=Portugal") == {"Marta Ferreira"}


@pytest.mark.parametrize(
    "query", ["role=emperor", "area=nowhere", "country=" + "x" * 81, "language=" + "y" * 41]
)
def test_a_directory_filter_that_cannot_be_read_says_why(expert, member, query):
    response = signed_in(member).get(f"/en/experts/?{query}")

    assert response.status_code == 400
    assert 'class="errors"' in response.text or "form-errors" in response.text
    assert "Marta Ferreira" in response.text  # the directory unfiltered below


@pytest.mark.django_db
def test_an_expertise_id_past_the_databases_integers_is_told_not_a_500(member):
    # The same overflow the fuzz suite found in the tags: an __in look-up past SQLite's integers.
    response = signed_in(member).post(
        "/en/accounts/profile/",
        {"display_name": "Member", "expertise": ["9223372036854775808"], "reply_level": "2"},
    )

    assert response.status_code in (200, 400)
    assert "Select a valid choice" in response.text
