"""The aide universelle d'urgence claims get a short reference to read out over the phone
(benefits/auu/references.py); the claims filed before get one each, then it becomes required and unique."""

from django.db import migrations, models


def give_short_references(apps, schema_editor):
    from benefits.auu.references import new_short_reference

    UrgentClaim = apps.get_model("benefits", "UrgentClaim")
    taken = set()
    for claim in UrgentClaim.objects.filter(short_reference__isnull=True).only("pk"):
        reference = new_short_reference()
        while reference in taken:
            reference = new_short_reference()
        taken.add(reference)
        UrgentClaim.objects.filter(pk=claim.pk).update(short_reference=reference)


class Migration(migrations.Migration):
    # Each step commits on its own: PostgreSQL refuses to alter a table whose rows were updated in the
    # same transaction while deferred triggers are pending.
    atomic = False

    dependencies = [("benefits", "0008_exceptional_aid_letter")]

    operations = [
        migrations.AddField(
            model_name="urgentclaim",
            name="short_reference",
            field=models.CharField(editable=False, max_length=8, null=True, verbose_name="référence"),
        ),
        migrations.RunPython(give_short_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="urgentclaim",
            name="short_reference",
            field=models.CharField(editable=False, max_length=8, unique=True, verbose_name="référence"),
        ),
    ]
