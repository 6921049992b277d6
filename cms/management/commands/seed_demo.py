"""Create the association's program areas, their boards and the demo accounts.

Idempotent: whatever already exists is left exactly as it is (an editor's renamed board stays
renamed, a changed password stays changed), so a second run changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from cms.demo_content import forum as demo
from cms.seed import seed_pages
from cms.seed_forum import seed_conversations
from cms.seed_translations import queue_translations
from forum.models import Board, Moderator, Post, Profile, ProgramArea, Thread
from forum.services.posting import post_reply, start_thread


def translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {build_localized_fieldname(field, lang): text for lang, text in values.items()}


class Command(BaseCommand):
    help = "Create the program areas, boards and demo accounts (safe to run again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-conversations",
            action="store_true",
            help="Leave out the demo conversations (cms/demo_content/conversations_*.py): "
            "a quicker site, for tests that do not read them.",
        )
        parser.add_argument(
            "--no-translations",
            action="store_true",
            help="Queue no machine translations of the demo posts (by default the worker "
            "makes them wherever an engine covers the pair).",
        )

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo creates accounts with known passwords; not in production."
            )
        with transaction.atomic():
            created = self.seed_forum()
            accounts = self.seed_accounts()
            created += self.seed_threads()
            threads = 0 if options["no_conversations"] else seed_conversations()
            pages = seed_pages()
            translations = 0 if options["no_translations"] else queue_translations()
        self.stdout.write(
            f"Program areas: {ProgramArea.objects.count()}, boards: {Board.objects.count()} "
            f"({created} created by this run)."
        )
        self.stdout.write(
            f"Threads: {Thread.objects.count()}, posts: {Post.objects.count()} "
            f"({threads} conversations written by this run; {translations} post translations "
            "queued for the worker)."
        )
        self.stdout.write(
            f"Pages: {Page.objects.filter(depth__gt=1).count()} ({pages} created by this run)."
        )
        self.stdout.write("Demo accounts (username / password):")
        for account, status in accounts:
            self.stdout.write(
                f"  {account.role:<13} {account.username:<10} / {account.password:<20} {status}"
            )

    def seed_forum(self) -> int:
        created_count = 0
        for position, (slug, names, descriptions) in enumerate(demo.PROGRAM_AREAS):
            area, created = ProgramArea.objects.get_or_create(
                slug=slug,
                defaults={
                    "position": position * 10,
                    **translated("name", names),
                    **translated("description", descriptions),
                },
            )
            created_count += created
            specs = [(*board, None) for board in demo.STANDARD_BOARDS] + [
                (board_slug, visibility, b_names, b_descriptions, group)
                for area_slug, board_slug, visibility, group, b_names, b_descriptions in (
                    demo.EXTRA_BOARDS
                )
                if area_slug == slug
            ]
            for board_position, (
                board_slug,
                visibility,
                b_names,
                b_descriptions,
                group,
            ) in enumerate(specs):
                board, created = Board.objects.get_or_create(
                    area=area,
                    slug=board_slug,
                    defaults={
                        "position": board_position * 10,
                        "visibility": visibility,
                        **translated("name", b_names),
                        **translated("description", b_descriptions),
                    },
                )
                created_count += created
                if created and group:
                    board.allowed_groups.add(Group.objects.get_or_create(name=group)[0])
        return created_count

    def seed_accounts(self) -> list[tuple[demo.DemoAccount, str]]:
        User = get_user_model()
        report = []
        moderators, created = Group.objects.get_or_create(name=demo.MODERATORS_GROUP)
        if created:
            moderators.permissions.add(
                Permission.objects.get(content_type__app_label="forum", codename="moderate")
            )
        for account in demo.DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=account.username,
                defaults={
                    "email": account.email,
                    "is_staff": account.is_staff,
                    "is_superuser": account.is_superuser,
                },
            )
            if created:
                user.set_password(account.password)
                user.save(update_fields=["password"])
                user.groups.add(*(Group.objects.get_or_create(name=g)[0] for g in account.groups))
                Profile.objects.create(
                    user=user,
                    display_name=account.display_name,
                    organization=account.organization,
                    country=account.country,
                    verification=Profile.Verification.VERIFIED
                    if account.verified
                    else Profile.Verification.PENDING,
                )
                if account.moderates:
                    scope = Moderator.objects.create(user=user, languages=list(account.languages))
                    scope.areas.set(ProgramArea.objects.filter(slug__in=account.moderates))
                status = "(created)"
            elif user.check_password(account.password):
                status = "(exists)"
            else:
                status = "(exists; its password was changed, left as it is)"
            report.append((account, status))
        return report

    def seed_threads(self) -> int:
        User = get_user_model()
        created = 0
        for area, board_slug, author, title, body, replies in demo.DEMO_THREADS:
            board = Board.objects.get(area__slug=area, slug=board_slug)
            if Thread.objects.filter(board=board, title=title).exists():
                continue
            first = start_thread(
                author=User.objects.get(username=author), board=board, title=title, body=body
            )
            for reply_author, reply_body in replies:
                post_reply(
                    author=User.objects.get(username=reply_author),
                    thread=first.thread,
                    body=reply_body,
                )
            created += 1
        return created
