from django.db import migrations, models


def roles_from_role(apps, schema_editor):
    Invitation = apps.get_model("gnv_portal", "Invitation")
    for invitation in Invitation.objects.all():
        invitation.roles = [invitation.role]
        invitation.save(update_fields=["roles"])


def role_from_roles(apps, schema_editor):
    Invitation = apps.get_model("gnv_portal", "Invitation")
    for invitation in Invitation.objects.all():
        invitation.role = (invitation.roles or ["lasare"])[0]
        invitation.save(update_fields=["role"])


class Migration(migrations.Migration):
    """One invitation, several roles (a municipal contact for both the survey and the economy)."""

    dependencies = [
        ("gnv_portal", "0002_reminder_schedules_and_email_part"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="roles",
            field=models.JSONField(default=list, verbose_name="roller"),
        ),
        migrations.AddField(
            model_name="invitation",
            name="to_existing_account",
            field=models.BooleanField(default=False, verbose_name="till befintligt konto"),
        ),
        migrations.RunPython(roles_from_role, role_from_roles),
        migrations.RemoveField(
            model_name="invitation",
            name="role",
        ),
    ]
