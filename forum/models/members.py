from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.uploads import avatar_path


class Profile(models.Model):
    """A member's professional profile and verification state (one per account)."""

    # What the member fills in about themself: the profile form's fields, what an export lists
    # first and what an account deletion empties (forum/services/privacy.py).
    PERSONAL_FIELDS = (
        "display_name",
        "professional_role",
        "country",
        "jurisdiction",
        "organization",
        "role_title",
        "languages",
        "preferred_language",
        "time_zone",
        "bio",
        "email_notifications",
        "digest",
        "reply_level",
        "shown_on_profile",
        "in_directory",
        "accepts_consultations",
    )
    # What a member's profile page can show other members, each at the member's choice.
    SHOWABLE = (
        "professional_role",
        "organization",
        "role_title",
        "jurisdiction",
        "country",
        "languages",
        "expertise",
        "bio",
    )
    # The files the member uploads (a picture): the profile form offers them with checks of their
    # own (forum/uploads.py), an export gives their address, an account deletion deletes them.
    PERSONAL_FILES = ("avatar",)

    class Verification(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("display name"), max_length=80)
    country = models.CharField(_("country"), max_length=80, blank=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=120, blank=True)
    organization = models.CharField(_("organization"), max_length=160, blank=True)
    role_title = models.CharField(_("role title"), max_length=120, blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("For example: English, Spanish"),
    )
    preferred_language = models.CharField(
        _("preferred interface language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")

    class Role(models.TextChoices):
        PROSECUTOR = "prosecutor", _("Prosecutor")
        JUDGE = "judge", _("Judge")
        ACADEMIC = "academic", _("Academic")
        DEFENCE = "defence", _("Defence counsel")
        FIELD_EXPERT = "field_expert", _("Field expert")
        OTHER = "other", _("Other")

    professional_role = models.CharField(_("role"), max_length=16, choices=Role.choices, blank=True)
    expertise = models.ManyToManyField(
        "forum.ProgramArea", blank=True, related_name="experts", verbose_name=_("expertise")
    )
    shown_on_profile = models.JSONField(_("shown on your profile"), default=list, blank=True)
    in_directory = models.BooleanField(_("list me in the expert directory"), default=False)
    accepts_consultations = models.BooleanField(
        _("colleagues may consult me privately"), default=True
    )
    bio = models.TextField(_("short bio"), max_length=limits.BIO_MAX_LENGTH, blank=True)
    # Always a square WebP drawn here from the upload, under a random name (forum/uploads.py).
    avatar = models.ImageField(_("picture"), upload_to=avatar_path, blank=True)
    verification = models.CharField(
        _("verification"),
        max_length=10,
        choices=Verification.choices,
        default=Verification.PENDING,
        db_index=True,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    email_notifications = models.BooleanField(_("e-mail me my notifications"), default=False)

    class Digest(models.TextChoices):
        OFF = "off", _("No digest")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    # The most active threads of what they follow, at 07:00 their time (forum/digests.py).
    digest = models.CharField(
        _("e-mail me a digest"), max_length=8, choices=Digest.choices, default=Digest.OFF
    )
    digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # How a thread is followed once the member replies to it (forum/services/following.py).
    reply_level = models.PositiveSmallIntegerField(
        _("when I reply to a thread"),
        choices=[(3, _("Watch it")), (2, _("Track it")), (1, _("Leave it as it is"))],
        default=2,
    )
    verification_note = models.TextField(
        _("reason given with the verification decision"), blank=True
    )
    # Every post of a member on probation waits for a moderator.
    on_probation = models.BooleanField(_("on probation"), default=False)
    suspended_until = models.DateTimeField(_("suspended until"), null=True, blank=True)
    suspension_reason = models.TextField(_("reason for the suspension"), blank=True)
    # The member deleted their account: it stays, anonymized, so their posts and the audit log
    # keep their author (forum.services.privacy.delete_account).
    deleted_at = models.DateTimeField(_("account deleted at"), null=True, blank=True)
    # The member closed their account while a legal hold kept it (forum/services/holds.py): it
    # is anonymized once no hold covers it any more.
    deletion_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Visits (forum/visits.py): "New" lists the threads started since the one before this.
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True, editable=False)
    previous_visit_at = models.DateTimeField(
        _("previous visit"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_verified(self) -> bool:
        return self.verification == self.Verification.VERIFIED

    @property
    def email_domain(self) -> str:
        return self.user.email.rpartition("@")[2].lower()

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > timezone.now()


def public_name(user) -> str:
    """The name shown with a member's posts; "Deleted member" once they deleted their account."""
    profile = getattr(user, "profile", None)
    if profile is not None and profile.deleted_at is not None:
        return gettext("Deleted member")
    return (profile.display_name if profile is not None else "") or user.get_username()


def public_username(user) -> str:
    """The user name others @mention a member by; none once they deleted their account (their
    name then is "deleted-<id>", which must not be shown or matched as if it were theirs)."""
    profile = getattr(user, "profile", None)
    if profile is not None and profile.deleted_at is not None:
        return ""
    return user.get_username()


class AllowedEmailDomain(models.Model):
    """Members who confirm an address at one of these domains are verified automatically."""

    domain = models.CharField(_("domain"), max_length=253, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("allowed e-mail domain")
        verbose_name_plural = _("allowed e-mail domains")

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)
