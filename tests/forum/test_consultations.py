"""Private consultations (issue 23): a member consults colleagues privately; only the
participants read it, and the site moderators once a participant reported it; members can
refuse them; every bad request is told why and keeps the text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from forum.models import Consultation, Message, Notification
from forum.services.consultations import report_consultation, start_consultation
from forum.services.privacy import delete_account
from tests.factories import pending_member, signed_in, verified_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert():
    return verified_member("expert")


def consult(client, to, subject="Diversion for a 15-year-old", body="Would you divert this case?"):
    return client.post(
        "/en/consultations/new/", {"to": to, "subject": subject, "body": body, "language": "en"}
    )


def test_a_member_consults_an_expert_who_answers_and_nobody_else_reads_it(
    member, expert, other_member, moderator
):
    asking = signed_in(member)
    form = asking.get(f"/en/consultations/new/?to={expert.username}").text
    assert 'value="@expert"' in form

    response = consult(asking, "@expert")

    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/consultations/{consultation.pk}/"
    answering = signed_in(expert)
    assert "Would you divert this case?" in answering.get(response["Location"]).text
    told = Notification.objects.get(recipient=expert, kind=Notification.Kind.CONSULTATION)
    assert told.consultation == consultation
    assert "wrote to you privately" in answering.get("/en/notifications/").text
    answering.post(response["Location"], {"body": "Yes, with a mediation first.", "language": "en"})
    assert "Yes, with a mediation first." in asking.get(response["Location"]).text
    assert "Diversion for a 15-year-old" in asking.get("/en/consultations/").text
    # Not a participant: not found, the moderators included, and no notification for them.
    assert signed_in(other_member).get(response["Location"]).status_code == 404
    assert signed_in(moderator).get(response["Location"]).status_code == 404
    assert Client().get(response["Location"]).status_code == 302
    assert not Notification.objects.filter(recipient__in=[other_member, moderator]).exists()


@pytest.mark.parametrize(
    ("to", "reason"),
    [
        ("@member", "You cannot consult yourself."),
        ("@nobody", "No member is called @nobody."),
        ("@applicant", "No member is called @applicant."),  # not verified: told alike
        ("@refuser", "@refuser does not accept private consultations."),
        (" , ; ", "Name at least one member"),
        (" ".join(f"@m{n}" for n in range(11)), "Consult at most 10 members at once."),
    ],
)
def test_a_consultation_that_cannot_be_started_says_why_and_keeps_the_text(member, to, reason):
    pending_member("applicant")
    refuser = verified_member("refuser")
    refuser.profile.accepts_consultations = False
    refuser.profile.save()
    for n in range(11):
        verified_member(f"m{n}")

    response = consult(signed_in(member), to, body="My unsent question about a case.")

    assert response.status_code == 400
    assert reason in response.content.decode().replace("&#x27;", "'")
    assert "My unsent question about a case." in response.text
    assert not Consultation.objects.exists()


def test_who_may_not_start_one_is_told_why(pending, member, expert):
    refused = signed_in(pending).post(
        "/en/consultations/new/",
        {"to": "@expert", "subject": "A question", "body": "Text of mine."},
    )
    assert refused.status_code == 403
    assert "Text of mine." in refused.text
    member.profile.suspended_until = timezone.now() + timedelta(days=1)
    member.profile.save()
    assert consult(signed_in(member), "@expert").status_code == 403
    assert not Consultation.objects.exists()


def test_a_report_opens_it_to_the_site_moderators_only_even_after_the_reporter_leaves(
    member, expert, moderator, other_member
):
    consultation = start_consultation(
        author=member, recipients=["expert"], subject="A case", body="Details of a case."
    )
    client = signed_in(expert)
    url = f"/en/consultations/{consultation.pk}/"
    empty = client.post(f"{url}report/", {"reason": ""})
    assert empty.status_code == 400

    client.post(f"{url}report/", {"reason": "Names a child."})
    client.post(f"{url}leave/")

    assert client.get(url).status_code == 404  # left: reads it no more
    moderating = signed_in(moderator)
    assert "Details of a case." in moderating.get(url).text
    assert "Names a child." in moderating.get("/en/moderation/consultations/").text
    assert moderating.post(url, {"body": "A moderator writing"}).status_code == 403
    assert not Message.objects.filter(author=moderator).exists()
    assert signed_in(other_member).get(url).status_code == 404
    assert signed_in(other_member).get("/en/moderation/consultations/").status_code == 403


def test_only_participants_report(member, expert, other_member):
    consultation = start_consultation(
        author=member, recipients=["expert"], subject="A case", body="Details here."
    )
    with pytest.raises(ValueError, match="Only its participants"):
        report_consultation(reporter=other_member, consultation=consultation, reason="x")
    response = signed_in(other_member).post(
        f"/en/consultations/{consultation.pk}/report/", {"reason": "Curious"}
    )
    assert response.status_code == 404


def test_sending_the_same_form_twice_starts_one_consultation(member, expert):
    client = signed_in(member)
    token = "6f1c5e1e-5a8e-4f55-9d55-0a6b1b0c7e11"
    data = {"to": "@expert", "subject": "Once", "body": "Only once.", "submission_token": token}
    client.post("/en/consultations/new/", data)
    client.post("/en/consultations/new/", data)
    assert Consultation.objects.count() == 1


def test_a_deleted_account_leaves_its_consultations(member, expert):
    consultation = start_consultation(
        author=member, recipients=["expert"], subject="A case", body="Details here."
    )
    delete_account(member=expert)
    assert not consultation.participants.filter(user=expert, left_at__isnull=True).exists()
    assert "Deleted member" in signed_in(member).get(f"/en/consultations/{consultation.pk}/").text
