from django.db import models
from django.utils import timezone


class Event(models.Model):
    """Something a live page should learn, stored in the writer's transaction.

    The id is the stream position a client resumes from: on (re)connect it sends the last id it
    saw and the server replays what came after, from this table.
    """

    id = models.BigAutoField(primary_key=True)
    stream = models.CharField(max_length=64)
    kind = models.CharField(max_length=40)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["stream", "id"], name="event_stream_replay")]

    def __str__(self) -> str:
        return f"{self.stream} #{self.pk} {self.kind}"

    def as_message(self) -> dict:
        return {
            "type": "event",
            "id": self.pk,
            "stream": self.stream,
            "kind": self.kind,
            "payload": self.payload,
            "at": self.created_at.isoformat(),
        }
