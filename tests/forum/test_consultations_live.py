"""Private consultations as threads have it (issue 23): a message reaches the open page live,
the participants who asked for e-mail are told (without the text), files go with a message to
its participants only, and a message in a language the reader does not read is machine-
translated on this machine."""

from __future__ import annotations

import io

import pytest
from asgiref.sync import sync_to_async
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from forum.models import Attachment, MessageTranslation
from forum.realtime import kinds
from forum.services.consultations import leave_consultation, send_message, start_consultation
from tests.factories import signed_in, verified_member
from tests.forum.test_realtime_moderation import TIMEOUT, open_socket, receive, subscribe

SPANISH = (
    "La fiscalía revisa los criterios de derivación para menores infractores primarios. "
    "¿Qué factores pesan más en su oficina?"
)


@pytest.fixture
def expert(db):
    user = verified_member("expert")
    user.profile.accepts_consultations = True
    user.profile.email_notifications = True
    user.profile.preferred_language = "pt"
    user.profile.save()
    return user


@pytest.fixture
def consultation(member, expert):
    return start_consultation(
        author=member, recipients=["expert"], subject="A diversion case", body="Your view?"
    )


def a_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_message_reaches_the_participants_open_page_and_nobody_elses(
    member, expert, other_member, consultation
):
    participant = await open_socket(expert)
    stranger = await open_socket(other_member)
    stream = f"consultation:{consultation.pk}"
    assert (await subscribe(participant, stream))["type"] == "subscribed"
    refused = await subscribe(stranger, stream)
    assert refused["type"] == "error"

    await sync_to_async(send_message)(author=member, consultation=consultation, body="More facts.")

    event = await receive(participant)
    assert event["kind"] == kinds.CONSULTATION_MESSAGE
    assert event["stream"] == stream
    assert set(event["payload"]) == {"consultation_id", "message_id"}  # ids only, never text
    assert await stranger.receive_nothing(timeout=TIMEOUT / 5)
    await participant.disconnect()
    await stranger.disconnect()


@pytest.mark.django_db
def test_the_open_page_fetches_the_list_as_its_reader_may_read_it(
    member, expert, other_member, consultation
):
    url = f"/en/consultations/{consultation.pk}/messages/"
    send_message(author=member, consultation=consultation, body="Fetched fresh.")
    page = signed_in(expert).get(f"/en/consultations/{consultation.pk}/").text
    assert f'data-fragment-url="{url}"' in page
    assert "consultation:" in page.split("data-streams=")[1][:40]

    assert "Fetched fresh." in signed_in(expert).get(url).text
    assert signed_in(other_member).get(url).status_code == 404
    leave_consultation(user=expert, consultation=consultation)
    assert signed_in(expert).get(url).status_code == 404  # left: reads nothing more


@pytest.mark.django_db
def test_a_participant_who_asked_for_e_mail_is_told_without_the_text(
    member, expert, consultation, run_tasks, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_message(author=member, consultation=consultation, body="The victim is 12 years old.")
    run_tasks()

    (sent,) = [m for m in mail.outbox if m.to == [expert.email]]
    assert "consulta privada" in sent.subject  # in the expert's language, Portuguese
    assert f"/pt/consultations/{consultation.pk}/" in sent.body or (
        f"/consultations/{consultation.pk}/" in sent.body
    )
    assert "The victim" not in sent.body
    assert "The victim" not in sent.alternatives[0][0]
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.django_db
def test_one_who_left_or_turned_e_mail_off_is_not_e_mailed(
    member, expert, consultation, run_tasks, django_capture_on_commit_callbacks
):
    third = verified_member("third")
    third.profile.accepts_consultations = True
    third.profile.save()  # e-mail notifications off
    group = start_consultation(
        author=member, recipients=["expert", "third"], subject="Three of us", body="Hello."
    )
    leave_consultation(user=expert, consultation=group)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_message(author=member, consultation=group, body="Anyone?")
    run_tasks()

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_message_carries_a_file_its_participants_alone_fetch(
    member, expert, other_member, moderator, consultation, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    answer = signed_in(expert).post(
        f"/en/consultations/{consultation.pk}/",
        {
            "body": "See the protocol.",
            "language": "en",
            "attach": [SimpleUploadedFile("protocol.pdf", a_pdf())],
        },
    )
    assert answer.status_code == 302
    attached = Attachment.objects.get()
    url = f"/en/attachments/{attached.pk}/protocol.pdf"

    assert attached.message.body_source == "See the protocol."
    assert url in signed_in(member).get(f"/en/consultations/{consultation.pk}/").text
    assert signed_in(member).get(url).status_code == 200
    assert signed_in(other_member).get(url).status_code == 404
    assert signed_in(moderator).get(url).status_code == 404  # not reported
    leave_consultation(user=member, consultation=consultation)
    assert signed_in(member).get(url).status_code == 404


@pytest.mark.django_db
def test_a_message_in_another_language_is_translated_on_this_machine(
    member, expert, consultation, run_tasks, django_capture_on_commit_callbacks
):
    send_message(author=member, consultation=consultation, body=SPANISH, language="es")
    url = f"/pt/consultations/{consultation.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        waiting = signed_in(expert).get(url).text
    assert "a caminho" in waiting or "on its way" in waiting

    run_tasks()

    row = MessageTranslation.objects.get(message__body_source=SPANISH, language="pt")
    assert (row.source_language, row.engine) == ("es", "apertium")
    shown = signed_in(expert).get(url).text
    assert row.body_html in shown
    assert 'class="body original"' in shown  # the original one click away


@pytest.mark.django_db
def test_the_composer_suggests_only_the_participants_to_mention(
    member, expert, other_member, consultation
):
    url = f"/en/consultations/{consultation.pk}/mentions/"
    verified_member("expertise")  # a name that begins the same, outside the consultation

    found = signed_in(member).get(url, {"q": "exp"}).json()["members"]

    assert [m["username"] for m in found] == ["expert"]
    assert signed_in(other_member).get(url, {"q": "exp"}).status_code == 404
    page = signed_in(member).get(f"/en/consultations/{consultation.pk}/").text
    assert f'data-mentions-url="{url}"' in page
