from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from forum.models import AllowedEmailDomain, Board, Profile, ProgramArea, Thread
from forum.services.members import verify_member


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


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("display_name", "user", "organization", "country", "verification")
    list_filter = ("verification", "country")
    search_fields = ("display_name", "user__username", "user__email", "organization")
    list_select_related = ("user",)
    raw_id_fields = ("user", "verified_by")
    actions = ["verify"]

    @admin.action(description=_("Verify the selected members"))
    def verify(self, request, queryset):
        for profile in queryset.select_related("user"):
            verify_member(moderator=request.user, member=profile.user)
        self.message_user(request, _("Members verified."))


@admin.register(AllowedEmailDomain)
class AllowedEmailDomainAdmin(admin.ModelAdmin):
    list_display = ("domain", "note")
    search_fields = ("domain",)


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

    def save_model(self, request, obj, form, change):
        # Readers see pinned/locked badges: move the stamps their cached pages are keyed on.
        obj.changed_at = timezone.now()
        super().save_model(request, obj, form, change)
        Board.objects.filter(pk=obj.board_id).update(changed_at=obj.changed_at)
