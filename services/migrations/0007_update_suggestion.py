"""Visitors' "is something wrong here?" notes are update suggestions, no longer "reports"
(the word is the coordinators' reports'). The rows stay: the table is renamed, and so are the
permissions, so the associates' group keeps them."""

import django.db.models.deletion
from django.db import migrations, models

ACTIONS = ("add", "change", "delete", "view")


def permissions_rename(old, new):
    def run(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        for action in ACTIONS:
            Permission.objects.filter(
                content_type__app_label="services", codename=f"{action}_{old}"
            ).update(codename=f"{action}_{new}", name=f"Can {action} update suggestion")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0006_cyrillic_associate_contact"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel("UpdateReport", "UpdateSuggestion"),
        migrations.AlterModelOptions(
            name="updatesuggestion",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "update suggestion",
                "verbose_name_plural": "update suggestions",
            },
        ),
        migrations.AlterField(
            model_name="updatesuggestion",
            name="service",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="update_suggestions",
                to="services.service",
                verbose_name="service",
            ),
        ),
        migrations.RunPython(
            permissions_rename("updatereport", "updatesuggestion"),
            permissions_rename("updatesuggestion", "updatereport"),
        ),
    ]
