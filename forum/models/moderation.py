"""Moderators and their scope, flags, the audit log, and the moderation thresholds."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from forum.models.areas import ProgramArea
from forum.models.boards import Board
from forum.models.posts import Post
from forum.models.threads import Thread


class Moderator(models.Model):
    """A moderator for some program areas (their boards only), optionally some languages.

    Site-wide moderators hold the ``forum.moderate`` permission instead and need no row here.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="moderator_scope",
        verbose_name=_("member"),
    )
    areas = models.ManyToManyField(
        ProgramArea, related_name="moderators", verbose_name=_("program areas")
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("Language codes whose posts fill this moderator's queues; empty for all."),
    )

    class Meta:
        verbose_name = _("area moderator")
        verbose_name_plural = _("area moderators")

    def __str__(self) -> str:
        return str(self.user)

    def clean(self) -> None:
        known = {code for code, _name in settings.LANGUAGES}
        if not isinstance(self.languages, list) or not set(self.languages) <= known:
            raise ValidationError(
                {"languages": _('Use a list of site language codes, for example ["es"].')}
            )


class Flag(models.Model):
    """A member tells the moderators that a post needs a look. One per member per post."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        OFF_TOPIC = "off_topic", _("Off-topic")
        INAPPROPRIATE = "inappropriate", _("Inappropriate")
        CONFIDENTIAL = "confidential", _("Confidential case information")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    text = models.TextField(_("details"), blank=True)
    # An author who posted what the confidential-data check marked, and gave a reason: what it
    # marked (forum.confidential.CATEGORIES keys).
    categories = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(
        max_length=10, choices=Outcome.choices, default=Outcome.OPEN, db_index=True
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        # The review queue asks which posts have an open flag: read from this index alone.
        indexes = [models.Index(fields=["outcome", "post"], name="flag_outcome_post")]
        constraints = [
            models.UniqueConstraint(fields=["post", "flagger"], name="flag_once_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.post}"


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk updates and deletes are refused too, not only a row's save() and delete()."""

    def update(self, **kwargs):
        raise ValueError("the moderation log is append-only")

    def delete(self):
        raise ValueError("the moderation log is append-only")

    def bulk_create(self, objs, *args, **kwargs):
        """Many rows at once, chained in their order like single ones (forum/audit.py)."""
        from forum import audit

        objs = list(objs)
        with transaction.atomic():
            audit.chain_many(objs)
            return super().bulk_create(objs, *args, **kwargs)


class ModerationAction(models.Model):
    """One row per moderation act, never changed or removed: the audit log."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("Approved a post")
        REJECT = "reject", _("Rejected a post")
        HIDE = "hide", _("Hid a post")
        RESTORE = "restore", _("Restored a post")
        AUTO_HIDE = "auto_hide", _("Post hidden by flags")
        EDIT = "edit", _("Edited a post")
        LOCK = "lock", _("Locked a thread")
        UNLOCK = "unlock", _("Unlocked a thread")
        PIN = "pin", _("Pinned a thread")
        UNPIN = "unpin", _("Unpinned a thread")
        MOVE = "move", _("Moved a thread")
        SPLIT = "split", _("Split a thread")
        MERGE = "merge", _("Merged threads")
        RETITLE = "retitle", _("Changed a thread's title")
        ACCEPT = "accept", _("Accepted an answer")
        UNACCEPT = "unaccept", _("Took back an accepted answer")
        VERIFY = "verify", _("Verified a member")
        REJECT_MEMBER = "reject_member", _("Rejected a membership")
        WARN = "warn", _("Warned a member")
        SUSPEND = "suspend", _("Suspended a member")
        LIFT = "lift", _("Lifted a suspension")
        REMOVE_AVATAR = "remove_avatar", _("Removed a member's picture")
        HOLD = "hold", _("Placed a legal hold")
        LIFT_HOLD = "lift_hold", _("Lifted a legal hold")
        KEPT = "kept", _("Kept under a legal hold")
        RETENTION_POLICY = "retention_set", _("Set a retention policy")
        RETENTION = "retention", _("Applied a retention policy")
        CHECK_SETTINGS = "check_settings", _("Changed what a board's posts are checked for")

    # None when the forum acted by itself (enough flags hide a post).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_actions",
        verbose_name=_("moderator"),
    )
    kind = models.CharField(_("action"), max_length=16, choices=Kind.choices, db_index=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_received",
        verbose_name=_("member"),
    )
    post = models.ForeignKey(
        Post, on_delete=models.PROTECT, null=True, blank=True, related_name="moderation_actions"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.PROTECT, null=True, blank=True, related_name="moderation_actions"
    )
    # The area the act falls in (None for site-wide acts on members): scopes the log's readers.
    area = models.ForeignKey(ProgramArea, on_delete=models.PROTECT, null=True, blank=True)
    board = models.ForeignKey(Board, on_delete=models.PROTECT, null=True, blank=True)
    reason = models.TextField(_("reason"))
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # The hash chain (forum/audit.py): the row's place, the hash of the row before, its own.
    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        # The log filtered by action, newest first: a walk of this index, not a sort.
        indexes = [models.Index(fields=["kind", "created_at"], name="moderation_kind_time")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the moderation log is append-only")
        from forum import audit

        with transaction.atomic():
            audit.chain(self)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the moderation log is append-only")

    def member_message(self) -> str:
        """What the member concerned is told (the reason follows it)."""
        title = self.thread.title if self.thread is not None else ""
        until = (self.after or {}).get("suspended_until", "")
        messages = {
            self.Kind.APPROVE: _("A moderator approved your post in “%(title)s”."),
            self.Kind.REJECT: _("A moderator rejected your post in “%(title)s”."),
            self.Kind.HIDE: _("A moderator hid your post in “%(title)s”."),
            self.Kind.RESTORE: _("A moderator restored your post in “%(title)s”."),
            self.Kind.AUTO_HIDE: _(
                "Your post in “%(title)s” was hidden after several flags, until a moderator "
                "reviews it."
            ),
            self.Kind.EDIT: _("A moderator edited your post in “%(title)s”."),
            self.Kind.LOCK: _("A moderator locked your thread “%(title)s”."),
            self.Kind.UNLOCK: _("A moderator unlocked your thread “%(title)s”."),
            self.Kind.PIN: _("A moderator pinned your thread “%(title)s”."),
            self.Kind.UNPIN: _("A moderator unpinned your thread “%(title)s”."),
            self.Kind.MOVE: _("A moderator moved your thread “%(title)s” to another board."),
            self.Kind.SPLIT: _("A moderator moved some replies of “%(title)s” to a new thread."),
            self.Kind.MERGE: _("A moderator merged your thread “%(title)s” into another."),
            self.Kind.VERIFY: _("Your membership was verified: welcome, you can now post."),
            self.Kind.REJECT_MEMBER: _("Your membership request was not accepted."),
            self.Kind.WARN: _("A moderator sent you a warning."),
            self.Kind.SUSPEND: _(
                "Your account is suspended until %(until)s: you can read but not post."
            ),
            self.Kind.LIFT: _("Your suspension was lifted: you can post again."),
            self.Kind.REMOVE_AVATAR: _("A moderator removed your profile picture."),
        }
        return messages[self.Kind(self.kind)] % {
            "title": title,
            "until": until[:16].replace("T", " "),
        }


class QueueStamp(models.Model):
    """How many times a program area's review queue has changed: moved by every service that
    holds, flags, decides on, hides, restores, deletes, edits the language of or moves a post
    of the area, in its own transaction (forum.services.review). The moderators' queue
    pages keep their pages of post ids in the cache under these numbers (forum.selectors)."""

    area = models.OneToOneField(
        ProgramArea, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.area_id}: {self.version}"


@register_setting(icon="warning")
class ModerationSettings(BaseGenericSetting):
    """Thresholds moderators tune in Wagtail's Settings menu, without a deploy."""

    # Wagtail's setting base class is untyped: the fields say their types themselves.
    review_first_posts: "models.PositiveSmallIntegerField[int, int]" = (
        models.PositiveSmallIntegerField(
            _("hold a new member's first posts"),
            default=0,
            help_text=_(
                "A verified member's first this many posts wait for a moderator's approval. "
                "0 publishes them at once (members on probation are always held)."
            ),
        )
    )
    flags_to_hide: "models.PositiveSmallIntegerField[int, int]" = models.PositiveSmallIntegerField(
        _("open flags that hide a post"),
        default=3,
        help_text=_("A post with this many open flags is hidden until a moderator reviews it."),
    )

    class Meta:
        verbose_name = _("moderation settings")

    def clean(self) -> None:
        if self.flags_to_hide < 1:
            raise ValidationError({"flags_to_hide": _("At least one flag.")})
