"""Templates show the policy's answers (forum_policy: post_actions, thread_actions...) and never
decide an action from ingredients: no template compares user or author ids, or reads whether
the viewer moderates or is suspended, to show a link."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from forum.services.posting import post_reply
from tests.factories import thread_with_posts

TEMPLATES = Path(settings.BASE_DIR) / "forum" / "templates"
TAG = re.compile(r"{%-?\s*(.*?)\s*-?%}|{{\s*(.*?)\s*}}", re.S)
CONDITION = re.compile(r"^(?:if|elif)\b")
# Who the viewer is, compared to decide: their id, a post's author, a role or a state.
IDS = re.compile(r"\b(?:user\.pk|user\.id|author_id)\b")
INGREDIENTS = re.compile(r"(?<![\w.])(?:moderating|suspended)(?!\w)")
TEXT = re.compile(r'"[^"]*"|\'[^\']*\'')  # quoted text: words shown, not read


def ingredients_in(text: str) -> list[str]:
    """The template tags and variables of a template that decide from ingredients."""
    found = []
    for match in TAG.finditer(text):
        tag, variable = match.group(1), match.group(2)
        code = TEXT.sub('""', tag if tag is not None else variable)
        decides = tag is not None and CONDITION.match(code) and IDS.search(code)
        if decides or INGREDIENTS.search(code):
            found.append(match.group(0))
    return found


def test_no_template_decides_an_action_from_ids_roles_or_states():
    offenders = {
        str(path.relative_to(TEMPLATES)): found
        for path in sorted(TEMPLATES.rglob("*.html"))
        if (found := ingredients_in(path.read_text()))
    }

    assert offenders == {}, "ask forum_policy (post_actions, thread_actions) instead"


def test_the_scan_finds_what_the_templates_used_to_decide():
    assert ingredients_in("{% if post.author_id == user.pk and not suspended %}x{% endif %}")
    assert ingredients_in("{% elif user.is_authenticated and post.author_id != user.pk %}")
    assert ingredients_in('<div data-moderating="{% if moderating %}1{% endif %}">')
    assert ingredients_in("{{ moderating }}")
    # An address naming the author, or a member's own status, decides nothing.
    assert not ingredients_in("{% url 'forum:moderation_member' post.author_id %}")
    assert not ingredients_in("{% if profile.is_suspended %}{{ profile.suspended_until }}")


@pytest.fixture
def thread(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=other_member)
    post_reply(author=member, thread=thread, body="My reply.", language="en")
    return thread


def footer_links(html: str, position: int) -> list[str]:
    article = html.split(f'id="post-{position}"')[1].split("</article>")[0]
    footer = article.split('<footer class="actions"')[1]
    # The reactions' group is in every footer; its kinds are toggles where the policy says.
    return [slot for slot in re.findall(r'data-slot="(\w+)"', footer) if slot != "reactions"]


def toggles(html: str, position: int) -> int:
    article = html.split(f'id="post-{position}"')[1].split("</article>")[0]
    return article.count("data-toggle")


def posts_data(html: str, name: str) -> str:
    return re.search(rf'<div id="posts"[^>]* data-{name}="([^"]*)"', html).group(1)


@pytest.mark.django_db
def test_members_may_flag_in_a_locked_thread_as_the_policy_says(client, thread, member):
    thread.is_locked = True
    thread.save()
    client.force_login(member)

    html = client.get(f"/en/t/{thread.pk}/").text

    assert footer_links(html, 1) == ["bookmark", "flag"]
    assert footer_links(html, 2) == ["bookmark"]  # their own: no edit in a locked thread
    assert (toggles(html, 1), toggles(html, 2)) == (3, 0)  # reactions, not to their own
    assert "This thread is locked: no new replies." in html
    assert posts_data(html, "own-actions") == "edited bookmark"
    assert posts_data(html, "others-actions") == "flag edited bookmark react"


@pytest.mark.django_db
def test_the_page_gives_live_posts_the_policys_links(client, thread, member, moderator):
    client.force_login(member)
    html = client.get(f"/en/t/{thread.pk}/").text

    assert footer_links(html, 1) == ["quote", "reply", "bookmark", "flag"]
    assert footer_links(html, 2) == ["quote", "reply", "edit", "delete", "bookmark"]
    assert posts_data(html, "own-actions") == "quote reply edit delete edited bookmark"
    assert posts_data(html, "others-actions") == "quote reply flag edited bookmark react"
    assert (toggles(html, 1), toggles(html, 2)) == (3, 0)
    assert posts_data(html, "keeps-hidden") == ""

    client.force_login(moderator)
    html = client.get(f"/en/t/{thread.pk}/").text
    moderating = ["quote", "reply", "edit", "delete", "hide", "member", "bookmark"]
    assert footer_links(html, 1) == footer_links(html, 2) == moderating
    assert posts_data(html, "others-actions") == (
        "quote reply edit delete hide member edited bookmark react"
    )
    assert (toggles(html, 1), toggles(html, 2)) == (3, 3)
    assert posts_data(html, "keeps-hidden") == "1"


@pytest.mark.django_db
def test_a_visitor_is_asked_to_sign_in_and_offered_no_link(client, thread):
    html = client.get(f"/en/t/{thread.pk}/").text

    assert footer_links(html, 1) == footer_links(html, 2) == []
    assert toggles(html, 1) == toggles(html, 2) == 0
    assert re.search(r'<p class="notice"><a href="/en/accounts/login/[^"]*">Sign in', html)
    assert posts_data(html, "own-actions") == posts_data(html, "others-actions") == "edited"


@pytest.mark.django_db
def test_a_suspended_member_is_told_until_when(client, thread, member):
    member.profile.suspended_until = timezone.now() + timedelta(days=3)
    member.profile.save()
    client.force_login(member)

    html = client.get(f"/en/t/{thread.pk}/").text

    assert "Your account is suspended until" in html
    # Nothing to post or change; keeping a post to read later stays theirs.
    assert footer_links(html, 1) == footer_links(html, 2) == ["bookmark"]
    assert toggles(html, 1) == toggles(html, 2) == 0
