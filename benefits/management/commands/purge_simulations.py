from django.core.management.base import BaseCommand

from benefits.simulator.models import Simulation


class Command(BaseCommand):
    help = "Efface les simulations dont la durée de conservation est dépassée (SIMULATION_RETENTION_DAYS)."

    def handle(self, *args, **options):
        deleted, _ = Simulation.objects.expired().delete()
        self.stdout.write(f"{deleted} simulation(s) effacée(s).")
