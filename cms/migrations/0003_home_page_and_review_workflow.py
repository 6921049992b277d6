"""The site gets its home page and review workflow; pages get their English values.

1. Each page's current title, slug, SEO fields and url_path are copied into the English columns
   0002 added (an English value already set is left alone).
2. Wagtail's placeholder "Welcome" page is replaced by the association's home page, as Wagtail's
   own project template does.
3. A "Reviewers" group may publish; Wagtail's "Editors" group may only submit; every page goes
   through the "Editorial review" workflow (one task: a reviewer approves).
"""

from django.conf import settings
from django.db import migrations

PAGE_FIELDS = ("title", "slug", "seo_title", "search_description", "url_path")


def _localized(field, code):
    from modeltranslation.utils import build_localized_fieldname

    return build_localized_fieldname(field, code)


def copy_values_into_english_columns(apps, schema_editor):
    from wagtail.models import Page

    quote = schema_editor.quote_name
    english = ", ".join(
        f"{quote(_localized(field, 'en'))} = COALESCE({quote(_localized(field, 'en'))}, "
        f"{quote(field)})"
        for field in PAGE_FIELDS
    )
    schema_editor.execute(f"UPDATE {quote(Page._meta.db_table)} SET {english}")


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    if HomePage.objects.exists():
        return
    # Wagtail's placeholder, if it is still there untouched.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if Page.objects.filter(depth=2, slug="home").exists():
        return  # someone's own home page: leave it
    home_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Prosecutors' Exchange",
        draft_title="Prosecutors' Exchange",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale_id=root.locale_id,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


def create_review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    def permission(app_label, codename):
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model={"wagtailadmin": "admin"}.get(app_label, "page")
        )
        perm, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        return perm

    root = Page.objects.get(depth=1)
    admin_access = permission("wagtailadmin", "access_admin")
    editors, _created = Group.objects.get_or_create(name="Editors")
    reviewers, _created = Group.objects.get_or_create(name="Reviewers")
    for group, codenames in (
        (editors, ("add_page", "change_page", "lock_page")),
        (reviewers, ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")),
    ):
        group.permissions.add(admin_access)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission("wagtailcore", codename)
            )
    # Reviewers use the images and documents editors upload.
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            content_type, _created = ContentType.objects.get_or_create(
                app_label=app_label, model=model
            )
            for action in ("add", "change", "choose"):
                perm, _created = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=reviewers, collection=root_collection, permission=perm
                )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name="Reviewer approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Reviewer approval", content_type=task_type, active=True
        )
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(
        name="Editorial review", defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The workflow on the root covers every page, replacing Wagtail's default one there.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_page_translation_columns"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
        migrations.RunPython(copy_values_into_english_columns, migrations.RunPython.noop),
        migrations.RunPython(create_review_workflow, migrations.RunPython.noop),
    ]
