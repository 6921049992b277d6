"""Private consultations: a member asks one or more colleagues about a case, away from the
boards. Only the participants read one; site moderators read it once a participant reported
it (forum/permissions/consultations.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Consultation(models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)
    # A participant asked the site moderators to look: from then on they read it too.
    reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("private consultation")
        verbose_name_plural = _("private consultations")

    def __str__(self) -> str:
        return self.subject


class Participant(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultations"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)  # left: reads it no more

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="participant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.consultation_id}"


class Message(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body_source = models.TextField()
    body_html = models.TextField()
    language = models.CharField(max_length=10)
    created_at = models.DateTimeField(default=timezone.now)
    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="message_submission_once"
            ),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} in {self.consultation_id}"


class Report(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"report of {self.consultation_id}"
