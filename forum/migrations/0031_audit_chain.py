"""The moderation log becomes a hash chain (forum/audit.py): every existing row is chained in
the order it was written, then the database refuses updates and deletes of it (triggers)."""

from django.db import migrations, models

from forum import audit, auditchain


def chain_existing(apps, schema_editor):
    ModerationAction = apps.get_model("forum", "ModerationAction")
    previous = auditchain.GENESIS
    table = ModerationAction._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        for sequence, action in enumerate(ModerationAction.objects.order_by("pk"), start=1):
            action.sequence = sequence
            digest = auditchain.row_hash(previous, audit.fields_of(action))
            # A raw UPDATE: the model's queryset refuses updates (it is append-only).
            cursor.execute(
                f"UPDATE {table} SET sequence = %s, previous_hash = %s, hash = %s WHERE id = %s",
                [sequence, previous, digest, action.pk],
            )
            previous = digest


def add_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": audit.SQLITE_TRIGGERS, "postgresql": audit.POSTGRES_TRIGGERS}
    for statement in statements.get(vendor, []):
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    for statement in audit.DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("forum", "0030_message_translations")]

    operations = [
        migrations.AddField(
            model_name="moderationaction",
            name="sequence",
            field=models.PositiveBigIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="moderationaction",
            name="previous_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="moderationaction",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="moderationaction",
            name="sequence",
            field=models.PositiveBigIntegerField(editable=False, unique=True),
        ),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
