from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from forum.models import (
    AllowedEmailDomain,
    Board,
    CaseNumberPattern,
    Flag,
    ModerationAction,
    Moderator,
    Passkey,
    Profile,
    ProgramArea,
    Tag,
    Thread,
)
from forum.services.moderation import ModerationError, decide_membership
from forum.services.stamps import stamp
from forum.worker import admin as worker_admin


class BoardForm(forms.ModelForm):
    class Meta:
        model = Board
        # The admin lays out the fields (one tab per language), so the form takes them all.
        fields = "__all__"  # noqa: DJ007

    def clean(self):
        cleaned = super().clean()
        if "allowed_groups" not in self.fields:
            # The inline on the area page has no group picker; restricting is done on the board.
            return cleaned
        groups = cleaned.get("allowed_groups")
        if cleaned.get("visibility") == Board.Visibility.GROUPS and not groups:
            self.add_error(
                "allowed_groups", _("A board restricted to groups needs at least one group.")
            )
        elif cleaned.get("visibility") != Board.Visibility.GROUPS and groups:
            self.add_error("allowed_groups", _("Groups apply only to boards restricted to groups."))
        return cleaned


class BoardInline(TranslationTabularInline):
    model = Board
    form = BoardForm
    fields = ("name", "slug", "visibility", "position")
    prepopulated_fields = {"slug": ("name",)}
    extra = 0
    show_change_link = True


@admin.register(ProgramArea)
class ProgramAreaAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [BoardInline]


@admin.register(Board)
class BoardAdmin(TabbedTranslationAdmin):
    form = BoardForm
    list_display = ("name", "area", "visibility", "position")
    list_filter = ("area", "visibility")
    list_select_related = ("area",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("allowed_groups",)


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("display_name", "user", "organization", "country", "verification")
    list_filter = ("verification", "country")
    search_fields = ("display_name", "user__username", "user__email", "organization")
    list_select_related = ("user",)
    raw_id_fields = ("user", "verified_by")
    # Verification and suspension are moderation acts: they go through the audited services. The
    # picture is checked and re-encoded by the profile form only; moderators remove one with
    # the audited "Remove picture" (forum/services/moderation/members.py).
    readonly_fields = (
        "avatar",
        "verification",
        "verified_at",
        "verified_by",
        "verification_note",
        "suspended_until",
        "suspension_reason",
    )
    actions = ["verify"]

    @admin.action(description=_("Verify the selected members"))
    def verify(self, request, queryset):
        done = 0
        for profile in queryset.filter(verification=Profile.Verification.PENDING).select_related(
            "user"
        ):
            try:
                decide_membership(actor=request.user, member=profile.user, verified=True)
            except (ModerationError, PermissionDenied) as exc:
                self.message_user(request, str(exc), level="error")
                return
            done += 1
        self.message_user(request, _("Members verified: %(count)d.") % {"count": done})


@admin.register(AllowedEmailDomain)
class AllowedEmailDomainAdmin(admin.ModelAdmin):
    list_display = ("domain", "note")
    search_fields = ("domain",)


@admin.register(CaseNumberPattern)
class CaseNumberPatternAdmin(admin.ModelAdmin):
    """A jurisdiction's case-number shape for the confidential-data check (forum/confidential/);
    a pattern is refused unless it compiles, matches its example and not empty text."""

    list_display = ("jurisdiction", "pattern", "example", "active")
    list_filter = ("active",)
    search_fields = ("jurisdiction", "pattern")


@admin.register(Passkey)
class PasskeyAdmin(admin.ModelAdmin):
    """A member's passkeys, to remove one for a member who lost it (docs/security.md); the
    credential itself is not shown."""

    list_display = ("user", "name", "created_at", "last_used_at")
    search_fields = ("user__username", "name")
    fields = ("user", "name", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False  # made by the member's own authenticator, never by hand


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "board",
        "author",
        "post_count",
        "last_post_at",
        "is_pinned",
        "is_locked",
    )
    list_filter = ("is_pinned", "is_locked", "board__area")
    list_select_related = ("board", "author")
    search_fields = ("title",)
    raw_id_fields = ("author", "last_poster")
    # Pinning, locking and moving are moderation acts (audited): the thread's moderation page.
    readonly_fields = ("board", "is_pinned", "is_locked", "held", "merged_into")

    def save_model(self, request, obj, form, change):
        # Readers see pinned/locked badges: move the stamps their cached pages are keyed on.
        obj.changed_at = stamp()
        super().save_model(request, obj, form, change)
        stamp(boards=[obj.board_id], at=obj.changed_at)


@admin.register(Moderator)
class ModeratorAdmin(admin.ModelAdmin):
    """Area moderators; site-wide moderators hold the "Can moderate every board" permission."""

    list_display = ("user", "area_names", "languages")
    search_fields = ("user__username", "user__email")
    raw_id_fields = ("user",)
    filter_horizontal = ("areas",)

    @admin.display(description=_("program areas"))
    def area_names(self, obj) -> str:
        return ", ".join(str(area) for area in obj.areas.all())

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related("areas")


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ("post", "flagger", "reason", "outcome", "created_at")
    list_filter = ("reason", "outcome")
    list_select_related = ("post__thread", "flagger")
    readonly_fields = [field.name for field in Flag._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """The audit log, read-only: rows are never changed or removed."""

    list_display = ("created_at", "actor", "kind", "member", "thread", "area", "reason")
    list_filter = ("kind", "area")
    list_select_related = ("actor", "member", "thread", "area")
    search_fields = ("reason", "actor__username", "member__username")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


worker_admin.register()  # the task queue: failed tasks, their errors, retry (forum/worker/admin.py)
