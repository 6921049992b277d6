"""Before issue 17, acts on a held thread stored its title on its board's stream, which every
reader of the board may replay. Events now go to the thread's own stream only
(forum.realtime.events.thread_event); this removes the ones stored before, once."""

from django.db import migrations


def forget(apps, schema_editor):
    Event = apps.get_model("forum", "Event")
    Event.objects.filter(stream__startswith="board:", payload__held=True).delete()


class Migration(migrations.Migration):
    dependencies = [("forum", "0010_postrevision_redaction")]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
