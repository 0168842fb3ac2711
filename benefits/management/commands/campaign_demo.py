from django.core.management.base import BaseCommand

from benefits.campaigns.demo_load import campaign_demo_load
from benefits.rules.months import month_index, month_label


class Command(BaseCommand):
    help = (
        "Crée N foyers synthétiques (graine fixe) et un an de flux mensuels de revenus, importés comme ceux "
        "du DRM. Relancer la commande ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2020)
        parser.add_argument("--last-month", default="2026-11", help="dernier mois du flux (AAAA-MM)")

    def handle(self, *args, households: int, seed: int, last_month: str, **options):
        month_label(month_index(last_month))
        summary = campaign_demo_load(households=households, last_month=last_month, seed=seed)
        for path, report in summary["feeds"]:
            state = (
                "déjà importé" if report.already_imported else f"{report.feed.stored} ligne(s) enregistrée(s)"
            )
            self.stdout.write(f"{path.name} : {state}")
        self.stdout.write(f"{summary['files']} dossiers allocataires en base.")
