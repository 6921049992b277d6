"""Rows the background processes coordinate through: the worker's schedule and, on the embedded
default, the relay that carries channel-layer messages between processes."""

from django.db import models
from django.utils import timezone


class ScheduledJob(models.Model):
    """When a periodic job (forum/worker/schedule.py) is next due.

    Every worker ticks the schedule; the one whose conditional update moves ``due_at`` on enqueues
    the job's task, so several workers run each job once per interval.
    """

    name = models.CharField(max_length=64, primary_key=True)
    due_at = models.DateTimeField(default=timezone.now)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class RelayMessage(models.Model):
    """A channel-layer group message written by one process for the others (forum/realtime/
    relay.py): the in-memory layer of the embedded default reaches only its own process."""

    id = models.BigAutoField(primary_key=True)
    origin = models.CharField(max_length=32)  # the writing process, which skips its own rows
    group = models.CharField(max_length=100)
    message = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.group} #{self.pk}"
