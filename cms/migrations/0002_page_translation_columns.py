"""Wagtail's Page gets its per-language columns (wagtail-modeltranslation).

wagtail-modeltranslation adds ``title_xx``, ``slug_xx``, ``seo_title_xx``,
``search_description_xx`` and ``url_path_xx`` to Wagtail's own ``Page`` model. Wagtail's
migrations cannot carry them, so this migration adds the missing columns with Django's schema
editor (the library's ``sync_page_translation_fields`` does the same with hand-made SQL). It is
safe to run again: a column that exists is left alone. Schema only: PostgreSQL refuses to alter a
table or build its indexes in a transaction that also wrote rows to it (0003 writes them).
"""

from django.conf import settings
from django.db import migrations

PAGE_FIELDS = ("title", "slug", "seo_title", "search_description", "url_path")


def add_page_translation_columns(apps, schema_editor):
    from modeltranslation.utils import build_localized_fieldname
    from wagtail.models import Page  # the real model: it carries the translation fields

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        existing = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, Page._meta.db_table
            )
        }
    for field in PAGE_FIELDS:
        for code, _name in settings.LANGUAGES:
            model_field = Page._meta.get_field(build_localized_fieldname(field, code))
            if model_field.column not in existing:
                schema_editor.add_field(Page, model_field)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_page_translation_columns, migrations.RunPython.noop),
    ]
