"""`manage.py load_demo_campaign`: the Phù Yên 2022 commune campaign (after `load_demo`)."""

from django.core.management.base import BaseCommand

from parindex.assessments.demo import load_demo_campaign
from parindex.orgs.demo_world import COMMUNES


class Command(BaseCommand):
    help = "Create the demo 2022 commune campaign of Phù Yên, self-scored and submitted."

    def handle(self, *args, **options) -> None:
        result = load_demo_campaign([code for code, _name, _kind in COMMUNES])
        self.stdout.write(result.message)
